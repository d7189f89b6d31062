package org.careloop.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.careloop.platform.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class PlatformArchitectureTest {

    @Test
    void thePlatformsPackagesHaveNoCycles() {
        ArchitectureRules.noCyclesBetweenPackagesOf("org.careloop.platform")
                .check(ArchitectureRules.production("org.careloop.platform"));
    }

    @Test
    void thePlatformKnowsNoServiceAndNoServiceEvent() {
        noClasses()
                .that()
                .resideInAPackage("org.careloop.platform..")
                .and()
                .resideOutsideOfPackage("org.careloop.platform.testing..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.careloop.intake..",
                        "org.careloop.treatment..",
                        "org.careloop.risk..",
                        "org.careloop.referral..",
                        "org.careloop.billing..")
                .check(ArchitectureRules.production("org.careloop.platform"));
    }
}

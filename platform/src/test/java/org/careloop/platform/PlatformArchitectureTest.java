package org.careloop.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.net.InetAddress;
import org.careloop.platform.outbound.OutboundAddressPolicy;
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

    @Test
    void theOutboundAddressRuleIsPureAndLooksNothingUpItself() {
        noClasses()
                .that()
                .haveNameMatching(
                        OutboundAddressPolicy.class.getName().replace(".", "\\.") + "(\\$.*)?")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.quarkus..",
                        "io.smallrye..",
                        "io.vertx..",
                        "jakarta..",
                        "org.eclipse.microprofile..",
                        "java.net.http..")
                .orShould()
                .callMethod(InetAddress.class, "getAllByName", String.class)
                .because("names are resolved by the resolver it is given, so its tests need no DNS")
                .check(ArchitectureRules.production("org.careloop.platform.outbound"));
    }
}

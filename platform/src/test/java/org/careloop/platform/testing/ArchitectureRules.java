package org.careloop.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/** The rules every service's architecture test checks. */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Deciders are pure: no framework, no database, no clock of their own. */
    public static final ArchRule DECIDERS_ARE_PURE = noClasses()
            .that().haveSimpleNameEndingWith("Decider")
            .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.smallrye..", "jakarta.persistence..",
                    "jakarta.ws.rs..", "org.hibernate..", "io.vertx..", "org.apache.kafka..")
            .orShould().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .because("deciders take everything, the time included, as arguments")
            .allowEmptyShould(true);

    /** Package by feature: no service code outside a feature package. */
    public static final ArchRule NO_CLASSES_IN_THE_SERVICE_ROOT = noClasses()
            .should().resideInAnyPackage("org.careloop.intake", "org.careloop.treatment", "org.careloop.risk",
                    "org.careloop.referral", "org.careloop.billing")
            .because("a service's code lives in feature packages such as client/ or alert/");

    /** Checks every rule against a service's production classes, e.g. {@code org.careloop.intake}. */
    public static void check(String servicePackage) {
        JavaClasses service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        DECIDERS_ARE_PURE.check(service);
        NO_CLASSES_IN_THE_SERVICE_ROOT.check(service);
    }
}

package org.careloop.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;

/** The rules every service's architecture test checks. */
public final class ArchitectureRules {

    private ArchitectureRules() {}

    /** Deciders are pure: no framework, no database, no clock and no randomness of their own. */
    public static final ArchRule DECIDERS_ARE_PURE =
            noClasses()
                    .that()
                    .haveSimpleNameEndingWith("Decider")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "io.quarkus..",
                            "io.smallrye..",
                            "jakarta.persistence..",
                            "jakarta.ws.rs..",
                            "org.hibernate..",
                            "io.vertx..",
                            "org.apache.kafka..")
                    .orShould()
                    .callMethod(Instant.class, "now")
                    .orShould()
                    .callMethod(LocalDate.class, "now")
                    .orShould()
                    .callMethod(LocalDateTime.class, "now")
                    .orShould()
                    .callMethod(OffsetDateTime.class, "now")
                    .orShould()
                    .callMethod(ZonedDateTime.class, "now")
                    .orShould()
                    .callMethod(Clock.class, "systemUTC")
                    .orShould()
                    .callMethod(Clock.class, "systemDefaultZone")
                    .orShould()
                    .callMethod(System.class, "currentTimeMillis")
                    .orShould()
                    .callMethod(System.class, "nanoTime")
                    .orShould()
                    .callMethod(UUID.class, "randomUUID")
                    .because(
                            "deciders take everything, the time and new ids included, as arguments")
                    .allowEmptyShould(true);

    /** Package by feature: no service code outside a feature package. */
    public static final ArchRule NO_CLASSES_IN_THE_SERVICE_ROOT =
            noClasses()
                    .should()
                    .resideInAnyPackage(
                            "org.careloop.intake",
                            "org.careloop.treatment",
                            "org.careloop.risk",
                            "org.careloop.referral",
                            "org.careloop.billing")
                    .because(
                            "a service's code lives in feature packages such as client/ or alert/");

    /** Feature packages of one code base depend on each other in one direction only. */
    public static ArchRule noCyclesBetweenPackagesOf(String basePackage) {
        return slices().matching(basePackage + ".(*)..")
                .should()
                .beFreeOfCycles()
                .because(
                        "a cycle between features makes neither understandable nor changeable alone");
    }

    /**
     * Checks every rule against a service's production classes, e.g. {@code org.careloop.intake}.
     */
    public static void check(String servicePackage) {
        JavaClasses service = production(servicePackage);
        DECIDERS_ARE_PURE.check(service);
        NO_CLASSES_IN_THE_SERVICE_ROOT.check(service);
        noCyclesBetweenPackagesOf(servicePackage).check(service);
    }

    public static JavaClasses production(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
    }
}

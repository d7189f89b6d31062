package org.careloop.risk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.InetAddress;
import org.careloop.platform.testing.ArchitectureRules;
import org.careloop.risk.webhook.WebhookAddressPolicy;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void decidersArePureAndCodeLivesInFeaturePackages() {
        ArchitectureRules.check("org.careloop.risk");
    }

    @Test
    void theWebhookAddressRuleIsPureAndLooksNothingUpItself() {
        noClasses()
                .that()
                .haveNameMatching(
                        WebhookAddressPolicy.class.getName().replace(".", "\\.") + "(\\$.*)?")
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
                .check(
                        new ClassFileImporter()
                                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                                .importPackages("org.careloop.risk.webhook"));
    }
}

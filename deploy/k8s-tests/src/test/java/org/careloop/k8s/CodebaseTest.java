package org.careloop.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The facts the manifests are held to come from the source, not from a copied list. */
class CodebaseTest {

    @Test
    void topicsAreTheContractsConstantsTheChannelsAndEachConsumersDeadLetters() {
        assertEquals(
                Set.of(
                        "intake.events",
                        "risk.events",
                        "access.events",
                        "intake-service.dlq",
                        "risk-service.dlq"),
                Fixtures.CODEBASE.topics());
    }

    @Test
    void aServiceConsumesItsOwnChannelsAndThePlatformsButNoTestProfileOnes() {
        var risk = Fixtures.CODEBASE.service("risk");
        assertEquals("risk-service", risk.applicationName());
        assertEquals("/api/risk", risk.rootPath());
        assertEquals(Set.of("intake.events", "access.events"), risk.consumedTopics());
        assertEquals(Set.of("risk-service.dlq"), risk.deadLetterTopics());
    }

    @Test
    void theRealmsRolesAndClientsComeFromItsExport() {
        assertEquals("careloop", Fixtures.CODEBASE.realm());
        assertEquals(Set.of("clinician", "oncall"), Fixtures.CODEBASE.realmRoles());
        assertEquals(Set.of("careloop-cli"), Fixtures.CODEBASE.realmClients());
    }

    @Test
    void thisRepositoryHasFiveServicesEachWithItsDeadLetterTopic() {
        var codebase = Rendered.codebase();
        assertEquals(
                List.of("billing", "intake", "referral", "risk", "treatment"),
                codebase.services().stream().map(Codebase.Service::shortName).toList());
        for (var service : codebase.services()) {
            assertEquals("/api/" + service.shortName(), service.rootPath());
            assertTrue(service.consumedTopics().contains("access.events"), service::toString);
            assertTrue(
                    codebase.topics().contains(service.applicationName() + ".dlq"),
                    codebase::toString);
        }
        assertTrue(
                codebase.topics().containsAll(Set.of("audit.events", "billing.events")),
                codebase::toString);
    }
}

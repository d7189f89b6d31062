package org.careloop.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditChainRulesTest {

    private static final UUID CLIENT = UUID.fromString("5b0c6f2e-8d1a-4c3e-9f7b-2a4d6e8f0a1c");

    private static AuditRow row(String outcome, String basis, String purpose, UUID client) {
        return new AuditRow(
                42,
                Instant.parse("2026-12-02T02:11:00.123456Z"),
                "treatment-service",
                "req-7",
                "clinician2",
                "clinician",
                client,
                "READ",
                "GET",
                "/clients/{clientId}/plans",
                "/clients/" + CLIENT + "/plans",
                outcome,
                basis,
                purpose,
                null,
                null,
                null);
    }

    @Test
    void theHashDependsOnThePreviousHashThePositionAndEveryField() {
        AuditRow row = row("EMERGENCY", "EMERGENCY", "EMERGENCY_TREATMENT", CLIENT);
        String hash = ChainLink.hash(ChainLink.GENESIS, 1, row);

        assertEquals(64, hash.length());
        assertEquals(hash, ChainLink.hash(ChainLink.GENESIS, 1, row));
        assertNotEquals(hash, ChainLink.hash(hash, 1, row));
        assertNotEquals(hash, ChainLink.hash(ChainLink.GENESIS, 2, row));
        assertNotEquals(
                hash,
                ChainLink.hash(
                        ChainLink.GENESIS,
                        1,
                        row("ALLOWED", "EMERGENCY", "EMERGENCY_TREATMENT", CLIENT)));
        assertNotEquals(
                hash,
                ChainLink.hash(
                        ChainLink.GENESIS,
                        1,
                        row("EMERGENCY", "EMERGENCY", "EMERGENCY_TREATMENT", null)));
    }

    @Test
    void aFieldsTextCannotMoveIntoTheNextField() {
        AuditRow a = row("ALLOWED", "CARE_TEAM", "TREATMENT", CLIENT);
        AuditRow b =
                new AuditRow(
                        a.id(),
                        a.recordedAt(),
                        a.service(),
                        a.requestId(),
                        a.username() + "c",
                        "linician",
                        a.clientId(),
                        a.action(),
                        a.method(),
                        a.route(),
                        a.path(),
                        a.outcome(),
                        a.basis(),
                        a.purpose(),
                        null,
                        null,
                        null);
        assertNotEquals(
                ChainLink.hash(ChainLink.GENESIS, 1, a), ChainLink.hash(ChainLink.GENESIS, 1, b));
    }

    @Test
    void anEmergencyReadIsAFhirAuditEventAboutThePatientWithItsPurposeAndChainPlace()
            throws Exception {
        AuditRow chained =
                row("EMERGENCY", "EMERGENCY", "EMERGENCY_TREATMENT", CLIENT)
                        .chained(7, "a".repeat(64), "b".repeat(64));

        JsonNode event = new ObjectMapper().readTree(FhirAuditEvent.json(chained));

        assertEquals("AuditEvent", event.get("resourceType").asText());
        assertEquals("rest", event.at("/type/code").asText());
        assertEquals("read", event.at("/subtype/0/code").asText());
        assertEquals("R", event.get("action").asText());
        assertEquals("0", event.get("outcome").asText());
        assertEquals("ETREAT", event.at("/purposeOfEvent/0/coding/0/code").asText());
        assertEquals("clinician2", event.at("/agent/0/who/identifier/value").asText());
        assertTrue(event.at("/agent/0/requestor").asBoolean());
        assertEquals("Patient/" + CLIENT, event.at("/entity/0/what/reference").asText());
        assertEquals("treatment-service", event.at("/source/observer/display").asText());
        assertEquals("7", event.at("/entity/1/detail/1/valueString").asText());
        assertEquals("b".repeat(64), event.at("/entity/1/detail/2/valueString").asText());
    }

    @Test
    void aRefusalIsAMinorFailureAndARequestWithoutAClientNamesNoPatient() throws Exception {
        AuditRow refused =
                row("REFUSED", "NONE", "TREATMENT", null)
                        .chained(1, ChainLink.GENESIS, "c".repeat(64));

        JsonNode event = new ObjectMapper().readTree(FhirAuditEvent.json(refused));

        assertEquals("4", event.get("outcome").asText());
        assertEquals("TREAT", event.at("/purposeOfEvent/0/coding/0/code").asText());
        assertEquals("2", event.at("/entity/0/type/code").asText());
        assertEquals(1, event.get("entity").size());
    }
}

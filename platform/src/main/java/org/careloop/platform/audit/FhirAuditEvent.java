package org.careloop.platform.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An audit record as a FHIR R4 {@code AuditEvent}, shaped after IHE Basic Audit Log Patterns: a
 * RESTful operation by a human user on a patient's data, with its purpose of use and outcome, the
 * service as observer, and the chain position and hash so a SIEM can check continuity.
 */
public final class FhirAuditEvent {

    public static final String TYPE = "careloop.audit.AuditEvent.v1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";

    private FhirAuditEvent() {}

    public static String json(AuditRow row) {
        ObjectNode event = JSON.createObjectNode();
        event.put("resourceType", "AuditEvent");
        event.put("id", row.service() + "-" + row.id());
        coding(
                event.putObject("type"),
                "http://terminology.hl7.org/CodeSystem/audit-event-type",
                "rest",
                "RESTful Operation");
        coding(
                event.putArray("subtype").addObject(),
                "http://hl7.org/fhir/restful-interaction",
                interaction(row),
                null);
        event.put("action", action(row.action()));
        event.put("recorded", row.recordedAt().toString());
        event.put("outcome", "REFUSED".equals(row.outcome()) ? "4" : "0");
        event.put("outcomeDesc", row.outcome() + " (" + row.basis() + ")");
        coding(
                event.putArray("purposeOfEvent").addObject().putArray("coding").addObject(),
                "http://terminology.hl7.org/CodeSystem/v3-ActReason",
                purposeCode(row.purpose()),
                row.purpose());

        ArrayNode agents = event.putArray("agent");
        ObjectNode user = agents.addObject();
        coding(
                user.putObject("type").putArray("coding").addObject(),
                "http://terminology.hl7.org/CodeSystem/extra-security-role-type",
                "humanuser",
                "human user");
        user.putObject("who").putObject("identifier").put("value", row.username());
        user.put("requestor", true);
        ArrayNode roles = user.putArray("role");
        for (String role : row.roles().split(",")) {
            if (!role.isBlank()) {
                roles.addObject().put("text", role);
            }
        }
        user.putArray("policy").add("urn:careloop:access:" + row.basis());
        ObjectNode server = agents.addObject();
        coding(
                server.putObject("type").putArray("coding").addObject(),
                DCM,
                "110153",
                "Source Role ID");
        server.putObject("who").put("display", row.service());
        server.put("requestor", false);

        ObjectNode source = event.putObject("source");
        source.put("site", "careloop");
        source.putObject("observer").put("display", row.service());
        coding(
                source.putArray("type").addObject(),
                "http://terminology.hl7.org/CodeSystem/security-source-type",
                "4",
                "Application Server");

        ArrayNode entities = event.putArray("entity");
        if (row.clientId() != null) {
            ObjectNode patient = entities.addObject();
            patient.putObject("what").put("reference", "Patient/" + row.clientId());
            coding(
                    patient.putObject("type"),
                    "http://terminology.hl7.org/CodeSystem/audit-entity-type",
                    "1",
                    "Person");
            coding(
                    patient.putObject("role"),
                    "http://terminology.hl7.org/CodeSystem/object-role",
                    "1",
                    "Patient");
        }
        ObjectNode query = entities.addObject();
        coding(
                query.putObject("type"),
                "http://terminology.hl7.org/CodeSystem/audit-entity-type",
                "2",
                "System Object");
        query.put("name", row.method() + " " + row.route());
        query.put("description", row.path());
        ArrayNode details = query.putArray("detail");
        if (row.requestId() != null) {
            details.addObject().put("type", "request-id").put("valueString", row.requestId());
        }
        details.addObject()
                .put("type", "chain-position")
                .put("valueString", String.valueOf(row.chainPosition()));
        details.addObject().put("type", "chain-hash").put("valueString", row.hash());
        details.addObject().put("type", "previous-hash").put("valueString", row.previousHash());
        return event.toString();
    }

    private static String interaction(AuditRow row) {
        return switch (row.action()) {
            case "CREATE" -> "create";
            case "UPDATE" -> "update";
            case "DELETE" -> "delete";
            default -> row.route().contains("{") ? "read" : "search-type";
        };
    }

    private static String action(String action) {
        return switch (action) {
            case "CREATE" -> "C";
            case "UPDATE" -> "U";
            case "DELETE" -> "D";
            default -> "R";
        };
    }

    private static String purposeCode(String purpose) {
        try {
            return AuditEntry.Purpose.valueOf(purpose).code();
        } catch (IllegalArgumentException e) {
            return purpose;
        }
    }

    private static void coding(ObjectNode node, String system, String code, String display) {
        node.put("system", system);
        node.put("code", code);
        if (display != null) {
            node.put("display", display);
        }
    }
}

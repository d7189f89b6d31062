package org.careloop.platform.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One request that reached a service: who (user and roles), which client, what (route and action),
 * the outcome and its basis, for what purpose, when, and the gateway's request id.
 */
public record AuditEntry(
        Instant recordedAt,
        String service,
        String requestId,
        String username,
        String roles,
        UUID clientId,
        Action action,
        String method,
        String route,
        String path,
        Outcome outcome,
        String basis,
        Purpose purpose) {

    /** What the request did, from its HTTP method. */
    public enum Action {
        READ,
        CREATE,
        UPDATE,
        DELETE;

        public static Action of(String method) {
            return switch (method) {
                case "POST" -> CREATE;
                case "PUT", "PATCH" -> UPDATE;
                case "DELETE" -> DELETE;
                default -> READ;
            };
        }
    }

    /** Whether the request went ahead. */
    public enum Outcome {
        ALLOWED,
        REFUSED,
        EMERGENCY
    }

    /** Why the data was used, in HIPAA's terms (and FHIR's purpose-of-use codes). */
    public enum Purpose {
        TREATMENT("TREAT"),
        EMERGENCY_TREATMENT("ETREAT"),
        PAYMENT("HPAYMT"),
        OPERATIONS("HOPERAT");

        private final String code;

        Purpose(String code) {
            this.code = code;
        }

        /** The HL7 v3 PurposeOfUse code. */
        public String code() {
            return code;
        }
    }
}

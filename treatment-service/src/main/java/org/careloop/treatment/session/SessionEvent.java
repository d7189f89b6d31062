package org.careloop.treatment.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.EventType;
import org.careloop.contracts.treatment.Diagnosis;

/** What happened to one session and its note, in one stream per session. */
public sealed interface SessionEvent {

    String STREAM = "session";

    UUID sessionId();

    UUID clientId();

    /** The author's licence and supervisor as they stood then decide who must co-sign. */
    @EventType("treatment.session.Drafted")
    record Drafted(
            UUID sessionId,
            UUID clientId,
            String author,
            boolean authorLicensed,
            String authorSupervisor,
            SessionType type,
            Instant startedAt,
            Instant endedAt,
            SessionModality modality,
            ClientLocation clientLocation,
            boolean interactiveComplexity,
            Note note,
            List<String> objectivesAddressed,
            boolean riskReviewed,
            UUID groupSessionId,
            Instant draftedAt)
            implements SessionEvent {}

    @EventType("treatment.session.Signed")
    record Signed(UUID sessionId, UUID clientId, String signer, Instant signedAt)
            implements SessionEvent {}

    @EventType("treatment.session.Cosigned")
    record Cosigned(UUID sessionId, UUID clientId, String supervisor, Instant cosignedAt)
            implements SessionEvent {}

    /**
     * The note is final: what a claim stands on, with the diagnoses of the plan in force when it
     * became final.
     */
    @EventType("treatment.session.Documented")
    record Documented(
            UUID sessionId,
            UUID clientId,
            List<Diagnosis> diagnoses,
            UUID planId,
            Instant documentedAt)
            implements SessionEvent {}

    @EventType("treatment.session.AddendumAdded")
    record AddendumAdded(
            UUID sessionId, UUID clientId, int number, String text, String by, Instant at)
            implements SessionEvent {}

    @EventType("treatment.session.Voided")
    record Voided(UUID sessionId, UUID clientId, String reason, String by, Instant voidedAt)
            implements SessionEvent {}
}

package org.careloop.treatment.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.treatment.Diagnosis;

/** A session and its note as the API shows them. */
public record SessionView(
        UUID sessionId,
        UUID clientId,
        String status,
        String type,
        Instant startedAt,
        Instant endedAt,
        long minutes,
        String modality,
        String clientLocation,
        boolean interactiveComplexity,
        String author,
        String cosignatureBy,
        Note note,
        List<String> objectivesAddressed,
        boolean riskReviewed,
        List<SessionJson.Addendum> addenda,
        UUID groupSessionId,
        Instant signedAt,
        Instant cosignedAt,
        Instant documentedAt,
        List<Diagnosis> diagnoses,
        Instant voidedAt,
        String voidReason) {

    public static SessionView of(SessionRecord s) {
        return new SessionView(
                s.sessionId,
                s.clientId,
                s.status,
                s.type,
                s.startedAt,
                s.endedAt,
                java.time.Duration.between(s.startedAt, s.endedAt).toMinutes(),
                s.modality,
                s.clientLocation,
                s.interactiveComplexity,
                s.author,
                s.authorSupervisor,
                SessionJson.note(s.note),
                SessionJson.strings(s.objectives),
                s.riskReviewed,
                SessionJson.addenda(s.addenda),
                s.groupSessionId,
                s.signedAt,
                s.cosignedAt,
                s.documentedAt,
                SessionJson.diagnoses(s.diagnoses),
                s.voidedAt,
                s.voidReason);
    }
}

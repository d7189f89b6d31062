package org.careloop.treatment.plan;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.treatment.Diagnosis;
import org.careloop.platform.projection.JsonColumns;

/** The JSON columns of the plan read models. */
public final class PlanJson {

    /** A signature as the version shows it. */
    public record Signature(
            SignerRole role,
            String signer,
            SignatureMethod method,
            String witness,
            Instant signedAt) {}

    /** A measured goal's standing, from the latest score. */
    public record GoalStanding(
            String goalId, boolean met, int score, UUID assessmentId, Instant at) {}

    private PlanJson() {}

    static String write(Object value) {
        return JsonColumns.write(value);
    }

    static <T> T read(String json, TypeReference<T> type) {
        return JsonColumns.read(json, type);
    }

    static PlanContent content(String json) {
        return read(json, new TypeReference<>() {});
    }

    static List<Diagnosis> diagnoses(String json) {
        return json == null ? List.of() : read(json, new TypeReference<>() {});
    }

    static List<Signature> signatures(String json) {
        return json == null ? List.of() : read(json, new TypeReference<>() {});
    }

    static List<GoalStanding> goals(String json) {
        return json == null ? List.of() : read(json, new TypeReference<>() {});
    }
}

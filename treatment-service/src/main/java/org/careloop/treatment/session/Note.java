package org.careloop.treatment.session;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.careloop.platform.problem.FreeText;

/** A progress note in one of the structured formats; only that format's sections are filled. */
public record Note(
        @NotNull NoteFormat format,
        @Size(max = 8000) @FreeText String data,
        @Size(max = 8000) @FreeText String subjective,
        @Size(max = 8000) @FreeText String objective,
        @Size(max = 8000) @FreeText String behavior,
        @Size(max = 8000) @FreeText String intervention,
        @Size(max = 8000) @FreeText String response,
        @Size(max = 8000) @FreeText String assessment,
        @Size(max = 8000) @FreeText String plan) {

    /** Every section by name, filled or not. */
    public Map<String, String> sections() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("data", data);
        all.put("subjective", subjective);
        all.put("objective", objective);
        all.put("behavior", behavior);
        all.put("intervention", intervention);
        all.put("response", response);
        all.put("assessment", assessment);
        all.put("plan", plan);
        return all;
    }
}

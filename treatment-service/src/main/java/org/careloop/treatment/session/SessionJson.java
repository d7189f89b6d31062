package org.careloop.treatment.session;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.List;
import org.careloop.contracts.treatment.Diagnosis;
import org.careloop.platform.projection.JsonColumns;

/** The JSON columns of the session read model. */
public final class SessionJson {

    /** An addendum to a signed note. */
    public record Addendum(int number, String text, String by, Instant at) {}

    private SessionJson() {}

    static String write(Object value) {
        return JsonColumns.write(value);
    }

    static <T> T read(String json, TypeReference<T> type) {
        return JsonColumns.read(json, type);
    }

    static Note note(String json) {
        return read(json, new TypeReference<>() {});
    }

    static List<String> strings(String json) {
        List<String> list = read(json, new TypeReference<>() {});
        return list == null ? List.of() : list;
    }

    static List<Addendum> addenda(String json) {
        List<Addendum> list = read(json, new TypeReference<>() {});
        return list == null ? List.of() : list;
    }

    static List<Diagnosis> diagnoses(String json) {
        List<Diagnosis> list = read(json, new TypeReference<>() {});
        return list == null ? List.of() : list;
    }
}

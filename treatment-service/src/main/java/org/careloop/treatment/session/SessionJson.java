package org.careloop.treatment.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.careloop.contracts.codec.EventJson;
import org.careloop.contracts.treatment.Diagnosis;

/** The JSON columns of the session read model. */
public final class SessionJson {

    /** An addendum to a signed note. */
    public record Addendum(int number, String text, String by, Instant at) {}

    private SessionJson() {}

    static String write(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return json == null ? null : EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
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

package org.careloop.platform.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.UncheckedIOException;
import org.careloop.contracts.codec.EventJson;

/**
 * Values a read model keeps as JSON text in one column (a plan's content, a note's addenda),
 * written and read with the events' own mapper, so dates and enums look the same everywhere.
 */
public final class JsonColumns {

    private JsonColumns() {}

    public static String write(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The column's value; null for a null column. */
    public static <T> T read(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

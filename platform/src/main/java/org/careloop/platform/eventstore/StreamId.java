package org.careloop.platform.eventstore;

import java.util.Objects;
import java.util.UUID;

/**
 * A stream's identity: its type ({@code client}, {@code plan}, {@code authorization} ...) and the real id of the thing
 * it records. Two streams of different types may share an id (a client's risk stream and its safety-plan stream).
 */
public record StreamId(String type, UUID id) {

    public StreamId {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (type.isBlank()) {
            throw new IllegalArgumentException("a stream type is required");
        }
    }

    public static StreamId of(String type, UUID id) {
        return new StreamId(type, id);
    }

    @Override
    public String toString() {
        return type + "/" + id;
    }
}

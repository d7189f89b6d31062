package org.careloop.platform.eventstore;

import java.util.Objects;
import java.util.UUID;

/**
 * A stream's identity: its type ({@code client}, {@code plan}, {@code escalation-policy} ...) and
 * the real id of the thing it records, a UUID or a name (a ladder's priority, a clinician's user
 * name). Two streams of different types may share an id (a client's risk stream and its safety-plan
 * stream).
 */
public record StreamId(String type, String id) {

    public StreamId {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (type.isBlank() || id.isBlank()) {
            throw new IllegalArgumentException("a stream needs a type and an id");
        }
    }

    public static StreamId of(String type, UUID id) {
        return new StreamId(type, id.toString());
    }

    public static StreamId of(String type, String id) {
        return new StreamId(type, id);
    }

    @Override
    public String toString() {
        return type + "/" + id;
    }
}

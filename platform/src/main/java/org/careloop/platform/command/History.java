package org.careloop.platform.command;

import java.util.List;
import org.careloop.platform.eventstore.StreamId;

/** A stream's events as its decider reads them, and the version a new append must expect. */
public record History<E>(StreamId stream, List<E> events) {

    public History {
        events = List.copyOf(events);
    }

    /** A stream that has no events yet: what a command that starts one (a new id) decides on. */
    public static <E> History<E> of(StreamId stream) {
        return new History<>(stream, List.of());
    }

    public int version() {
        return events.size();
    }

    public boolean isNew() {
        return events.isEmpty();
    }
}

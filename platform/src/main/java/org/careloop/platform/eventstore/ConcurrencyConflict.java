package org.careloop.platform.eventstore;

import java.util.UUID;

/** Someone else changed the stream since the caller read it; the caller should reload and decide again. */
public class ConcurrencyConflict extends RuntimeException {

    public ConcurrencyConflict(UUID streamId, long expected, long actual) {
        super("stream " + streamId + " is at version " + actual + ", not the expected " + expected);
    }

    public ConcurrencyConflict(UUID streamId) {
        super("stream " + streamId + " was changed concurrently");
    }
}

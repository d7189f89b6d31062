package org.careloop.platform.eventstore;

/**
 * Someone else changed the stream since the caller read it; the caller should reload and decide
 * again.
 */
public class ConcurrencyConflict extends RuntimeException {

    public ConcurrencyConflict(StreamId stream, long expected, long actual) {
        super("stream " + stream + " is at version " + actual + ", not the expected " + expected);
    }

    public ConcurrencyConflict(StreamId stream) {
        super("stream " + stream + " was changed concurrently");
    }
}

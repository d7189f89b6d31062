package org.careloop.contracts.codec;

/**
 * A message that cannot be read as the event it claims to be: it belongs on a dead-letter topic.
 */
public class MalformedEventException extends Exception {

    public MalformedEventException(String message) {
        super(message);
    }
}

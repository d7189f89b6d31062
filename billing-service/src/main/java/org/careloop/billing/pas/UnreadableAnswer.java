package org.careloop.billing.pas;

/** A payer's answer that cannot be read as a PAS ClaimResponse; the message says what is wrong. */
public class UnreadableAnswer extends Exception {

    public UnreadableAnswer(String message) {
        super(message);
    }

    public UnreadableAnswer(String message, Throwable cause) {
        super(message, cause);
    }
}

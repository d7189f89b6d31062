package org.careloop.billing.authorization;

import java.util.List;

/** What asking an authorization for a session's units gave. */
public sealed interface Consumption {

    /** The units are used: these events record it, and any warning it raises. */
    record Consumed(List<AuthorizationEvent> events) implements Consumption {}

    /** This session had used them already (a redelivered event): nothing more to record. */
    record AlreadyConsumed() implements Consumption {}

    record Unusable(Why why) implements Consumption {}

    enum Why {
        NOT_GRANTED,
        OUTSIDE_DATES,
        CODE_NOT_AUTHORIZED,
        EXHAUSTED
    }
}

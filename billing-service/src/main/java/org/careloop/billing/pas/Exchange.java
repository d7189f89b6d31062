package org.careloop.billing.pas;

/**
 * What one call to a payer gave: its answer, a failure worth retrying, or one a person must see.
 */
public sealed interface Exchange {

    /** The payer answered with a readable ClaimResponse. */
    record Answered(PayerAnswer answer) implements Exchange {}

    /**
     * No usable answer now (no connection, a timeout, a 5xx, 408 or 429, an unreadable body, a host
     * that does not resolve): try again later.
     */
    record Unavailable(String reason) implements Exchange {}

    /**
     * The payer refused the request (a 4xx, a redirect, an error outcome) or the endpoint is one
     * CareLoop may not call: trying again changes nothing until a person acts.
     */
    record Refused(String reason) implements Exchange {}
}

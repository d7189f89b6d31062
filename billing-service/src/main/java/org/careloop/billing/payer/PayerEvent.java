package org.careloop.billing.payer;

import java.time.Instant;
import org.careloop.contracts.EventType;

/** What happened to a payer's rules, in one stream per payer. */
public sealed interface PayerEvent {

    String STREAM = "payer";

    String payerId();

    @EventType("billing.payer.Configured")
    record Configured(String payerId, String name, PayerRules rules, Instant at, String by)
            implements PayerEvent {}
}

package org.careloop.referral.trigger;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.platform.access.Relations;
import org.careloop.platform.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Receives risk's events: risk escalated to HIGH drafts an emergent crisis referral, and crisis
 * alerts say who may see a client.
 */
@ApplicationScoped
public class RiskEvents {

    static final String CHANNEL = "risk-events";

    private final Inbox inbox;
    private final ReferralTriggers triggers;
    private final Relations relations;

    RiskEvents(Inbox inbox, ReferralTriggers triggers, Relations relations) {
        this.inbox = inbox;
        this.triggers = triggers;
        this.relations = relations;
    }

    @Incoming(CHANNEL)
    public Uni<Void> receive(ConsumerRecord<String, String> record) {
        return inbox.receive(
                relations.consumer(),
                record,
                event -> triggers.apply(event).call(() -> relations.apply(event)));
    }
}

package org.careloop.intake.inbound;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.platform.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Receives referral-service's events: partners' inbound referrals become intake tasks. */
@ApplicationScoped
public class ReferralEvents {

    static final String CHANNEL = "referral-events";
    static final String CONSUMER = "intake-service.inbound-referrals";

    private final Inbox inbox;
    private final InboundReferrals referrals;

    ReferralEvents(Inbox inbox, InboundReferrals referrals) {
        this.inbox = inbox;
        this.referrals = referrals;
    }

    @Incoming(CHANNEL)
    public Uni<Void> receive(ConsumerRecord<String, String> record) {
        return inbox.receive(CONSUMER, record, referrals::received);
    }
}

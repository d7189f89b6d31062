package org.careloop.treatment.referral;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.platform.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Receives referral-service's events: the caseload counts each client's referrals to follow. */
@ApplicationScoped
public class ReferralEvents {

    static final String CHANNEL = "referral-events";

    private final Inbox inbox;
    private final ClientReferrals referrals;

    ReferralEvents(Inbox inbox, ClientReferrals referrals) {
        this.inbox = inbox;
        this.referrals = referrals;
    }

    @Incoming(CHANNEL)
    public Uni<Void> receive(ConsumerRecord<String, String> record) {
        return inbox.receive(referrals.consumer(), record, referrals::apply);
    }
}

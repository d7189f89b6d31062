package org.careloop.referral.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.platform.consent.Consents;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.platform.inbox.Inbox;
import org.careloop.referral.inbound.InboundReferrals;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Receives intake's events: new clients enter the client directory, and consents the consent
 * registry (a referral goes to a partner only under the client's disclosure consent), and intake's
 * answers to partners' inbound referrals.
 */
@ApplicationScoped
public class IntakeEvents {

    static final String CHANNEL = "intake-events";

    private final Inbox inbox;
    private final ClientDirectory directory;
    private final Consents consents;
    private final InboundReferrals inbound;

    IntakeEvents(
            Inbox inbox, ClientDirectory directory, Consents consents, InboundReferrals inbound) {
        this.inbox = inbox;
        this.directory = directory;
        this.consents = consents;
        this.inbound = inbound;
    }

    @Incoming(CHANNEL)
    public Uni<Void> receive(ConsumerRecord<String, String> record) {
        return inbox.receive(
                directory.consumer(),
                record,
                event ->
                        directory
                                .apply(event)
                                .call(() -> consents.apply(event))
                                .call(() -> inbound.apply(event)));
    }
}

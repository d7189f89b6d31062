package org.careloop.intake.access;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.intake.disclosure.DisclosureLog;
import org.careloop.platform.inbox.Inbox;
import org.careloop.platform.inbox.ReceivedEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Receives the events on {@code access.events}: each RecordDisclosed enters the client's accounting
 * of disclosures; events of other types change nothing here.
 */
@ApplicationScoped
public class AccessEvents {

    static final String CHANNEL = "access-events";

    private final Inbox inbox;
    private final DisclosureLog disclosures;

    AccessEvents(Inbox inbox, DisclosureLog disclosures) {
        this.inbox = inbox;
        this.disclosures = disclosures;
    }

    @Incoming(CHANNEL)
    public Uni<Void> receive(ConsumerRecord<String, String> record) {
        return inbox.receive(disclosures.consumer(), record, this::apply);
    }

    /** Every step runs in the inbox's one transaction, in this order. */
    private Uni<Void> apply(ReceivedEvent event) {
        return disclosures.apply(event);
    }
}

package org.careloop.treatment.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.platform.inbox.Inbox;
import org.careloop.platform.inbox.ReceivedEvent;
import org.careloop.treatment.outcome.OutcomeScores;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Receives intake's events: new clients enter the client directory, scored screenings the outcome
 * series.
 */
@ApplicationScoped
public class IntakeEvents {

    static final String CHANNEL = "intake-events";

    private final Inbox inbox;
    private final ClientDirectory directory;
    private final OutcomeScores outcomes;

    IntakeEvents(Inbox inbox, ClientDirectory directory, OutcomeScores outcomes) {
        this.inbox = inbox;
        this.directory = directory;
        this.outcomes = outcomes;
    }

    @Incoming(CHANNEL)
    public Uni<Void> receive(ConsumerRecord<String, String> record) {
        return inbox.receive(directory.consumer(), record, this::apply);
    }

    /** Every step runs in the inbox's one transaction, in this order. */
    private Uni<Void> apply(ReceivedEvent event) {
        return directory.apply(event).call(() -> outcomes.apply(event));
    }
}

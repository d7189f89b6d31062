package org.careloop.treatment.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.contracts.intake.AssessmentCompleted;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.platform.inbox.Inbox;
import org.careloop.platform.inbox.ReceivedEvent;
import org.careloop.treatment.outcome.OutcomeScores;
import org.careloop.treatment.plan.Plans;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Receives intake's events: new clients enter the client directory, scored screenings the outcome
 * series, and a score may meet (or no longer meet) a measured goal of the client's plan.
 */
@ApplicationScoped
public class IntakeEvents {

    static final String CHANNEL = "intake-events";

    private final Inbox inbox;
    private final ClientDirectory directory;
    private final OutcomeScores outcomes;
    private final Plans plans;

    IntakeEvents(Inbox inbox, ClientDirectory directory, OutcomeScores outcomes, Plans plans) {
        this.inbox = inbox;
        this.directory = directory;
        this.outcomes = outcomes;
        this.plans = plans;
    }

    @Incoming(CHANNEL)
    public Uni<Void> receive(ConsumerRecord<String, String> record) {
        return inbox.receive(directory.consumer(), record, this::apply);
    }

    /** Every step runs in the inbox's one transaction, in this order. */
    private Uni<Void> apply(ReceivedEvent event) {
        return directory.apply(event).call(() -> outcomes.apply(event)).call(() -> scored(event));
    }

    private Uni<Void> scored(ReceivedEvent event) {
        if (event.event().orElse(null) instanceof AssessmentCompleted assessment) {
            return plans.scored(assessment);
        }
        return Uni.createFrom().voidItem();
    }
}

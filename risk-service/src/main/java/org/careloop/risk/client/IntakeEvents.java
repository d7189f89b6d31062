package org.careloop.risk.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.contracts.intake.AssessmentCompleted;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.platform.inbox.Inbox;
import org.careloop.platform.inbox.ReceivedEvent;
import org.careloop.risk.risklevel.RiskLevels;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Receives intake's events: new clients enter the directory, screens update the risk level and may
 * raise alerts.
 */
@ApplicationScoped
public class IntakeEvents {

    static final String CHANNEL = "intake-events";

    private final Inbox inbox;
    private final ClientDirectory directory;
    private final RiskLevels riskLevels;

    IntakeEvents(Inbox inbox, ClientDirectory directory, RiskLevels riskLevels) {
        this.inbox = inbox;
        this.directory = directory;
        this.riskLevels = riskLevels;
    }

    @Incoming(CHANNEL)
    public Uni<Void> receive(ConsumerRecord<String, String> record) {
        return inbox.receive(
                directory.consumer(),
                record,
                event -> directory.apply(event).call(() -> screened(event)));
    }

    private Uni<Void> screened(ReceivedEvent event) {
        if (event.event().orElse(null) instanceof AssessmentCompleted assessment) {
            return riskLevels.screened(assessment);
        }
        return Uni.createFrom().voidItem();
    }
}

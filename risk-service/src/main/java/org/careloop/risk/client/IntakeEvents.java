package org.careloop.risk.client;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.contracts.intake.AssessmentCompleted;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.platform.inbox.Inbox;
import org.careloop.platform.inbox.ReceivedEvent;
import org.careloop.risk.alert.AlertFeed;
import org.careloop.risk.alert.AlertNotice;
import org.careloop.risk.risklevel.RiskLevels;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Receives intake's events: new clients enter the directory, screens update the risk level and may raise alerts. */
@ApplicationScoped
public class IntakeEvents {

    static final String CHANNEL = "intake-events";

    private final Inbox inbox;
    private final ClientDirectory directory;
    private final RiskLevels riskLevels;
    private final AlertFeed feed;

    IntakeEvents(Inbox inbox, ClientDirectory directory, RiskLevels riskLevels, AlertFeed feed) {
        this.inbox = inbox;
        this.directory = directory;
        this.riskLevels = riskLevels;
        this.feed = feed;
    }

    @Incoming(CHANNEL)
    public Uni<Void> receive(ConsumerRecord<String, String> record) {
        List<AlertNotice> raised = new ArrayList<>();
        return inbox.receive(directory.consumer(), record, event -> directory.apply(event)
                // A failed attempt rolled back; only the alerts of the attempt that commits are announced.
                .invoke(raised::clear)
                .call(() -> screened(event).invoke(raised::addAll)))
                // Only once the transaction committed does anyone see the alert.
                .invoke(() -> feed.publish(raised));
    }

    private Uni<List<AlertNotice>> screened(ReceivedEvent event) {
        if (event.event().orElse(null) instanceof AssessmentCompleted assessment) {
            return riskLevels.screened(assessment);
        }
        return Uni.createFrom().item(List.of());
    }
}

package org.careloop.risk.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
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
    private static final Runnable NOTHING = () -> {};

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
        // A failed attempt rolled back; only what the attempt that commits raised is announced.
        AtomicReference<Runnable> announce = new AtomicReference<>(NOTHING);
        return inbox.receive(
                        directory.consumer(),
                        record,
                        event ->
                                directory
                                        .apply(event)
                                        .invoke(() -> announce.set(NOTHING))
                                        .call(() -> screened(event).invoke(announce::set)))
                // Only once the transaction committed does anyone see the alert.
                .invoke(() -> announce.get().run());
    }

    private Uni<Runnable> screened(ReceivedEvent event) {
        if (event.event().orElse(null) instanceof AssessmentCompleted assessment) {
            return riskLevels.screened(assessment);
        }
        return Uni.createFrom().item(NOTHING);
    }
}

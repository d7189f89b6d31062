package org.careloop.billing.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.billing.claimtrigger.ClaimTriggers;
import org.careloop.contracts.intake.ConsentRecorded;
import org.careloop.contracts.intake.ConsentRevoked;
import org.careloop.platform.consent.Consents;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.platform.inbox.Inbox;
import org.careloop.platform.inbox.ReceivedEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Receives intake's events: new clients enter the client directory, and consents the consent
 * registry; a consent recorded or revoked evaluates the client's open claims again (a claim
 * disclosing a Part 2 record waits for the client's consent).
 */
@ApplicationScoped
public class IntakeEvents {

    static final String CHANNEL = "intake-events";

    private final Inbox inbox;
    private final ClientDirectory directory;
    private final Consents consents;
    private final ClaimTriggers claims;

    IntakeEvents(Inbox inbox, ClientDirectory directory, Consents consents, ClaimTriggers claims) {
        this.inbox = inbox;
        this.directory = directory;
        this.consents = consents;
        this.claims = claims;
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
                                .call(() -> consentChanged(event)));
    }

    private Uni<Void> consentChanged(ReceivedEvent received) {
        return switch (received.event().orElse(null)) {
            case ConsentRecorded recorded -> claims.reconsiderClient(recorded.clientId());
            case ConsentRevoked revoked -> claims.reconsiderClient(revoked.clientId());
            case null, default -> Uni.createFrom().voidItem();
        };
    }
}

package org.careloop.referral.trigger;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.platform.access.Relations;
import org.careloop.platform.inbox.Inbox;
import org.careloop.referral.careteam.PrimaryClinicians;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Receives treatment's events: a discharge with aftercare drafts a step-down referral, care teams
 * say who is each client's primary clinician, and who may see a client.
 */
@ApplicationScoped
public class TreatmentEvents {

    static final String CHANNEL = "treatment-events";

    private final Inbox inbox;
    private final ReferralTriggers triggers;
    private final PrimaryClinicians primaries;
    private final Relations relations;

    TreatmentEvents(
            Inbox inbox,
            ReferralTriggers triggers,
            PrimaryClinicians primaries,
            Relations relations) {
        this.inbox = inbox;
        this.triggers = triggers;
        this.primaries = primaries;
        this.relations = relations;
    }

    @Incoming(CHANNEL)
    public Uni<Void> receive(ConsumerRecord<String, String> record) {
        return inbox.receive(
                primaries.consumer(),
                record,
                event ->
                        triggers.apply(event)
                                .call(() -> primaries.apply(event))
                                .call(() -> relations.apply(event)));
    }
}

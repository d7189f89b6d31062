package org.careloop.billing.session;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.billing.provider.RenderingProviders;
import org.careloop.platform.access.Relations;
import org.careloop.platform.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Receives treatment's events: staff credentials, sessions documented or voided, and the care teams
 * that say which clinicians may see a client's billing.
 */
@ApplicationScoped
public class TreatmentEvents {

    static final String CHANNEL = "treatment-events";

    private final Inbox inbox;
    private final RenderingProviders providers;
    private final DeliveredSessions sessions;
    private final Relations relations;

    TreatmentEvents(
            Inbox inbox,
            RenderingProviders providers,
            DeliveredSessions sessions,
            Relations relations) {
        this.inbox = inbox;
        this.providers = providers;
        this.sessions = sessions;
        this.relations = relations;
    }

    @Incoming(CHANNEL)
    public Uni<Void> receive(ConsumerRecord<String, String> record) {
        return inbox.receive(
                sessions.consumer(),
                record,
                event ->
                        providers
                                .apply(event)
                                .call(() -> sessions.apply(event))
                                .call(() -> relations.apply(event)));
    }
}

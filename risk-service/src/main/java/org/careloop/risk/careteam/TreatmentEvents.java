package org.careloop.risk.careteam;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.platform.access.Relations;
import org.careloop.platform.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Receives treatment's events: assignments to a client's care team, discharges and supervisors, for
 * the alert notices and for who may see a client.
 */
@ApplicationScoped
public class TreatmentEvents {

    static final String CHANNEL = "treatment-events";

    private final Inbox inbox;
    private final CareTeams careTeams;
    private final Relations relations;

    TreatmentEvents(Inbox inbox, CareTeams careTeams, Relations relations) {
        this.inbox = inbox;
        this.careTeams = careTeams;
        this.relations = relations;
    }

    @Incoming(CHANNEL)
    public Uni<Void> receive(ConsumerRecord<String, String> record) {
        return inbox.receive(
                careTeams.consumer(),
                record,
                event -> careTeams.apply(event).call(() -> relations.apply(event)));
    }
}

package org.careloop.risk.careteam;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.platform.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Receives treatment's events: assignments to a client's care team, and discharges. */
@ApplicationScoped
public class TreatmentEvents {

    static final String CHANNEL = "treatment-events";

    private final Inbox inbox;
    private final CareTeams careTeams;

    TreatmentEvents(Inbox inbox, CareTeams careTeams) {
        this.inbox = inbox;
        this.careTeams = careTeams;
    }

    @Incoming(CHANNEL)
    public Uni<Void> receive(ConsumerRecord<String, String> record) {
        return inbox.receive(careTeams.consumer(), record, careTeams::apply);
    }
}

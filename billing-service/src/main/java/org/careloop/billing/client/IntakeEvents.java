package org.careloop.billing.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.platform.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Receives intake's events: new clients enter the client directory. */
@ApplicationScoped
public class IntakeEvents {

    static final String CHANNEL = "intake-events";

    private final Inbox inbox;
    private final ClientDirectory directory;

    IntakeEvents(Inbox inbox, ClientDirectory directory) {
        this.inbox = inbox;
        this.directory = directory;
    }

    @Incoming(CHANNEL)
    public Uni<Void> receive(ConsumerRecord<String, String> record) {
        return inbox.receive(directory.consumer(), record, directory::apply);
    }
}

package org.careloop.platform.access;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.platform.inbox.Inbox;
import org.careloop.platform.inbox.ReceivedEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Receives {@code access.events} in every service: emergency grants from any service, and whatever
 * else a service projects from that topic ({@link AccessEventsProjection}).
 */
@ApplicationScoped
public class AccessEvents {

    static final String CHANNEL = "access-events";

    private final Inbox inbox;
    private final Relations relations;
    private final Instance<AccessEventsProjection> others;

    AccessEvents(Inbox inbox, Relations relations, Instance<AccessEventsProjection> others) {
        this.inbox = inbox;
        this.relations = relations;
        this.others = others;
    }

    @Incoming(CHANNEL)
    public Uni<Void> receive(ConsumerRecord<String, String> record) {
        return inbox.receive(relations.consumer(), record, this::apply);
    }

    private Uni<Void> apply(ReceivedEvent event) {
        Uni<Void> chain = relations.apply(event);
        for (AccessEventsProjection other : others) {
            chain = chain.call(() -> other.apply(event));
        }
        return chain;
    }
}

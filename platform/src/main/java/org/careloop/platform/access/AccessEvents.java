package org.careloop.platform.access;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.contracts.access.EmergencyAccessGranted;
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
    private final Event<EmergencyAccessGranted> announcements;

    AccessEvents(
            Inbox inbox,
            Relations relations,
            Instance<AccessEventsProjection> others,
            Event<EmergencyAccessGranted> announcements) {
        this.inbox = inbox;
        this.relations = relations;
        this.others = others;
        this.announcements = announcements;
    }

    /**
     * A grant received for the first time is announced (as a CDI event) once its receipt has
     * committed: risk puts it on the supervisors' alert stream.
     */
    @Incoming(CHANNEL)
    public Uni<Void> receive(ConsumerRecord<String, String> record) {
        AtomicReference<EmergencyAccessGranted> granted = new AtomicReference<>();
        return inbox.receive(
                        relations.consumer(),
                        record,
                        event -> {
                            if (event.event().orElse(null)
                                    instanceof EmergencyAccessGranted grant) {
                                granted.set(grant);
                            }
                            return apply(event);
                        })
                .invoke(
                        () -> {
                            if (granted.get() != null) {
                                announcements.fire(granted.get());
                            }
                        });
    }

    private Uni<Void> apply(ReceivedEvent event) {
        Uni<Void> chain = relations.apply(event);
        for (AccessEventsProjection other : others) {
            chain = chain.call(() -> other.apply(event));
        }
        return chain;
    }
}

package org.careloop.platform.access;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.platform.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Receives treatment's care teams and supervisors and risk's crisis alerts, for a service that
 * reads neither topic for anything else ({@code careloop.access.consume-relations=true}). A service
 * with its own consumer of those topics applies {@link Relations} there instead.
 */
@ApplicationScoped
@IfBuildProperty(name = "careloop.access.consume-relations", stringValue = "true")
public class CareRelationEvents {

    private final Inbox inbox;
    private final Relations relations;

    CareRelationEvents(Inbox inbox, Relations relations) {
        this.inbox = inbox;
        this.relations = relations;
    }

    @Incoming("treatment-events")
    public Uni<Void> treatment(ConsumerRecord<String, String> record) {
        return inbox.receive(relations.consumer(), record, relations::apply);
    }

    @Incoming("risk-events")
    public Uni<Void> risk(ConsumerRecord<String, String> record) {
        return inbox.receive(relations.consumer(), record, relations::apply);
    }
}

package org.careloop.treatment.risk;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.contracts.risk.RiskEscalated;
import org.careloop.platform.access.Relations;
import org.careloop.platform.inbox.Inbox;
import org.careloop.platform.inbox.ReceivedEvent;
import org.careloop.treatment.plan.Plans;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Receives risk-service's events: the caseload shows each client's risk level, and an escalation
 * puts the client's active plan up for review; an alert lets the clinicians it reaches see the
 * client.
 */
@ApplicationScoped
public class RiskEvents {

    static final String CHANNEL = "risk-events";

    private final Inbox inbox;
    private final RiskLevels levels;
    private final Plans plans;
    private final Relations relations;

    RiskEvents(Inbox inbox, RiskLevels levels, Plans plans, Relations relations) {
        this.inbox = inbox;
        this.levels = levels;
        this.plans = plans;
        this.relations = relations;
    }

    @Incoming(CHANNEL)
    public Uni<Void> receive(ConsumerRecord<String, String> record) {
        return inbox.receive(
                levels.consumer(),
                record,
                event ->
                        levels.apply(event)
                                .call(() -> escalated(event))
                                .call(() -> relations.apply(event)));
    }

    private Uni<Void> escalated(ReceivedEvent event) {
        if (event.event().orElse(null) instanceof RiskEscalated escalated) {
            return plans.riskEscalated(escalated);
        }
        return Uni.createFrom().voidItem();
    }
}

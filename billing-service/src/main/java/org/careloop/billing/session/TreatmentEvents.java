package org.careloop.billing.session;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.billing.claimtrigger.ClaimTriggers;
import org.careloop.billing.plan.TreatmentPlans;
import org.careloop.billing.provider.RenderingProviders;
import org.careloop.contracts.treatment.SessionDocumented;
import org.careloop.contracts.treatment.SessionVoided;
import org.careloop.contracts.treatment.StaffCredentialed;
import org.careloop.contracts.treatment.TreatmentPlanApproved;
import org.careloop.platform.access.Relations;
import org.careloop.platform.inbox.Inbox;
import org.careloop.platform.inbox.ReceivedEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Receives treatment's events: staff credentials, plans, sessions documented or voided, and the
 * care teams that say which clinicians may see a client's billing. A documented session becomes a
 * claim in the same transaction as its inbox entry, so a redelivered event never bills twice.
 */
@ApplicationScoped
public class TreatmentEvents {

    static final String CHANNEL = "treatment-events";

    private final Inbox inbox;
    private final RenderingProviders providers;
    private final DeliveredSessions sessions;
    private final TreatmentPlans plans;
    private final Relations relations;
    private final ClaimTriggers claims;

    TreatmentEvents(
            Inbox inbox,
            RenderingProviders providers,
            DeliveredSessions sessions,
            TreatmentPlans plans,
            Relations relations,
            ClaimTriggers claims) {
        this.inbox = inbox;
        this.providers = providers;
        this.sessions = sessions;
        this.plans = plans;
        this.relations = relations;
        this.claims = claims;
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
                                .call(() -> plans.apply(event))
                                .call(() -> relations.apply(event))
                                .call(() -> bill(event)));
    }

    private Uni<Void> bill(ReceivedEvent received) {
        return switch (received.event().orElse(null)) {
            case SessionDocumented documented -> claims.sessionDocumented(documented.sessionId());
            case SessionVoided voided -> claims.sessionVoided(voided.sessionId(), voided.reason());
            case StaffCredentialed credentialed ->
                    claims.reconsiderProvider(credentialed.username());
            case TreatmentPlanApproved approved -> claims.reconsiderClient(approved.clientId());
            case null, default -> Uni.createFrom().voidItem();
        };
    }
}

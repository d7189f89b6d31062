package org.careloop.billing.plan;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.careloop.contracts.treatment.ClientDischarged;
import org.careloop.contracts.treatment.TreatmentPlanApproved;
import org.careloop.contracts.treatment.TreatmentPlanReviewDue;
import org.careloop.platform.inbox.ReceivedEvent;
import org.careloop.platform.projection.InboxProjection;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The treatment plans behind claims (a claim needs a plan in force), projected from treatment's
 * approvals and due reviews; rebuilt from the inbox history of the service's consumer.
 */
@ApplicationScoped
public class TreatmentPlans implements InboxProjection {

    private final String consumer;

    TreatmentPlans(@ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.consumer = consumer;
    }

    @Override
    public String name() {
        return "treatment-plans";
    }

    @Override
    public String table() {
        return "billing_plan";
    }

    @Override
    public String consumer() {
        return consumer;
    }

    @Override
    public Uni<Void> reset() {
        return PlanInForce.deleteAll().replaceWithVoid();
    }

    public Uni<PlanInForce> find(UUID planId) {
        return PlanInForce.findById(planId);
    }

    @Override
    public Uni<Void> apply(ReceivedEvent received) {
        return switch (received.event().orElse(null)) {
            case TreatmentPlanApproved approved -> approved(approved);
            case TreatmentPlanReviewDue due ->
                    PlanInForce.<PlanInForce>findById(due.planId())
                            .invoke(
                                    plan -> {
                                        if (plan != null && plan.version == due.version()) {
                                            plan.reviewOverdue = true;
                                        }
                                    })
                            .replaceWithVoid();
            case ClientDischarged discharged ->
                    PlanInForce.update("closed = true where clientId = ?1", discharged.clientId())
                            .replaceWithVoid();
            case null, default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> approved(TreatmentPlanApproved event) {
        return PlanInForce.<PlanInForce>findById(event.planId())
                .flatMap(
                        found -> {
                            PlanInForce plan = found == null ? new PlanInForce() : found;
                            if (found != null && found.version > event.version()) {
                                return Uni.createFrom().voidItem();
                            }
                            plan.planId = event.planId();
                            plan.clientId = event.clientId();
                            plan.version = event.version();
                            plan.reviewDueOn = event.reviewDueOn();
                            plan.reviewOverdue = false;
                            plan.closed = false;
                            return found == null
                                    ? plan.persist().replaceWithVoid()
                                    : Uni.createFrom().voidItem();
                        });
    }
}

package org.careloop.treatment.plan;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.StoreProjection;

/** Each client's plans as wholes: status, review date, diagnoses in force. */
@ApplicationScoped
public class TreatmentPlans implements StoreProjection {

    @Override
    public String name() {
        return "plans";
    }

    @Override
    public String table() {
        return "treatment_plan";
    }

    @Override
    public String streamType() {
        return PlanEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return PlanRecord.deleteAll().replaceWithVoid();
    }

    public Uni<PlanRecord> find(UUID planId) {
        return PlanRecord.findById(planId);
    }

    /** The client's plan that is not closed, if any: a client has one open plan at a time. */
    public Uni<PlanRecord> openPlanOf(UUID clientId) {
        return PlanRecord.<PlanRecord>find("clientId = ?1 and status <> 'CLOSED'", clientId)
                .firstResult();
    }

    public Uni<List<PlanRecord>> ofClient(UUID clientId) {
        return PlanRecord.list("clientId = ?1 order by updatedAt desc", clientId);
    }

    public Uni<List<PlanRecord>> openPlansOf(Collection<UUID> clients) {
        return PlanRecord.list("clientId in ?1 and status <> 'CLOSED'", clients);
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        PlanEvent event = stored.decode(PlanEvent.class);
        return PlanRecord.<PlanRecord>findById(event.planId())
                .flatMap(
                        found -> {
                            PlanRecord plan = found == null ? new PlanRecord() : found;
                            plan.planId = event.planId();
                            plan.clientId = event.clientId();
                            plan.updatedAt = stored.recordedAt;
                            evolve(plan, event);
                            return found == null
                                    ? plan.persist().replaceWithVoid()
                                    : Uni.createFrom().voidItem();
                        });
    }

    private static void evolve(PlanRecord plan, PlanEvent event) {
        switch (event) {
            case PlanEvent.Drafted d -> {
                plan.latestVersion = d.version();
                plan.pendingStatus = PlanStatus.DRAFT.name();
                plan.pendingDiagnoses = PlanJson.write(d.content().diagnoses());
            }
            case PlanEvent.Signed s ->
                    plan.pendingStatus =
                            switch (s.role()) {
                                case AUTHOR -> PlanStatus.AWAITING_CLIENT_SIGNATURE.name();
                                case CLIENT, SUPERVISOR -> PlanStatus.AWAITING_COSIGNATURE.name();
                            };
            case PlanEvent.Approved a -> {
                plan.activeVersion = a.version();
                plan.pendingStatus = null;
                plan.diagnoses = plan.pendingDiagnoses;
                plan.pendingDiagnoses = null;
                plan.reviewDueOn = a.reviewDueOn();
                plan.reviewDueAt = a.reviewDueAt();
                plan.reviewOverdue = false;
                plan.reviewRequiredReason = null;
                plan.reviewRequiredAt = null;
            }
            case PlanEvent.ReviewDue r -> plan.reviewOverdue = true;
            case PlanEvent.ReviewRequired r -> {
                plan.reviewRequiredReason = r.reason();
                plan.reviewRequiredAt = r.requiredAt();
            }
            case PlanEvent.GoalMet g -> {}
            case PlanEvent.GoalNoLongerMet g -> {}
            case PlanEvent.Closed c -> plan.pendingStatus = null;
        }
        if (event instanceof PlanEvent.Closed) {
            plan.status = PlanStatus.CLOSED.name();
        } else if (plan.activeVersion > 0) {
            plan.status = PlanStatus.ACTIVE.name();
        } else {
            plan.status = plan.pendingStatus;
        }
    }
}

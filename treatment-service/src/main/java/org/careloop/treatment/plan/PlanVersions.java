package org.careloop.treatment.plan;

import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.StoreProjection;

/** Every version of every plan, as written and signed, with its status. */
@ApplicationScoped
public class PlanVersions implements StoreProjection {

    private static final List<String> OPEN =
            List.of(
                    PlanStatus.DRAFT.name(),
                    PlanStatus.AWAITING_CLIENT_SIGNATURE.name(),
                    PlanStatus.AWAITING_COSIGNATURE.name());

    @Override
    public String name() {
        return "plan-versions";
    }

    @Override
    public String table() {
        return "treatment_plan_version";
    }

    @Override
    public String streamType() {
        return PlanEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return PlanVersionRecord.deleteAll().replaceWithVoid();
    }

    public Uni<List<PlanVersionRecord>> of(UUID planId) {
        return PlanVersionRecord.list("planId = ?1 order by version", planId);
    }

    /** The version in force of the client's open plan; null when none is active. */
    public Uni<ActivePlan> activeOf(UUID clientId) {
        return PlanVersionRecord.<PlanVersionRecord>find(
                        "clientId = ?1 and status = ?2", clientId, PlanStatus.ACTIVE.name())
                .firstResult()
                .map(
                        v -> {
                            if (v == null) {
                                return null;
                            }
                            PlanContent content = PlanJson.content(v.content);
                            return new ActivePlan(
                                    v.planId, v.version, content.diagnoses(), content);
                        });
    }

    /** Versions waiting for this supervisor's co-signature. */
    public Uni<List<PlanVersionRecord>> awaitingCosignatureBy(String supervisor) {
        return PlanVersionRecord.list(
                "authorSupervisor = ?1 and status = ?2 order by draftedAt",
                supervisor,
                PlanStatus.AWAITING_COSIGNATURE.name());
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        PlanEvent event = stored.decode(PlanEvent.class);
        return switch (event) {
            case PlanEvent.Drafted d ->
                    restate(d.planId(), OPEN, PlanStatus.REPLACED)
                            .flatMap(replaced -> drafted(d).persist())
                            .replaceWithVoid();
            case PlanEvent.Signed s ->
                    version(s.planId(), s.version())
                            .invoke(
                                    v -> {
                                        List<PlanJson.Signature> signatures =
                                                new ArrayList<>(PlanJson.signatures(v.signatures));
                                        signatures.add(
                                                new PlanJson.Signature(
                                                        s.role(),
                                                        s.signer(),
                                                        s.method(),
                                                        s.witness(),
                                                        s.signedAt()));
                                        v.signatures = PlanJson.write(signatures);
                                        v.status =
                                                s.role() == SignerRole.AUTHOR
                                                        ? PlanStatus.AWAITING_CLIENT_SIGNATURE
                                                                .name()
                                                        : PlanStatus.AWAITING_COSIGNATURE.name();
                                    })
                            .replaceWithVoid();
            case PlanEvent.Approved a ->
                    restate(a.planId(), List.of(PlanStatus.ACTIVE.name()), PlanStatus.SUPERSEDED)
                            .flatMap(superseded -> version(a.planId(), a.version()))
                            .invoke(
                                    v -> {
                                        v.status = PlanStatus.ACTIVE.name();
                                        v.approvedAt = a.approvedAt();
                                        v.reviewDueOn = a.reviewDueOn();
                                    })
                            .replaceWithVoid();
            case PlanEvent.GoalMet g ->
                    goal(
                            g.planId(),
                            g.version(),
                            new PlanJson.GoalStanding(
                                    g.goalId(), true, g.score(), g.assessmentId(), g.at()));
            case PlanEvent.GoalNoLongerMet g ->
                    goal(
                            g.planId(),
                            g.version(),
                            new PlanJson.GoalStanding(
                                    g.goalId(), false, g.score(), g.assessmentId(), g.at()));
            case PlanEvent.Closed c ->
                    restate(
                            c.planId(),
                            List.of(
                                    PlanStatus.ACTIVE.name(),
                                    PlanStatus.DRAFT.name(),
                                    PlanStatus.AWAITING_CLIENT_SIGNATURE.name(),
                                    PlanStatus.AWAITING_COSIGNATURE.name()),
                            PlanStatus.CLOSED);
            case PlanEvent.ReviewDue r -> Uni.createFrom().voidItem();
            case PlanEvent.ReviewRequired r -> Uni.createFrom().voidItem();
        };
    }

    private static PlanVersionRecord drafted(PlanEvent.Drafted d) {
        PlanVersionRecord v = new PlanVersionRecord();
        v.planId = d.planId();
        v.version = d.version();
        v.clientId = d.clientId();
        v.status = PlanStatus.DRAFT.name();
        v.author = d.author();
        v.authorLicensed = d.authorLicensed();
        v.authorSupervisor = d.authorSupervisor();
        v.content = PlanJson.write(d.content());
        v.signatures = PlanJson.write(List.of());
        v.goalsMet = PlanJson.write(List.of());
        v.draftedAt = d.draftedAt();
        return v;
    }

    /**
     * Moves the plan's versions in one of {@code from} to {@code to}, entity by entity, so the
     * session's copies stay the rows.
     */
    private static Uni<Void> restate(UUID planId, List<String> from, PlanStatus to) {
        return PlanVersionRecord.<PlanVersionRecord>list("planId", planId)
                .invoke(
                        versions ->
                                versions.stream()
                                        .filter(v -> from.contains(v.status))
                                        .forEach(v -> v.status = to.name()))
                .replaceWithVoid();
    }

    private static Uni<PlanVersionRecord> version(UUID planId, int version) {
        return PlanVersionRecord.findById(new PlanVersionRecord.Key(planId, version));
    }

    private static Uni<Void> goal(UUID planId, int version, PlanJson.GoalStanding standing) {
        return version(planId, version)
                .invoke(
                        v -> {
                            Map<String, PlanJson.GoalStanding> goals = new LinkedHashMap<>();
                            for (PlanJson.GoalStanding goal :
                                    PlanJson.read(
                                            v.goalsMet,
                                            new TypeReference<List<PlanJson.GoalStanding>>() {})) {
                                goals.put(goal.goalId(), goal);
                            }
                            goals.put(standing.goalId(), standing);
                            v.goalsMet = PlanJson.write(new ArrayList<>(goals.values()));
                        })
                .replaceWithVoid();
    }
}

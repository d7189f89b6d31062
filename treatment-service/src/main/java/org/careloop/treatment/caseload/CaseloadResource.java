package org.careloop.treatment.caseload;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.careloop.contracts.RiskLevel;
import org.careloop.platform.directory.KnownClient;
import org.careloop.platform.identity.Staff;
import org.careloop.treatment.careteam.CareEpisodes;
import org.careloop.treatment.careteam.CareTeamMember;
import org.careloop.treatment.careteam.CareTeams;
import org.careloop.treatment.outcome.ClientOutcomes;
import org.careloop.treatment.outcome.Outcomes;
import org.careloop.treatment.plan.PlanRecord;
import org.careloop.treatment.plan.TreatmentPlans;
import org.careloop.treatment.referral.ClientReferrals;
import org.careloop.treatment.referral.ReferralCounts;
import org.careloop.treatment.risk.ClientRisk;
import org.careloop.treatment.risk.RiskLevels;
import org.careloop.treatment.session.SessionRecord;
import org.careloop.treatment.session.SessionRecords;
import org.careloop.treatment.session.SessionStatus;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The clinician's morning view of their caseload. */
@Path("/caseload")
@Tag(name = "Caseload")
public class CaseloadResource {

    private final CareTeams careTeams;
    private final TreatmentPlans plans;
    private final SessionRecords sessions;
    private final RiskLevels risks;
    private final Outcomes outcomes;
    private final CareEpisodes episodes;
    private final ClientReferrals referrals;
    private final Staff caller;

    CaseloadResource(
            CareTeams careTeams,
            TreatmentPlans plans,
            SessionRecords sessions,
            RiskLevels risks,
            Outcomes outcomes,
            CareEpisodes episodes,
            ClientReferrals referrals,
            Staff caller) {
        this.careTeams = careTeams;
        this.plans = plans;
        this.sessions = sessions;
        this.risks = risks;
        this.outcomes = outcomes;
        this.episodes = episodes;
        this.referrals = referrals;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({"clinician", "supervisor"})
    @Operation(
            summary =
                    "The caller's clients (on whose care team they are), highest risk first: risk level, plan status "
                            + "and review date, last session, notes to sign, referrals to follow")
    public Uni<List<CaseloadEntry>> caseload() {
        String me = caller.username();
        return Panache.withSession(
                () ->
                        careTeams
                                .caseloadOf(me)
                                .flatMap(
                                        members -> {
                                            if (members.isEmpty()) {
                                                return Uni.createFrom().item(List.of());
                                            }
                                            Set<UUID> clients =
                                                    members.stream()
                                                            .map(m -> m.clientId)
                                                            .collect(Collectors.toSet());
                                            return assemble(me, members, clients)
                                                    .flatMap(
                                                            entries ->
                                                                    episodes.startsOf(clients)
                                                                            .flatMap(
                                                                                    starts ->
                                                                                            outcomes
                                                                                                    .latestFor(
                                                                                                            clients,
                                                                                                            starts))
                                                                            .map(
                                                                                    measured ->
                                                                                            withMeasures(
                                                                                                    entries,
                                                                                                    measured)));
                                        }));
    }

    private Uni<List<CaseloadEntry>> assemble(
            String me, List<CareTeamMember> members, Set<UUID> clients) {
        return KnownClient.<KnownClient>list("clientId in ?1", clients)
                .flatMap(
                        known ->
                                risks.of(clients)
                                        .flatMap(
                                                riskRows ->
                                                        plans.openPlansOf(clients)
                                                                .flatMap(
                                                                        planRows ->
                                                                                sessions.ofClients(
                                                                                                clients)
                                                                                        .flatMap(
                                                                                                sessionRows ->
                                                                                                        referrals
                                                                                                                .countsOf(
                                                                                                                        clients)
                                                                                                                .map(
                                                                                                                        referralCounts ->
                                                                                                                                entries(
                                                                                                                                        me,
                                                                                                                                        members,
                                                                                                                                        byId(
                                                                                                                                                known,
                                                                                                                                                k ->
                                                                                                                                                        k.clientId),
                                                                                                                                        byId(
                                                                                                                                                riskRows,
                                                                                                                                                r ->
                                                                                                                                                        r.clientId),
                                                                                                                                        byId(
                                                                                                                                                planRows,
                                                                                                                                                p ->
                                                                                                                                                        p.clientId),
                                                                                                                                        sessionRows,
                                                                                                                                        referralCounts))))));
    }

    private static List<CaseloadEntry> entries(
            String me,
            List<CareTeamMember> members,
            Map<UUID, KnownClient> known,
            Map<UUID, ClientRisk> riskRows,
            Map<UUID, PlanRecord> planRows,
            List<SessionRecord> sessionRows,
            Map<UUID, ReferralCounts> referralCounts) {
        Map<UUID, List<SessionRecord>> sessionsByClient =
                sessionRows.stream().collect(Collectors.groupingBy(s -> s.clientId));
        return members.stream()
                .map(
                        member -> {
                            KnownClient client = known.get(member.clientId);
                            ClientRisk risk = riskRows.get(member.clientId);
                            PlanRecord plan = planRows.get(member.clientId);
                            ReferralCounts referred =
                                    referralCounts.getOrDefault(
                                            member.clientId, ReferralCounts.NONE);
                            List<SessionRecord> held =
                                    sessionsByClient.getOrDefault(member.clientId, List.of());
                            Instant last =
                                    held.stream()
                                            .filter(
                                                    s ->
                                                            !SessionStatus.VOIDED
                                                                    .name()
                                                                    .equals(s.status))
                                            .map(s -> s.startedAt)
                                            .max(Comparator.naturalOrder())
                                            .orElse(null);
                            int unsigned =
                                    (int)
                                            held.stream()
                                                    .filter(
                                                            s ->
                                                                    me.equals(s.author)
                                                                            && SessionStatus.DRAFT
                                                                                    .name()
                                                                                    .equals(
                                                                                            s.status))
                                                    .count();
                            int awaiting =
                                    (int)
                                            held.stream()
                                                    .filter(
                                                            s ->
                                                                    me.equals(s.author)
                                                                            && SessionStatus
                                                                                    .AWAITING_COSIGN
                                                                                    .name()
                                                                                    .equals(
                                                                                            s.status))
                                                    .count();
                            return new CaseloadEntry(
                                    member.clientId,
                                    client == null
                                            ? null
                                            : client.firstName + " " + client.lastName,
                                    member.role,
                                    risk == null ? RiskLevel.NONE.name() : risk.level,
                                    risk == null ? null : risk.changedAt,
                                    plan == null
                                            ? null
                                            : new CaseloadEntry.Plan(
                                                    plan.planId,
                                                    plan.status,
                                                    plan.pendingStatus,
                                                    plan.reviewDueOn,
                                                    plan.reviewOverdue,
                                                    plan.reviewRequiredReason),
                                    last,
                                    unsigned,
                                    awaiting,
                                    referred.open(),
                                    referred.overdue(),
                                    referred.awaitingReview(),
                                    null,
                                    null);
                        })
                .sorted(
                        Comparator.comparing(
                                        (CaseloadEntry e) ->
                                                RiskLevel.valueOf(e.riskLevel()).ordinal())
                                .reversed()
                                .thenComparing(
                                        e -> e.name() == null ? "" : e.name(),
                                        Comparator.naturalOrder()))
                .toList();
    }

    private static List<CaseloadEntry> withMeasures(
            List<CaseloadEntry> entries, Map<UUID, ClientOutcomes> measured) {
        return entries.stream()
                .map(
                        e -> {
                            ClientOutcomes client = measured.get(e.clientId());
                            return new CaseloadEntry(
                                    e.clientId(),
                                    e.name(),
                                    e.role(),
                                    e.riskLevel(),
                                    e.riskSince(),
                                    e.plan(),
                                    e.lastSession(),
                                    e.unsignedNotes(),
                                    e.notesAwaitingCosignature(),
                                    e.openReferrals(),
                                    e.overdueReferrals(),
                                    e.referralsAwaitingReview(),
                                    measure(client, "PHQ-9"),
                                    measure(client, "GAD-7"));
                        })
                .toList();
    }

    private static CaseloadEntry.Measure measure(ClientOutcomes client, String instrument) {
        if (client == null) {
            return null;
        }
        return client.on(instrument)
                .map(
                        o ->
                                new CaseloadEntry.Measure(
                                        o.latest().score(), o.latest().at(), o.status().name()))
                .orElse(null);
    }

    private static <T> Map<UUID, T> byId(List<T> rows, Function<T, UUID> id) {
        return rows.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
    }
}

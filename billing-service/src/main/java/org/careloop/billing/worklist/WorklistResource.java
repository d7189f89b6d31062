package org.careloop.billing.worklist;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.careloop.billing.authorization.AuthorizationBook;
import org.careloop.billing.authorization.AuthorizationRecord;
import org.careloop.billing.claim.ClaimBook;
import org.careloop.billing.claim.ClaimRecord;
import org.careloop.billing.claim.Hold;
import org.careloop.billing.payer.PayerDirectory;
import org.careloop.billing.payer.PayerRecord;
import org.careloop.billing.payer.PayerRules;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The billing worklist. */
@Path("/worklist")
@Tag(name = "Worklist")
public class WorklistResource {

    static final int HELD_CLAIMS = 500;

    private final AuthorizationBook authorizations;
    private final ClaimBook claims;
    private final PayerDirectory payers;
    private final Clock clock;
    private final ZoneId clinicZone;
    private final Duration expiringNotice;

    WorklistResource(
            AuthorizationBook authorizations,
            ClaimBook claims,
            PayerDirectory payers,
            Clock clock,
            @ConfigProperty(name = "careloop.clinic.time-zone") ZoneId clinicZone,
            @ConfigProperty(name = "careloop.authorizations.expiring-notice")
                    Duration expiringNotice) {
        this.authorizations = authorizations;
        this.claims = claims;
        this.payers = payers;
        this.clock = clock;
        this.clinicZone = clinicZone;
        this.expiringNotice = expiringNotice;
    }

    @GET
    @RolesAllowed("billing")
    @Operation(
            summary =
                    "What needs billing staff today: decisions overdue, pended requests, authorizations nearly"
                            + " exhausted or expiring, held claims by reason, claims near their payer's filing limit,"
                            + " with counts")
    public Uni<Worklist> worklist() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clinicZone);
        LocalDate expiringBy = today.plusDays(expiringNotice.toDays());
        return Panache.withSession(
                () ->
                        authorizations
                                .needingAttention(expiringBy)
                                .flatMap(
                                        attention ->
                                                claims.open(HELD_CLAIMS)
                                                        .flatMap(
                                                                open ->
                                                                        payers.all()
                                                                                .map(
                                                                                        all ->
                                                                                                worklist(
                                                                                                        attention,
                                                                                                        open,
                                                                                                        rules(
                                                                                                                all),
                                                                                                        expiringBy)))));
    }

    private static Map<String, PayerRules> rules(List<PayerRecord> payers) {
        Map<String, PayerRules> rules = new TreeMap<>();
        payers.forEach(p -> rules.put(p.payerId, p.rules()));
        return rules;
    }

    private static Worklist worklist(
            List<AuthorizationRecord> attention,
            List<ClaimRecord> open,
            Map<String, PayerRules> payers,
            LocalDate expiringBy) {
        List<ClaimRecord> held = open.stream().filter(c -> "HELD".equals(c.status)).toList();
        List<Worklist.FilingItem> filing =
                open.stream()
                        .filter(c -> c.payerId != null && payers.containsKey(c.payerId))
                        .map(
                                c ->
                                        new Worklist.FilingItem(
                                                c.claimId,
                                                c.clientId,
                                                c.payerId,
                                                c.status,
                                                c.serviceDate.plusDays(
                                                        payers.get(c.payerId).timelyFilingDays())))
                        .filter(f -> !f.fileBy().isAfter(expiringBy))
                        .toList();
        List<Worklist.AuthorizationItem> overdue = items(attention, a -> a.decisionOverdue);
        List<Worklist.AuthorizationItem> pended = items(attention, a -> "PENDED".equals(a.status));
        List<Worklist.AuthorizationItem> nearly =
                items(attention, a -> "ACTIVE".equals(a.status) && a.nearlyExhausted);
        List<Worklist.AuthorizationItem> expiring =
                items(
                        attention,
                        a ->
                                "ACTIVE".equals(a.status)
                                        && (a.expiring
                                                || (a.endDate != null
                                                        && !a.endDate.isAfter(expiringBy))));
        Map<String, Long> byReason = new TreeMap<>();
        List<Worklist.ClaimItem> claims =
                held.stream()
                        .map(
                                c -> {
                                    List<Hold> holds = c.holds();
                                    List<String> reasons =
                                            holds.stream()
                                                    .map(h -> h.reason().name())
                                                    .distinct()
                                                    .toList();
                                    reasons.forEach(r -> byReason.merge(r, 1L, Long::sum));
                                    return new Worklist.ClaimItem(
                                            c.claimId,
                                            c.clientId,
                                            c.payerId,
                                            c.serviceDate,
                                            c.totalCharge,
                                            reasons,
                                            holds.stream().map(Hold::detail).toList());
                                })
                        .toList();
        return new Worklist(
                new Worklist.Counts(
                        overdue.size(),
                        pended.size(),
                        nearly.size(),
                        expiring.size(),
                        claims.size(),
                        filing.size()),
                overdue,
                pended,
                nearly,
                expiring,
                byReason,
                claims,
                filing);
    }

    private static List<Worklist.AuthorizationItem> items(
            List<AuthorizationRecord> all, Predicate<AuthorizationRecord> which) {
        return all.stream()
                .filter(which)
                .map(
                        a ->
                                new Worklist.AuthorizationItem(
                                        a.authorizationId,
                                        a.clientId,
                                        a.payerId,
                                        a.status,
                                        a.authorizationNumber,
                                        a.remainingUnits(),
                                        a.approvedUnits(),
                                        a.endDate,
                                        a.decisionDueAt))
                .toList();
    }
}

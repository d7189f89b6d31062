package org.careloop.billing.authorization;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.billing.AuthorizedService;
import org.careloop.platform.projection.JsonColumns;

/**
 * An authorization as billing staff read it: where it stands, units approved, used and left per
 * code, the burn rate and projected exhaustion, its warnings, and (for one authorization) its
 * timeline and ledger.
 */
public record AuthorizationView(
        UUID authorizationId,
        UUID clientId,
        String payerId,
        String status,
        String outcome,
        String urgency,
        String authorizationNumber,
        List<AuthorizedService> requested,
        LocalDate requestedStart,
        LocalDate requestedEnd,
        List<Units> units,
        int approvedUnits,
        int usedUnits,
        int remainingUnits,
        LocalDate startDate,
        LocalDate endDate,
        List<String> diagnoses,
        String justification,
        String reason,
        boolean electronic,
        Instant requestedAt,
        Instant decisionDueAt,
        boolean decisionOverdue,
        boolean nearlyExhausted,
        boolean expiring,
        LocalDate nextReviewOn,
        Burn burn,
        Instant createdAt,
        String createdBy,
        List<TimelineEntry> timeline,
        List<LedgerLine> ledger) {

    /** One code's units: approved, used, left. */
    public record Units(String cpt, int approved, int used, int remaining) {}

    public record TimelineEntry(Instant at, String what, String by, String detail) {}

    public record LedgerLine(
            UUID sessionId,
            String cpt,
            int units,
            LocalDate serviceDate,
            Instant consumedAt,
            Instant returnedAt) {}

    static AuthorizationView of(
            AuthorizationRecord r,
            LocalDate today,
            List<LedgerEntry> entries,
            List<TimelineEntry> timeline,
            boolean withDetail) {
        List<Units> units =
                r.approved().stream()
                        .map(
                                s ->
                                        new Units(
                                                s.cpt(),
                                                s.units(),
                                                s.units() - r.remaining(s.cpt()),
                                                r.remaining(s.cpt())))
                        .toList();
        List<Burn.Use> uses =
                entries.stream()
                        .filter(e -> e.returnedAt == null)
                        .map(e -> new Burn.Use(e.serviceDate, e.units))
                        .toList();
        Burn burn = r.approvedUnits() == 0 ? null : Burn.of(uses, r.remainingUnits(), today);
        return new AuthorizationView(
                r.authorizationId,
                r.clientId,
                r.payerId,
                r.status,
                r.outcome,
                r.urgency,
                r.authorizationNumber,
                r.requested(),
                r.requestedStart,
                r.requestedEnd,
                units,
                r.approvedUnits(),
                r.usedUnits(),
                r.remainingUnits(),
                r.startDate,
                r.endDate,
                JsonColumns.read(r.diagnoses, new TypeReference<List<String>>() {}),
                r.justification,
                r.reason,
                r.electronic,
                r.requestedAt,
                r.decisionDueAt,
                r.decisionOverdue,
                r.nearlyExhausted,
                r.expiring,
                r.nextReviewOn,
                burn,
                r.createdAt,
                r.createdBy,
                withDetail ? timeline : null,
                withDetail
                        ? entries.stream()
                                .map(
                                        e ->
                                                new LedgerLine(
                                                        e.sessionId,
                                                        e.cpt,
                                                        e.units,
                                                        e.serviceDate,
                                                        e.consumedAt,
                                                        e.returnedAt))
                                .toList()
                        : null);
    }

    /** The authorization's events in the words staff use. */
    static List<TimelineEntry> timeline(List<AuthorizationEvent> events) {
        return events.stream().map(AuthorizationView::entry).toList();
    }

    private static TimelineEntry entry(AuthorizationEvent event) {
        return switch (event) {
            case AuthorizationEvent.Drafted d ->
                    new TimelineEntry(
                            d.at(),
                            "DRAFTED",
                            d.by(),
                            d.urgency() + " request to " + d.payerId() + " for " + d.services());
            case AuthorizationEvent.Requested r ->
                    new TimelineEntry(
                            r.at(),
                            "REQUESTED",
                            r.by(),
                            (r.electronic() ? "sent by PAS" : "sent")
                                    + "; decision due "
                                    + r.decisionDueAt());
            case AuthorizationEvent.Decided d ->
                    new TimelineEntry(
                            d.at(),
                            d.outcome().name(),
                            d.by(),
                            (d.authorizationNumber() == null
                                            ? ""
                                            : d.authorizationNumber()
                                                    + " "
                                                    + d.services()
                                                    + " "
                                                    + d.startDate()
                                                    + ".."
                                                    + d.endDate()
                                                    + " ")
                                    + (d.reason() == null ? "" : d.reason())
                                    + (d.electronic() ? " (by PAS)" : ""));
            case AuthorizationEvent.DecisionOverdue o ->
                    new TimelineEntry(o.at(), "DECISION_OVERDUE", null, "was due " + o.dueAt());
            case AuthorizationEvent.Appealed a ->
                    new TimelineEntry(a.at(), "APPEALED", a.by(), a.reason());
            case AuthorizationEvent.UnitsConsumed c ->
                    new TimelineEntry(
                            c.at(),
                            "UNITS_CONSUMED",
                            null,
                            c.units()
                                    + " x "
                                    + c.cpt()
                                    + " by session "
                                    + c.sessionId()
                                    + " of "
                                    + c.serviceDate());
            case AuthorizationEvent.UnitsReturned r ->
                    new TimelineEntry(
                            r.at(),
                            "UNITS_RETURNED",
                            null,
                            r.units() + " x " + r.cpt() + " from voided session " + r.sessionId());
            case AuthorizationEvent.NearlyExhausted n ->
                    new TimelineEntry(
                            n.at(),
                            "NEARLY_EXHAUSTED",
                            null,
                            n.remaining() + " of " + n.approved() + " units left");
            case AuthorizationEvent.Exhausted x ->
                    new TimelineEntry(
                            x.at(), "EXHAUSTED", null, "all " + x.approved() + " units used");
            case AuthorizationEvent.Expiring x ->
                    new TimelineEntry(
                            x.at(),
                            "EXPIRING",
                            null,
                            "ends " + x.endDate() + " with " + x.remaining() + " units left");
            case AuthorizationEvent.Expired x ->
                    new TimelineEntry(x.at(), "EXPIRED", null, x.unused() + " units unused");
            case AuthorizationEvent.ReviewDue r ->
                    new TimelineEntry(
                            r.at(), "REVIEW_DUE", null, "concurrent review " + r.reviewOn());
            case AuthorizationEvent.ExchangeRefused r ->
                    new TimelineEntry(r.at(), "EXCHANGE_REFUSED", null, r.reason());
        };
    }
}

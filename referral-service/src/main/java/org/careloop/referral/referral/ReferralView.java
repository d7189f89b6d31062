package org.careloop.referral.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A referral as clinicians read it: where it stands, its clocks and whether each lapsed, the
 * partner's answers and outcome, what started it when no clinician did, and (for one referral) its
 * timeline.
 */
public record ReferralView(
        UUID referralId,
        UUID clientId,
        String partnerId,
        String serviceType,
        String urgency,
        String status,
        String heldFrom,
        String reason,
        List<String> diagnoses,
        String notes,
        String referredBy,
        Origin origin,
        UUID consentId,
        boolean part2,
        Instant requestedAt,
        Instant acceptanceDueAt,
        Instant seenDueAt,
        Overdue overdue,
        Instant appointmentAt,
        String partnerReason,
        Outcome outcome,
        Instant createdAt,
        Instant updatedAt,
        List<TimelineEntry> timeline) {

    /** Which clocks lapsed. */
    public record Overdue(boolean acceptance, boolean firstAppointment) {}

    public record Outcome(String summary, String recommendations, List<String> attachments) {}

    public record TimelineEntry(Instant at, String what, String by, String detail) {}

    static ReferralView of(ReferralRecord r, List<TimelineEntry> timeline) {
        return new ReferralView(
                r.referralId,
                r.clientId,
                r.partnerId,
                r.serviceType,
                r.urgency,
                r.status,
                r.heldFrom,
                r.reason,
                r.diagnoses(),
                r.notes,
                r.referredBy,
                r.origin(),
                r.consentId,
                r.part2,
                r.requestedAt,
                r.acceptanceDueAt,
                r.seenDueAt,
                new Overdue(r.acceptanceOverdue, r.seenOverdue),
                r.appointmentAt,
                r.partnerReason,
                r.outcomeSummary == null
                        ? null
                        : new Outcome(r.outcomeSummary, r.outcomeRecommendations, r.attachments()),
                r.createdAt,
                r.updatedAt,
                timeline);
    }

    /** The referral's events in the words staff use. */
    static List<TimelineEntry> timeline(List<ReferralEvent> events) {
        return events.stream().map(ReferralView::entry).toList();
    }

    private static String to(String partnerId) {
        return partnerId == null ? "with no partner yet" : "to " + partnerId;
    }

    private static TimelineEntry entry(ReferralEvent event) {
        return switch (event) {
            case ReferralEvent.Drafted d ->
                    new TimelineEntry(
                            d.at(),
                            "DRAFTED",
                            d.by(),
                            d.urgency()
                                    + " "
                                    + d.serviceType()
                                    + " referral "
                                    + to(d.partnerId())
                                    + (d.origin() == null
                                            ? ""
                                            : "; drafted on "
                                                    + d.origin().kind()
                                                    + " "
                                                    + d.origin().sourceId()));
            case ReferralEvent.DraftAmended a ->
                    new TimelineEntry(
                            a.at(),
                            "DRAFT_AMENDED",
                            a.by(),
                            a.urgency() + " referral " + to(a.partnerId()));
            case ReferralEvent.Requested r ->
                    new TimelineEntry(
                            r.at(),
                            "REQUESTED",
                            r.by(),
                            "sent under consent "
                                    + r.consentId()
                                    + (r.part2() ? " (Part 2)" : "")
                                    + "; acceptance due "
                                    + r.acceptanceDueAt()
                                    + ", first appointment due "
                                    + r.seenDueAt());
            case ReferralEvent.Received r -> new TimelineEntry(r.at(), "RECEIVED", r.by(), null);
            case ReferralEvent.Accepted a -> new TimelineEntry(a.at(), "ACCEPTED", a.by(), null);
            case ReferralEvent.Rejected r ->
                    new TimelineEntry(r.at(), "REJECTED", r.by(), r.reason());
            case ReferralEvent.AppointmentBooked b ->
                    new TimelineEntry(
                            b.at(),
                            "IN_PROGRESS",
                            b.by(),
                            "first appointment " + b.appointmentAt());
            case ReferralEvent.Completed c ->
                    new TimelineEntry(c.at(), "COMPLETED", c.by(), c.summary());
            case ReferralEvent.Failed f -> new TimelineEntry(f.at(), "FAILED", f.by(), f.reason());
            case ReferralEvent.Closed c ->
                    new TimelineEntry(c.at(), "CLOSED", c.by(), "outcome reviewed");
            case ReferralEvent.Cancelled c ->
                    new TimelineEntry(c.at(), "CANCELLED", c.by(), c.reason());
            case ReferralEvent.Held h -> new TimelineEntry(h.at(), "ON_HOLD", h.by(), h.reason());
            case ReferralEvent.Resumed r -> new TimelineEntry(r.at(), "RESUMED", r.by(), null);
            case ReferralEvent.Overdue o ->
                    new TimelineEntry(o.at(), "OVERDUE", null, o.clock() + " was due " + o.dueAt());
        };
    }
}

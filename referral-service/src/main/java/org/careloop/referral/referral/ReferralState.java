package org.careloop.referral.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.referral.partner.ServiceType;

/**
 * One referral folded from its events: where it stands, who referred, where it was before a hold,
 * and its two clocks (a due time while running, null once cleared) and whether each lapsed.
 */
public record ReferralState(
        UUID referralId,
        UUID clientId,
        String partnerId,
        ServiceType serviceType,
        Urgency urgency,
        List<String> diagnoses,
        String referredBy,
        ReferralStatus status,
        ReferralStatus heldFrom,
        Instant acceptanceDueAt,
        Instant seenDueAt,
        boolean acceptanceOverdue,
        boolean seenOverdue) {

    public static final ReferralState NONE =
            new ReferralState(
                    null, null, null, null, null, List.of(), null, null, null, null, null, false,
                    false);

    public static ReferralState of(List<ReferralEvent> events) {
        ReferralState state = NONE;
        for (ReferralEvent event : events) {
            state = state.evolve(event);
        }
        return state;
    }

    public boolean exists() {
        return status != null;
    }

    /** The due time of a clock while it runs, else null. */
    public Instant dueAt(SlaClock clock) {
        return clock == SlaClock.ACCEPTANCE ? acceptanceDueAt : seenDueAt;
    }

    public boolean overdue(SlaClock clock) {
        return clock == SlaClock.ACCEPTANCE ? acceptanceOverdue : seenOverdue;
    }

    ReferralState evolve(ReferralEvent event) {
        return switch (event) {
            case ReferralEvent.Drafted d ->
                    new ReferralState(
                            d.referralId(),
                            d.clientId(),
                            d.partnerId(),
                            d.serviceType(),
                            d.urgency(),
                            List.copyOf(d.diagnoses()),
                            d.by(),
                            ReferralStatus.DRAFT,
                            null,
                            null,
                            null,
                            false,
                            false);
            case ReferralEvent.DraftAmended a -> amended(a);
            case ReferralEvent.Requested r ->
                    moved(ReferralStatus.REQUESTED).clocks(r.acceptanceDueAt(), r.seenDueAt());
            case ReferralEvent.Received r -> moved(ReferralStatus.RECEIVED);
            case ReferralEvent.Accepted a -> moved(ReferralStatus.ACCEPTED).clocks(null, seenDueAt);
            case ReferralEvent.Rejected r -> moved(ReferralStatus.REJECTED).clocks(null, null);
            case ReferralEvent.AppointmentBooked b ->
                    moved(ReferralStatus.IN_PROGRESS).clocks(null, null);
            case ReferralEvent.Completed c -> moved(ReferralStatus.COMPLETED).clocks(null, null);
            case ReferralEvent.Failed f -> moved(ReferralStatus.FAILED).clocks(null, null);
            case ReferralEvent.Closed c -> moved(ReferralStatus.CLOSED);
            case ReferralEvent.Cancelled c -> moved(ReferralStatus.CANCELLED).clocks(null, null);
            case ReferralEvent.Held h -> held();
            case ReferralEvent.Resumed r -> moved(heldFrom);
            case ReferralEvent.Overdue o -> lapsed(o.clock());
        };
    }

    private ReferralState amended(ReferralEvent.DraftAmended a) {
        return new ReferralState(
                referralId,
                clientId,
                a.partnerId(),
                serviceType,
                a.urgency(),
                List.copyOf(a.diagnoses()),
                referredBy == null ? a.by() : referredBy,
                status,
                heldFrom,
                acceptanceDueAt,
                seenDueAt,
                acceptanceOverdue,
                seenOverdue);
    }

    private ReferralState moved(ReferralStatus next) {
        return new ReferralState(
                referralId,
                clientId,
                partnerId,
                serviceType,
                urgency,
                diagnoses,
                referredBy,
                next,
                null,
                acceptanceDueAt,
                seenDueAt,
                acceptanceOverdue,
                seenOverdue);
    }

    private ReferralState held() {
        return new ReferralState(
                referralId,
                clientId,
                partnerId,
                serviceType,
                urgency,
                diagnoses,
                referredBy,
                ReferralStatus.ON_HOLD,
                status,
                acceptanceDueAt,
                seenDueAt,
                acceptanceOverdue,
                seenOverdue);
    }

    private ReferralState clocks(Instant acceptance, Instant seen) {
        return new ReferralState(
                referralId,
                clientId,
                partnerId,
                serviceType,
                urgency,
                diagnoses,
                referredBy,
                status,
                heldFrom,
                acceptance,
                seen,
                acceptanceOverdue,
                seenOverdue);
    }

    private ReferralState lapsed(SlaClock clock) {
        return new ReferralState(
                referralId,
                clientId,
                partnerId,
                serviceType,
                urgency,
                diagnoses,
                referredBy,
                status,
                heldFrom,
                acceptanceDueAt,
                seenDueAt,
                acceptanceOverdue || clock == SlaClock.ACCEPTANCE,
                seenOverdue || clock == SlaClock.FIRST_APPOINTMENT);
    }
}

package org.careloop.referral.referral;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.careloop.platform.consent.ConsentCheck;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Refused;
import org.careloop.referral.partner.Partners;
import org.careloop.referral.partner.ServiceType;

/**
 * The rules of one referral: drafted by a clinician, sent under the client's consent, the partner's
 * answers in FHIR Task order, closed by the referrer's review of the outcome, cancelled or held on
 * the way; and its two clocks, each lapsing once while it runs.
 */
public final class ReferralDecider {

    private static final Set<ReferralStatus> CANCELLABLE =
            EnumSet.of(
                    ReferralStatus.DRAFT,
                    ReferralStatus.REQUESTED,
                    ReferralStatus.RECEIVED,
                    ReferralStatus.ACCEPTED,
                    ReferralStatus.ON_HOLD);

    private static final Set<ReferralStatus> HOLDABLE =
            EnumSet.of(
                    ReferralStatus.REQUESTED,
                    ReferralStatus.RECEIVED,
                    ReferralStatus.ACCEPTED,
                    ReferralStatus.IN_PROGRESS);

    private ReferralDecider() {}

    /** Who asks: the caller's name and whether they supervise (and so may act for the referrer). */
    public record Actor(String username, boolean supervisor) {}

    public static List<ReferralEvent> draft(
            ReferralState state,
            UUID referralId,
            UUID clientId,
            DraftReferral command,
            String by,
            Instant now) {
        if (state.exists()) {
            throw Refused.conflict("referral-exists", "referral " + referralId);
        }
        return List.of(
                new ReferralEvent.Drafted(
                        referralId,
                        clientId,
                        command.partnerId(),
                        command.serviceType(),
                        command.urgency(),
                        command.reason(),
                        command.diagnoses() == null ? List.of() : List.copyOf(command.diagnoses()),
                        command.notes(),
                        now,
                        by,
                        null));
    }

    /**
     * A draft another service's event asks for. Its id is its source's, so a source seen again (a
     * redelivered or republished event) drafts nothing more.
     */
    public static List<ReferralEvent> draftFromTrigger(
            ReferralState state, DraftFromTrigger command, Instant now) {
        if (state.exists()) {
            return List.of();
        }
        return List.of(
                new ReferralEvent.Drafted(
                        command.referralId(),
                        command.clientId(),
                        command.partnerId(),
                        command.serviceType(),
                        command.urgency(),
                        command.reason(),
                        List.of(),
                        null,
                        now,
                        command.referrer(),
                        command.origin()));
    }

    /**
     * The referrer completes or changes the draft; a draft without a referrer is taken by whoever
     * completes it. A partner named must offer the draft's service type ({@code partnerServices},
     * what it offers).
     */
    public static List<ReferralEvent> amend(
            ReferralState state,
            AmendDraft command,
            List<ServiceType> partnerServices,
            Actor actor,
            Instant now) {
        if (state.status() != ReferralStatus.DRAFT) {
            throw illegal(state, "amended");
        }
        if (state.referredBy() != null) {
            referrerOnly(state, actor, "amend it");
        }
        if (command.partnerId() != null && !partnerServices.contains(state.serviceType())) {
            throw new InvalidCommand(
                    "partnerId",
                    "partner "
                            + command.partnerId()
                            + " does not offer "
                            + state.serviceType()
                            + "; it offers "
                            + partnerServices);
        }
        return List.of(
                new ReferralEvent.DraftAmended(
                        state.referralId(),
                        state.clientId(),
                        command.partnerId(),
                        command.urgency(),
                        command.reason(),
                        command.diagnoses() == null ? List.of() : List.copyOf(command.diagnoses()),
                        command.notes(),
                        now,
                        actor.username()));
    }

    /**
     * Sends the draft when the client's consents permit the disclosure to the partner; both clocks
     * start from now.
     */
    public static List<ReferralEvent> send(
            ReferralState state,
            ConsentCheck.Verdict consent,
            boolean part2,
            Sla sla,
            Actor actor,
            Instant now) {
        if (state.status() != ReferralStatus.DRAFT) {
            throw illegal(state, "sent");
        }
        referrerOnly(state, actor, "send it");
        if (state.partnerId() == null) {
            throw Refused.conflict(
                    "draft-incomplete",
                    "partnerId is not set: name the partner (PUT /referrals/"
                            + state.referralId()
                            + "/draft) before sending");
        }
        UUID consentId =
                switch (consent) {
                    case ConsentCheck.Permitted p -> p.consent().consentId();
                    case ConsentCheck.Refused r ->
                            throw Refused.conflict("consent-required", r.reason());
                };
        Sla.Windows windows = sla.of(state.urgency());
        return List.of(
                new ReferralEvent.Requested(
                        state.referralId(),
                        state.clientId(),
                        consentId,
                        part2,
                        now.plus(windows.acceptedWithin()),
                        now.plus(windows.seenWithin()),
                        now,
                        actor.username()));
    }

    /** A partner's answer, as staff record it for a partner without the electronic interface. */
    public static List<ReferralEvent> partnerUpdate(
            ReferralState state,
            PartnerUpdate command,
            boolean partnerElectronic,
            Actor actor,
            Instant now) {
        PartnerStatus to = command.status();
        if (!allowed(state.status(), to)) {
            throw illegal(state, "marked " + to + " by the partner");
        }
        referrerOrSupervisor(state, actor, "record the partner's answer");
        if (partnerElectronic) {
            throw Refused.conflict(
                    "partner-is-electronic",
                    "partner "
                            + state.partnerId()
                            + " reports through its electronic interface: staff do not record its"
                            + " answers");
        }
        return List.of(answer(state, command, actor.username(), now));
    }

    /**
     * A partner's answer through its electronic interface, {@code partnerId} as its token names it
     * and {@code booked} the first appointment booked so far. Another partner's referral, or one
     * not sent yet, is not found; telling what the referral already says (a repeated update)
     * changes nothing.
     */
    public static List<ReferralEvent> partnerAnswer(
            ReferralState state,
            Instant booked,
            String partnerId,
            PartnerUpdate command,
            Instant now) {
        if (!state.exists()
                || state.status() == ReferralStatus.DRAFT
                || !partnerId.equals(state.partnerId())) {
            throw Refused.notFound("task", "no task " + state.referralId());
        }
        if (unchanged(state, booked, command)) {
            return List.of();
        }
        if (!allowed(state.status(), command.status())) {
            throw illegal(state, "marked " + command.status() + " by the partner");
        }
        return List.of(answer(state, command, Partners.recipient(partnerId), now));
    }

    private static boolean unchanged(ReferralState state, Instant booked, PartnerUpdate command) {
        return switch (command.status()) {
            case RECEIVED -> state.status() == ReferralStatus.RECEIVED;
            case ACCEPTED -> state.status() == ReferralStatus.ACCEPTED;
            case REJECTED -> state.status() == ReferralStatus.REJECTED;
            case IN_PROGRESS ->
                    state.status() == ReferralStatus.IN_PROGRESS
                            && Objects.equals(booked, command.appointmentAt());
            case COMPLETED ->
                    state.status() == ReferralStatus.COMPLETED
                            || state.status() == ReferralStatus.CLOSED;
            case FAILED -> state.status() == ReferralStatus.FAILED;
        };
    }

    private static ReferralEvent answer(
            ReferralState state, PartnerUpdate command, String by, Instant now) {
        PartnerStatus to = command.status();
        UUID id = state.referralId();
        UUID client = state.clientId();
        return switch (to) {
            case RECEIVED -> new ReferralEvent.Received(id, client, now, by);
            case ACCEPTED -> new ReferralEvent.Accepted(id, client, now, by);
            case REJECTED -> {
                if (blank(command.reason())) {
                    throw new InvalidCommand("reason", "is required: say why the partner declined");
                }
                yield new ReferralEvent.Rejected(id, client, command.reason(), now, by);
            }
            case IN_PROGRESS -> {
                if (command.appointmentAt() == null) {
                    throw new InvalidCommand(
                            "appointmentAt", "is required: when the client is seen");
                }
                yield new ReferralEvent.AppointmentBooked(
                        id, client, command.appointmentAt(), now, by);
            }
            case COMPLETED -> {
                if (command.outcome() == null || blank(command.outcome().summary())) {
                    throw new InvalidCommand(
                            "outcome.summary", "is required: what the partner reported");
                }
                PartnerUpdate.Outcome outcome = command.outcome();
                yield new ReferralEvent.Completed(
                        id,
                        client,
                        outcome.summary(),
                        outcome.recommendations(),
                        outcome.attachments() == null
                                ? List.of()
                                : List.copyOf(outcome.attachments()),
                        now,
                        by);
            }
            case FAILED -> new ReferralEvent.Failed(id, client, command.reason(), now, by);
        };
    }

    /** The referring clinician read the outcome: the loop is closed. */
    public static List<ReferralEvent> review(ReferralState state, Actor actor, Instant now) {
        if (state.status() != ReferralStatus.COMPLETED) {
            throw illegal(state, "reviewed");
        }
        referrerOnly(state, actor, "review its outcome");
        return List.of(
                new ReferralEvent.Closed(
                        state.referralId(), state.clientId(), now, actor.username()));
    }

    public static List<ReferralEvent> cancel(
            ReferralState state, Reason command, Actor actor, Instant now) {
        if (state.status() == null || !CANCELLABLE.contains(state.status())) {
            throw illegal(state, "cancelled");
        }
        referrerOrSupervisor(state, actor, "cancel it");
        return List.of(
                new ReferralEvent.Cancelled(
                        state.referralId(),
                        state.clientId(),
                        command.reason(),
                        now,
                        actor.username()));
    }

    public static List<ReferralEvent> hold(
            ReferralState state, Reason command, Actor actor, Instant now) {
        if (state.status() == null || !HOLDABLE.contains(state.status())) {
            throw illegal(state, "put on hold");
        }
        referrerOrSupervisor(state, actor, "put it on hold");
        return List.of(
                new ReferralEvent.Held(
                        state.referralId(),
                        state.clientId(),
                        command.reason(),
                        now,
                        actor.username()));
    }

    public static List<ReferralEvent> resume(ReferralState state, Actor actor, Instant now) {
        if (state.status() != ReferralStatus.ON_HOLD) {
            throw illegal(state, "resumed");
        }
        referrerOrSupervisor(state, actor, "resume it");
        return List.of(
                new ReferralEvent.Resumed(
                        state.referralId(), state.clientId(), now, actor.username()));
    }

    /**
     * A clock fell due: overdue once, and only while it still runs; a clock cleared since (the
     * partner answered, the client was seen) lapses into nothing.
     */
    public static List<ReferralEvent> lapse(ReferralState state, SlaClock clock, Instant now) {
        Instant due = state.dueAt(clock);
        if (due == null || state.overdue(clock) || now.isBefore(due)) {
            return List.of();
        }
        return List.of(
                new ReferralEvent.Overdue(state.referralId(), state.clientId(), clock, due, now));
    }

    private static boolean allowed(ReferralStatus from, PartnerStatus to) {
        if (from == null) {
            return false;
        }
        return switch (to) {
            case RECEIVED -> from == ReferralStatus.REQUESTED;
            case ACCEPTED, REJECTED ->
                    from == ReferralStatus.REQUESTED || from == ReferralStatus.RECEIVED;
            // Booked again: the first appointment moved.
            case IN_PROGRESS ->
                    from == ReferralStatus.ACCEPTED || from == ReferralStatus.IN_PROGRESS;
            case COMPLETED -> from == ReferralStatus.ACCEPTED || from == ReferralStatus.IN_PROGRESS;
            case FAILED ->
                    from == ReferralStatus.REQUESTED
                            || from == ReferralStatus.RECEIVED
                            || from == ReferralStatus.ACCEPTED
                            || from == ReferralStatus.IN_PROGRESS;
        };
    }

    private static void referrerOnly(ReferralState state, Actor actor, String what) {
        if (state.referredBy() == null) {
            throw Refused.forbidden(
                    "not-the-referrer",
                    "the draft has no referring clinician yet: complete it (PUT /referrals/"
                            + state.referralId()
                            + "/draft) to take it, then "
                            + what);
        }
        if (!actor.username().equals(state.referredBy())) {
            throw Refused.forbidden(
                    "not-the-referrer",
                    "only the referring clinician " + state.referredBy() + " may " + what);
        }
    }

    private static void referrerOrSupervisor(ReferralState state, Actor actor, String what) {
        if (!actor.supervisor() && !actor.username().equals(state.referredBy())) {
            throw Refused.forbidden(
                    "not-the-referrer",
                    "only the referring clinician "
                            + state.referredBy()
                            + " or a supervisor may "
                            + what);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Refused illegal(ReferralState state, String what) {
        return Refused.conflict(
                "illegal-transition",
                "a referral that is "
                        + (state.status() == null ? "unknown" : state.status())
                        + " cannot be "
                        + what);
    }
}

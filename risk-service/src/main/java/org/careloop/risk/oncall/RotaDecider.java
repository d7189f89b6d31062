package org.careloop.risk.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.problem.Refused;

/**
 * The rules of the rota. No two shifts of one tier overlap (a page has one addressee per tier), and
 * no clinician holds two tiers at once (escalating from PRIMARY to BACKUP must reach another
 * person). Every change is checked against the shifts that stand around it, handed in; the time and
 * new ids are arguments.
 */
public final class RotaDecider {

    /** How far in the past a shift may be ended: the time it takes to fill in the form. */
    public static final Duration END_TOLERANCE = Duration.ofMinutes(1);

    /** The tiers a rota staffs; the crisis team always answers and has no shifts. */
    public static final List<Tier> STAFFED = List.of(Tier.PRIMARY, Tier.BACKUP, Tier.SUPERVISOR);

    private RotaDecider() {}

    /** A new shift, if it fits among the ones that stand. */
    public static ShiftEvent.ShiftScheduled schedule(
            Shift candidate, List<Shift> standing, String supervisor, Instant now) {
        fits(candidate, standing, "startsAt", "clinician");
        return new ShiftEvent.ShiftScheduled(
                candidate.shiftId(),
                candidate.clinician(),
                candidate.tier(),
                candidate.startsAt(),
                candidate.endsAt(),
                supervisor,
                now);
    }

    /**
     * Ends a shift under way early, at {@code endsAt} (now when null): within the shift and not
     * more than {@link #END_TOLERANCE} in the past.
     */
    public static ShiftEvent.ShiftEnded end(
            UUID shiftId, Shift shift, Instant endsAt, String supervisor, Instant now) {
        standing(shiftId, shift, "shiftId");
        notOver(shift, now, "shiftId");
        Instant end = endsAt == null ? now : endsAt;
        if (end.isBefore(now.minus(END_TOLERANCE))) {
            throw new InvalidCommand(
                    "endsAt",
                    "must not be more than " + END_TOLERANCE.toSeconds() + " s in the past");
        }
        if (!end.isAfter(shift.startsAt())) {
            throw new InvalidCommand(
                    "endsAt",
                    "must be after the shift starts ("
                            + shift.startsAt()
                            + "); a shift that has not started is cancelled instead");
        }
        if (!end.isBefore(shift.endsAt())) {
            throw new InvalidCommand(
                    "endsAt", "must be before the shift ends (" + shift.endsAt() + ")");
        }
        return new ShiftEvent.ShiftEnded(shiftId, shift.endsAt(), end, supervisor, now);
    }

    /**
     * Another clinician holds the shift. A shift under way changes holder as a whole (the rota
     * shows one holder per shift; its stream keeps who held it until when), so the new holder must
     * be free for all of it.
     */
    public static ShiftEvent.ShiftReassigned replace(
            UUID shiftId,
            Shift shift,
            String clinician,
            List<Shift> standing,
            String supervisor,
            Instant now) {
        standing(shiftId, shift, "shiftId");
        notOver(shift, now, "shiftId");
        if (shift.clinician().equals(clinician)) {
            throw conflict(
                    "same-clinician",
                    "clinician",
                    clinician + " already holds this shift",
                    "must be another clinician than the one holding the shift");
        }
        fits(shift.heldBy(clinician), without(standing, shiftId), "clinician", "clinician");
        return new ShiftEvent.ShiftReassigned(
                shiftId, shift.clinician(), clinician, supervisor, now);
    }

    /**
     * Two shifts exchange their clinicians; both must stand and not be over, be two shifts and be
     * held by two people, and each clinician must be free for the other's shift.
     */
    public static List<ShiftEvent.ShiftsSwapped> swap(
            UUID shiftId,
            Shift shift,
            UUID otherShiftId,
            Shift other,
            List<Shift> standing,
            String supervisor,
            Instant now) {
        if (shiftId.equals(otherShiftId)) {
            throw new InvalidCommand("otherShiftId", "must be another shift than shiftId");
        }
        standing(shiftId, shift, "shiftId");
        standing(otherShiftId, other, "otherShiftId");
        notOver(shift, now, "shiftId");
        notOver(other, now, "otherShiftId");
        if (shift.clinician().equals(other.clinician())) {
            throw conflict(
                    "same-clinician",
                    "otherShiftId",
                    "both shifts are held by "
                            + shift.clinician()
                            + ": a swap would change nothing",
                    "must be held by another clinician than shiftId");
        }
        List<Shift> around = without(without(standing, shiftId), otherShiftId);
        fits(shift.heldBy(other.clinician()), around, "shiftId", "shiftId");
        fits(other.heldBy(shift.clinician()), around, "otherShiftId", "otherShiftId");
        return List.of(
                new ShiftEvent.ShiftsSwapped(
                        shiftId,
                        otherShiftId,
                        shift.clinician(),
                        other.clinician(),
                        supervisor,
                        now),
                new ShiftEvent.ShiftsSwapped(
                        otherShiftId,
                        shiftId,
                        other.clinician(),
                        shift.clinician(),
                        supervisor,
                        now));
    }

    /**
     * The periods within [from, to) in which each staffed tier has nobody on call, by tier then
     * time. Shifts that touch (one ends when the next starts) leave no gap.
     */
    public static List<Gap> gaps(List<Shift> shifts, Instant from, Instant to) {
        List<Gap> gaps = new ArrayList<>();
        for (Tier tier : STAFFED) {
            Instant covered = from;
            List<Shift> ofTier =
                    shifts.stream()
                            .filter(s -> s.tier() == tier && s.overlaps(from, to))
                            .sorted(Comparator.comparing(Shift::startsAt))
                            .toList();
            for (Shift shift : ofTier) {
                if (shift.startsAt().isAfter(covered)) {
                    gaps.add(new Gap(tier, covered, shift.startsAt()));
                }
                if (shift.endsAt().isAfter(covered)) {
                    covered = shift.endsAt();
                }
            }
            if (covered.isBefore(to)) {
                gaps.add(new Gap(tier, covered, to));
            }
        }
        return gaps;
    }

    /** The candidate overlaps no shift of its tier, and its clinician holds no other tier then. */
    private static void fits(
            Shift candidate, List<Shift> standing, String tierField, String clinicianField) {
        for (Shift other : standing) {
            if (other.shiftId().equals(candidate.shiftId()) || !other.overlaps(candidate)) {
                continue;
            }
            if (other.tier() == candidate.tier()) {
                throw conflict(
                        "shift-overlap",
                        tierField,
                        candidate.tier()
                                + " is already held by "
                                + other.clinician()
                                + " from "
                                + other.startsAt()
                                + " to "
                                + other.endsAt(),
                        "overlaps another shift");
            }
            if (other.clinician().equals(candidate.clinician())) {
                throw conflict(
                        "clinician-holds-another-tier",
                        clinicianField,
                        candidate.clinician()
                                + " already holds "
                                + other.tier()
                                + " from "
                                + other.startsAt()
                                + " to "
                                + other.endsAt()
                                + ": an escalation between tiers must reach another person",
                        "holds another tier at that time");
            }
        }
    }

    private static void standing(UUID shiftId, Shift shift, String field) {
        if (shift == null) {
            throw Refused.notFound("shift", "no shift " + shiftId + " stands (" + field + ")");
        }
    }

    private static void notOver(Shift shift, Instant now, String field) {
        if (shift.isOverAt(now)) {
            throw conflict(
                    "shift-over",
                    field,
                    "the shift " + shift.shiftId() + " ended at " + shift.endsAt(),
                    "is over");
        }
    }

    private static List<Shift> without(List<Shift> shifts, UUID shiftId) {
        return shifts.stream().filter(s -> !s.shiftId().equals(shiftId)).toList();
    }

    private static ProblemException conflict(
            String slug, String field, String detail, String message) {
        return new ProblemException(
                new Problem(
                        "urn:careloop:problem:" + slug,
                        "Conflict",
                        409,
                        detail,
                        null,
                        null,
                        List.of(new Problem.FieldError(field, message))));
    }
}

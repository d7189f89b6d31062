package org.careloop.risk.oncall;

import java.time.Duration;
import java.time.Instant;
import org.careloop.platform.problem.InvalidCommand;

/**
 * How long one on-call shift may last and how far ahead it may be scheduled; names the offending
 * time.
 */
public record ShiftLimits(Duration longestShift, Duration furthestAhead) {

    public ShiftLimits {
        if (longestShift.isNegative() || longestShift.isZero() || furthestAhead.isNegative()) {
            throw new IllegalArgumentException(
                    "shift limits must be positive: " + longestShift + ", " + furthestAhead);
        }
    }

    public void check(Instant startsAt, Instant endsAt, Instant now) {
        if (startsAt.isBefore(now.minus(longestShift))) {
            throw new InvalidCommand(
                    "startsAt",
                    "must be less than "
                            + longestShift.toHours()
                            + " hours (the longest shift) in the past");
        }
        if (startsAt.isAfter(now.plus(furthestAhead))) {
            throw new InvalidCommand(
                    "startsAt", "must be at most " + furthestAhead.toDays() + " days ahead");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new InvalidCommand("endsAt", "must be after startsAt");
        }
        if (Duration.between(startsAt, endsAt).compareTo(longestShift) > 0) {
            throw new InvalidCommand(
                    "endsAt",
                    "must be at most "
                            + longestShift.toHours()
                            + " hours (the longest shift) after startsAt");
        }
        if (!endsAt.isAfter(now)) {
            throw new InvalidCommand("endsAt", "must be in the future");
        }
    }
}

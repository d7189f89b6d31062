package org.careloop.billing.authorization;

import java.time.LocalDate;
import java.util.List;

/**
 * How fast an authorization's units go: units used by sessions of the last four weeks, per week,
 * and the day the remaining units run out at that pace (none while nothing is being used).
 */
public record Burn(double unitsPerWeek, LocalDate projectedExhaustion) {

    public static final int WEEKS = 4;

    /** A session's use of units on its date. */
    public record Use(LocalDate serviceDate, int units) {}

    public static Burn of(List<Use> uses, int remaining, LocalDate today) {
        LocalDate from = today.minusWeeks(WEEKS).plusDays(1);
        int recent =
                uses.stream()
                        .filter(u -> !u.serviceDate().isBefore(from))
                        .filter(u -> !u.serviceDate().isAfter(today))
                        .mapToInt(Use::units)
                        .sum();
        double perWeek = recent / (double) WEEKS;
        if (remaining <= 0) {
            return new Burn(perWeek, null);
        }
        if (recent == 0) {
            return new Burn(0, null);
        }
        long days = (long) Math.ceil(remaining * 7.0 / perWeek);
        return new Burn(perWeek, today.plusDays(days));
    }
}

package org.careloop.platform.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What any text or date in a request body must be, whatever the field; each check returns the
 * defect or null.
 */
public final class InputRules {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2200, 12, 31);

    private InputRules() {}

    /**
     * Control characters (U+0000-U+001F, U+007F-U+009F) and unpaired surrogates are refused
     * everywhere; tab, line feed and carriage return only where a field is free text.
     */
    public static String textDefect(String value, boolean freeText) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain an unpaired surrogate (at character " + i + ")";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain an unpaired surrogate (at character " + i + ")";
            }
            if (Character.getType(c) == Character.CONTROL
                    && !(freeText && (c == '\t' || c == '\n' || c == '\r'))) {
                return "must not contain control characters (U+"
                        + String.format("%04X", (int) c)
                        + " at character "
                        + i
                        + (freeText ? ")" : "); this field is a single line");
            }
        }
        return null;
    }

    public static String dateDefect(LocalDate date) {
        return date.isBefore(EARLIEST) || date.isAfter(LATEST)
                ? "must be between " + EARLIEST + " and " + LATEST
                : null;
    }

    public static String instantDefect(Instant instant) {
        return instant.isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant())
                        || !instant.isBefore(
                                LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                ? "must be between " + EARLIEST + " and " + LATEST + " (UTC)"
                : null;
    }
}

package org.careloop.billing.export;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.regex.Pattern;

/** What the 837P accepts in a field; a refusal names the field but never echoes its value. */
final class FieldRules {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");
    private static final String DELIMITERS = "~*:^";

    private FieldRules() {}

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /**
     * Free text of {@code min} to {@code max} characters as written to the file, without leading or
     * trailing spaces.
     */
    static String text(String value, String field, int min, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        String stripped = value.strip();
        String written = x12(stripped);
        if (written.length() < min || written.length() > max) {
            throw new IllegalArgumentException(
                    field + " must be " + min + " to " + max + " characters long");
        }
        for (char c : written.toCharArray()) {
            if (c < ' ' || c > '~' || DELIMITERS.indexOf(c) >= 0) {
                throw new IllegalArgumentException(
                        field
                                + " may hold letters, digits, spaces and punctuation other than"
                                + " ~ * : ^");
            }
        }
        return stripped;
    }

    /** Like {@link #text} but absent when null or blank. */
    static String optionalText(String value, String field, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text(value, field, min, max);
    }

    static String matching(String value, String field, Pattern pattern, String expected) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be " + expected);
        }
        return value;
    }

    /**
     * CMS: an NPI is ten digits whose last is a Luhn check digit over the prefix 80840 and the
     * first nine.
     */
    static String npi(String value, String field) {
        matching(value, field, TEN_DIGITS, "an NPI of 10 digits");
        String withPrefix = "80840" + value;
        int sum = 0;
        for (int i = 0; i < withPrefix.length(); i++) {
            int digit = withPrefix.charAt(withPrefix.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        if (sum % 10 != 0) {
            throw new IllegalArgumentException(field + " is not an NPI: its check digit is wrong");
        }
        return value;
    }

    static BigDecimal amount(BigDecimal value, String field) {
        required(value, field);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(field + " must not be negative");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException(field + " must be in whole cents");
        }
        return value;
    }

    static String digitsOnly(String value) {
        return value.replaceAll("\\D", "");
    }

    /** Text as the file carries it: letters with diacritics written without them. */
    static String x12(String value) {
        return COMBINING_MARKS
                .matcher(Normalizer.normalize(value, Normalizer.Form.NFD))
                .replaceAll("");
    }
}

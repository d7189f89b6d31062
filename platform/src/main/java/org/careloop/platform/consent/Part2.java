package org.careloop.platform.consent;

import java.util.Collection;
import java.util.Locale;

/**
 * Whether a diagnosis makes a record a 42 CFR Part 2 substance use disorder record: an ICD-10-CM
 * code in F10-F19 ("mental and behavioral disorders due to psychoactive substance use"), except F17
 * (nicotine).
 */
public final class Part2 {

    /**
     * The notice each Part 2 disclosure made with the client's consent carries: the abbreviated
     * statement 42 CFR 2.32(a)(2) allows.
     */
    public static final String REDISCLOSURE_NOTICE =
            "42 CFR part 2 prohibits unauthorized use or disclosure of these records.";

    private Part2() {}

    /**
     * True for F10-F19 but F17. Source: 42 CFR 2.11, "substance use disorder" excludes tobacco and
     * caffeine; caffeine shares F15 with other stimulants, so F15 counts (the safer reading).
     */
    public static boolean code(String icd10cm) {
        if (icd10cm == null) {
            return false;
        }
        String code = icd10cm.strip().toUpperCase(Locale.ROOT);
        if (code.length() < 3 || code.charAt(0) != 'F' || code.charAt(1) != '1') {
            return false;
        }
        char category = code.charAt(2);
        if (category < '0' || category > '9' || category == '7') {
            return false;
        }
        // A category alone (F10) or with its subdivision (F10.20, F1020).
        String rest = code.substring(3);
        return rest.isEmpty() || rest.matches("\\.?[0-9A-Z]{1,4}");
    }

    /** True when any of the record's diagnoses is a Part 2 one. */
    public static boolean anyCode(Collection<String> icd10cm) {
        return icd10cm.stream().anyMatch(Part2::code);
    }
}

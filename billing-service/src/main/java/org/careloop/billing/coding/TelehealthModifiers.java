package org.careloop.billing.coding;

import java.util.regex.Pattern;

/**
 * A payer's telehealth modifiers, e.g. video "95" or "GT", audio-only "93" or "FQ"; null or blank
 * fields fall back to 95 / 93.
 */
public record TelehealthModifiers(String video, String audioOnly) {

    static final String STANDARD_VIDEO = "95";
    static final String STANDARD_AUDIO_ONLY = "93";

    private static final Pattern MODIFIER = Pattern.compile("[A-Z0-9]{2}");

    public TelehealthModifiers {
        video = orDefault(video, STANDARD_VIDEO, "video");
        audioOnly = orDefault(audioOnly, STANDARD_AUDIO_ONLY, "audioOnly");
    }

    /** The AMA's modifiers: 95 for synchronous video, 93 for audio only. */
    public static TelehealthModifiers standard() {
        return new TelehealthModifiers(STANDARD_VIDEO, STANDARD_AUDIO_ONLY);
    }

    private static String orDefault(String modifier, String standard, String field) {
        if (modifier == null || modifier.isBlank()) {
            return standard;
        }
        String code = modifier.strip();
        if (!MODIFIER.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    field + " modifier must be two upper-case letters or digits: " + modifier);
        }
        return code;
    }
}

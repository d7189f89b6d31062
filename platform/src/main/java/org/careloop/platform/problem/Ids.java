package org.careloop.platform.problem;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads ids from paths and queries, answering a malformed one as a 400 that names the parameter.
 */
public final class Ids {

    private Ids() {}

    /** Only the canonical form: {@link UUID#fromString} would also take {@code 1-2-3-4-5}. */
    private static final Pattern CANONICAL =
            Pattern.compile(
                    "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public static UUID uuid(String parameter, String value) {
        if (value == null || !CANONICAL.matcher(value).matches()) {
            throw new InvalidCommand(parameter, "must be a UUID");
        }
        return UUID.fromString(value);
    }
}

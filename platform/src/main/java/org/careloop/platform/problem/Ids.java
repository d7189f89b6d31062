package org.careloop.platform.problem;

import java.util.UUID;

/** Reads ids from paths and queries, answering a malformed one as a 400 that names the parameter. */
public final class Ids {

    private Ids() {
    }

    public static UUID uuid(String parameter, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidCommand(parameter, "must be a UUID");
        }
    }
}

package org.careloop.risk.risklevel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;
import org.careloop.platform.problem.InvalidCommand;

/**
 * Where a page of the registry ended: the last entry's time at its level and client id, the
 * registry's order. Opaque to the caller (URL-safe base64); a cursor that does not read is a 400
 * naming {@code cursor}.
 */
public record RegistryCursor(Instant levelSince, UUID clientId) {

    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((levelSince + "|" + clientId).getBytes(StandardCharsets.UTF_8));
    }

    public static RegistryCursor decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("no separator");
            }
            return new RegistryCursor(
                    Instant.parse(text.substring(0, bar)),
                    UUID.fromString(text.substring(bar + 1)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidCommand(
                    "cursor", "is not a cursor this registry gave out; start again without one");
        }
    }

    /** The page size a caller asked for: 50 unless given, at most 100. */
    public static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return 50;
        }
        try {
            int size = Integer.parseInt(limit.trim());
            if (size >= 1 && size <= 100) {
                return size;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidCommand("limit", "must be a whole number from 1 to 100");
    }
}

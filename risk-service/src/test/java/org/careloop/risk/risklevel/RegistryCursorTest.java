package org.careloop.risk.risklevel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.careloop.platform.problem.InvalidCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryCursorTest {

    @Test
    void aCursorReadsBackAsTheEntryItWasMadeFrom() {
        RegistryCursor cursor =
                new RegistryCursor(Instant.parse("2026-11-22T10:00:00.123456Z"), UUID.randomUUID());
        assertEquals(cursor, RegistryCursor.decode(cursor.encode()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not base64!",
                "bm90IGEgY3Vyc29y",
                "MjAyNi0xMS0yMlQxMDowMDowMFp8bm90LWEtdXVpZA",
                ""
            })
    void aCursorThatDoesNotReadIsRefusedNamingCursor(String cursor) {
        InvalidCommand refused =
                assertThrows(InvalidCommand.class, () -> RegistryCursor.decode(cursor));
        assertEquals("cursor", refused.problem().errors().get(0).field());
    }

    @Test
    void aCursorWithAnImpossibleTimeIsRefusedNamingCursor() {
        String forged =
                Base64.getUrlEncoder()
                        .encodeToString(
                                ("yesterday|" + UUID.randomUUID())
                                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(
                "cursor",
                assertThrows(InvalidCommand.class, () -> RegistryCursor.decode(forged))
                        .problem()
                        .errors()
                        .get(0)
                        .field());
    }

    @Test
    void aPageHoldsFiftyUnlessAskedAndNeverMoreThanAHundred() {
        assertEquals(50, RegistryCursor.limit(null));
        assertEquals(1, RegistryCursor.limit("1"));
        assertEquals(100, RegistryCursor.limit("100"));
        for (String bad : new String[] {"0", "101", "-1", "ten", "1.5", "99999999999"}) {
            assertEquals(
                    "limit",
                    assertThrows(InvalidCommand.class, () -> RegistryCursor.limit(bad))
                            .problem()
                            .errors()
                            .get(0)
                            .field(),
                    bad);
        }
    }
}

package org.careloop.platform.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokensTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aCachedTokenWithMoreThanAMinuteLeftIsHandedOut() {
        assertTrue(new Tokens.Token("t", NOW.plusSeconds(61)).fresh(NOW));
    }

    @Test
    void aCachedTokenWithAMinuteOrLessLeftIsFetchedAgain() {
        assertFalse(new Tokens.Token("t", NOW.plusSeconds(60)).fresh(NOW));
        assertFalse(new Tokens.Token("t", NOW.minusSeconds(1)).fresh(NOW));
    }
}

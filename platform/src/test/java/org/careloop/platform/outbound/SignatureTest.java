package org.careloop.platform.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SignatureTest {

    @Test
    void theSignatureIsTheHexHmacSha256OfTheBodyPrefixedWithItsAlgorithm() {
        // RFC 4231, test case 2.
        assertEquals(
                "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                Signature.of("what do ya want for nothing?", "Jefe"));
    }

    @Test
    void anotherSecretOrAChangedBodySignsDifferently() {
        String body = "{\"type\":\"referral.requested\"}";
        assertNotEquals(Signature.of(body, "one secret"), Signature.of(body, "another secret"));
        assertNotEquals(Signature.of(body, "one secret"), Signature.of(body + " ", "one secret"));
    }
}

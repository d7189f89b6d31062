package org.careloop.platform.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

    @Test
    void withOneSecretTheHeaderIsThatSecretsSignatureAsBefore() {
        String body = "{\"alertId\":\"a\"}";
        assertEquals(Signature.of(body, "only secret"), Signature.of(body, List.of("only secret")));
    }

    @Test
    void withTwoSecretsTheHeaderCarriesBothAndVerifiesWithEitherButNoOther() {
        String body = "{\"alertId\":\"a\"}";

        String header = Signature.of(body, List.of("new secret", "old secret"));

        assertEquals(
                Signature.of(body, "new secret") + ", " + Signature.of(body, "old secret"), header);
        assertTrue(Signature.verifies(header, body, "new secret"));
        assertTrue(Signature.verifies(header, body, "old secret"));
        assertFalse(Signature.verifies(header, body, "a third secret"));
        assertFalse(Signature.verifies(header, body + " ", "new secret"));
        assertFalse(Signature.verifies(null, body, "new secret"));
    }
}

package org.careloop.platform.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final byte[] K1 = key(1);
    private static final byte[] K2 = key(2);
    private static final String SECRET = "pager-signing-secret-0123";

    private final SecretBox box = new SecretBox("k1", Map.of("k1", K1));

    @Test
    void aSealedSecretOpensToTheSameSecret() {
        String sealed = box.seal(SECRET);

        assertTrue(sealed.startsWith("k1:"), sealed);
        assertFalse(sealed.contains(SECRET));
        assertEquals(SECRET, box.open(sealed));
    }

    @Test
    void theSameSecretSealedTwiceGivesTwoValuesEachWithItsOwnNonce() {
        String first = box.seal(SECRET);
        String second = box.seal(SECRET);

        assertNotEquals(first, second);
        // nonce (12) + ciphertext (as long as the secret) + tag (16)
        assertEquals(12 + SECRET.length() + 16, bytes(first).length);
    }

    @Test
    void anyChangedByteIsRefused() {
        byte[] sealed = bytes(box.seal(SECRET));
        for (int i = 0; i < sealed.length; i++) {
            byte[] changed = sealed.clone();
            changed[i] ^= 0x01;
            String altered = "k1:" + Base64.getEncoder().encodeToString(changed);
            assertThrows(SecretBox.UnreadableSecret.class, () -> box.open(altered), "byte " + i);
        }
    }

    @Test
    void aValueMovedUnderAnotherKeyIdIsRefused() {
        SecretBox both = new SecretBox("k1", Map.of("k1", K1, "k2", K1));
        String sealed = both.seal(SECRET);

        assertThrows(SecretBox.UnreadableSecret.class, () -> both.open("k2" + sealed.substring(2)));
    }

    @Test
    void aValueUnderAKeyIdThatIsNotConfiguredIsRefusedNamingTheKey() {
        String sealed = new SecretBox("k2", Map.of("k2", K2)).seal(SECRET);

        SecretBox.UnreadableSecret refused =
                assertThrows(SecretBox.UnreadableSecret.class, () -> box.open(sealed));
        assertTrue(refused.getMessage().contains("'k2'"), refused.getMessage());
        assertFalse(refused.getMessage().contains(SECRET));
    }

    @Test
    void aValueUnderTheRightIdButAnotherKeyIsRefused() {
        String sealed = new SecretBox("k1", Map.of("k1", K2)).seal(SECRET);

        assertThrows(SecretBox.UnreadableSecret.class, () -> box.open(sealed));
    }

    @Test
    void aPlainValueIsNotASealedOne() {
        assertFalse(SecretBox.isSealed(SECRET));
        assertThrows(SecretBox.UnreadableSecret.class, () -> box.open(SECRET));
        assertThrows(SecretBox.UnreadableSecret.class, () -> box.open("k1:AAAA"));
    }

    @Test
    void afterRotationOldValuesStillOpenAndNewOnesAreSealedUnderTheNewKey() {
        String old = box.seal(SECRET);
        SecretBox rotated = new SecretBox("k2", Map.of("k1", K1, "k2", K2));

        assertEquals(SECRET, rotated.open(old));
        assertFalse(rotated.isCurrent(old));
        String resealed = rotated.reseal(old);
        assertTrue(resealed.startsWith("k2:"), resealed);
        assertTrue(rotated.isCurrent(resealed));
        assertEquals(resealed, rotated.reseal(resealed), "a current value is left as it is");
        assertEquals(SECRET, new SecretBox("k2", Map.of("k2", K2)).open(resealed));
        assertTrue(rotated.seal(SECRET).startsWith("k2:"));
    }

    @Test
    void aLegacyPlainValueIsSealedByAReseal() {
        String sealed = box.reseal(SECRET);

        assertTrue(box.isCurrent(sealed));
        assertEquals(SECRET, box.open(sealed));
    }

    @Test
    void keysMustBe32BytesAndTheCurrentKeyMustBeAmongThem() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new SecretBox("k1", Map.of("k1", new byte[16])));
        assertThrows(IllegalArgumentException.class, () -> new SecretBox("k3", Map.of("k1", K1)));
        assertThrows(IllegalArgumentException.class, () -> new SecretBox("K1", Map.of("K1", K1)));
    }

    @Test
    void keysComeFromPropertiesOrTheEnvironment() {
        SmallRyeConfig config =
                new SmallRyeConfigBuilder()
                        .withSources(
                                new PropertiesConfigSource(
                                        Map.of(
                                                "careloop.secrets.keys.k1",
                                                Base64.getEncoder().encodeToString(K1)),
                                        "properties",
                                        100),
                                new EnvConfigSource(
                                        Map.of(
                                                "CARELOOP_SECRETS_KEYS_K2",
                                                Base64.getEncoder().encodeToString(K2),
                                                "CARELOOP_SECRETS_CURRENT_KEY",
                                                "k2"),
                                        300))
                        .build();

        SecretBox configured = SecretKeys.from(config);

        assertEquals("k2", configured.currentKeyId());
        assertEquals(SECRET, configured.open(box.seal(SECRET)));
        assertEquals(
                Set.of("k1", "k2"),
                SecretKeys.keyIds(
                        List.of(
                                "careloop.secrets.keys.k1",
                                "CARELOOP_SECRETS_KEYS_K2",
                                "%dev.careloop.secrets.keys.dev1",
                                "careloop.secrets.current-key")));
    }

    @Test
    void withoutACurrentKeyTheServiceDoesNotStartAndSaysWhatToSet() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().build();

        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> SecretKeys.from(config));
        assertTrue(refused.getMessage().contains("careloop.secrets.current-key"));
        assertTrue(refused.getMessage().contains("careloop.secrets.keys.<id>"));
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return key;
    }

    private static byte[] bytes(String sealed) {
        return Base64.getDecoder().decode(sealed.substring(sealed.indexOf(':') + 1));
    }
}

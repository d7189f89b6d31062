package org.careloop.platform.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a secret the service must keep but never show (a webhook's signing secret) with AES-256-GCM
 * under the current key, and opens it under any key it holds. A sealed value reads {@code <key
 * id>:base64(nonce | ciphertext | tag)}, a fresh 96-bit nonce for each; the key id is authenticated
 * too, so a value cannot be moved under another key.
 */
public final class SecretBox {

    /**
     * Key ids are short lower-case names ({@code k1}, {@code 2026a}): one form in a file or env.
     */
    public static final Pattern KEY_ID = Pattern.compile("[a-z0-9]{1,32}");

    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;

    private static final Pattern SEALED =
            Pattern.compile("([a-z0-9]{1,32}):([A-Za-z0-9+/]+={0,2})");

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param currentKeyId the key new values are sealed under
     * @param keys every key that may still have sealed a stored value, by id: 32 bytes each
     */
    public SecretBox(String currentKeyId, Map<String, byte[]> keys) {
        Map<String, SecretKey> checked = new TreeMap<>();
        keys.forEach(
                (id, key) -> {
                    if (!KEY_ID.matcher(id).matches()) {
                        throw new IllegalArgumentException(
                                "secret key id '" + id + "' is not 1 to 32 of a-z, 0-9");
                    }
                    if (key.length != KEY_BYTES) {
                        throw new IllegalArgumentException(
                                "secret key '"
                                        + id
                                        + "' has "
                                        + key.length
                                        + " bytes; AES-256 needs "
                                        + KEY_BYTES);
                    }
                    checked.put(id, new SecretKeySpec(key, "AES"));
                });
        if (!checked.containsKey(currentKeyId)) {
            throw new IllegalArgumentException(
                    "the current secret key '"
                            + currentKeyId
                            + "' is not among the keys "
                            + checked.keySet());
        }
        this.currentKeyId = currentKeyId;
        this.keys = Map.copyOf(checked);
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** The secret sealed under the current key. */
    public String seal(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, currentKeyId, nonce);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return currentKeyId
                    + ":"
                    + Base64.getEncoder()
                            .encodeToString(
                                    ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                                            .put(nonce)
                                            .put(sealed)
                                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The secret a sealed value holds.
     *
     * @throws UnreadableSecret when the value is not sealed, names a key this box does not hold, or
     *     was altered (or sealed under another key of that id)
     */
    public String open(String sealed) {
        var parts = SEALED.matcher(sealed == null ? "" : sealed);
        if (!parts.matches()) {
            throw new UnreadableSecret("the value is not a sealed secret");
        }
        String keyId = parts.group(1);
        if (!keys.containsKey(keyId)) {
            throw new UnreadableSecret(
                    "sealed under key '"
                            + keyId
                            + "', which is not configured (careloop.secrets.keys."
                            + keyId
                            + ")");
        }
        byte[] bytes = Base64.getDecoder().decode(parts.group(2));
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnreadableSecret("the sealed value is too short");
        }
        try {
            Cipher cipher =
                    cipher(Cipher.DECRYPT_MODE, keyId, java.util.Arrays.copyOf(bytes, NONCE_BYTES));
            return new String(
                    cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES),
                    StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UnreadableSecret(
                    "the sealed value fails its check under key '"
                            + keyId
                            + "': altered, or sealed under another key of that id");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Whether a stored value has the form of a sealed one (a legacy plain value has not). */
    public static boolean isSealed(String stored) {
        return stored != null && SEALED.matcher(stored).matches();
    }

    /** Whether a stored value is sealed under the current key, so that nothing is left to do. */
    public boolean isCurrent(String stored) {
        return isSealed(stored) && stored.startsWith(currentKeyId + ":");
    }

    /**
     * The value sealed under the current key: a plain (legacy) value is sealed, one under an older
     * key is opened and sealed again, a current one is returned as it is.
     */
    public String reseal(String stored) {
        if (isCurrent(stored)) {
            return stored;
        }
        return seal(isSealed(stored) ? open(stored) : stored);
    }

    private Cipher cipher(int mode, String keyId, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, keys.get(keyId), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** A stored secret that cannot be opened; its message never holds the secret. */
    public static final class UnreadableSecret extends RuntimeException {

        UnreadableSecret(String message) {
            super(message);
        }
    }
}

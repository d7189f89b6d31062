package org.careloop.platform.outbound;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-CareLoop-Signature: sha256=<hex HMAC-SHA256 of the body with the subscriber's secret>},
 * on every webhook CareLoop sends (risk's alert steps, referral's partner announcements). While a
 * subscriber's secret is being replaced the header is a list, one signature per secret in force,
 * the newest first, separated by ", " (as repeated HTTP fields are joined): a receiver accepts the
 * body when any one of them verifies with its secret.
 */
public final class Signature {

    public static final String HEADER = "X-CareLoop-Signature";

    private static final String PREFIX = "sha256=";

    private Signature() {}

    public static String of(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX
                    + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /**
     * The header for the secrets in force, newest first; with one secret, {@link #of(String,
     * String)}.
     */
    public static String of(String body, List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a body is signed with at least one secret");
        }
        return String.join(", ", secrets.stream().map(secret -> of(body, secret)).toList());
    }

    /**
     * Whether one of the header's signatures is the body's under the secret, as a receiver checks.
     */
    public static boolean verifies(String header, String body, String secret) {
        if (header == null) {
            return false;
        }
        byte[] expected = of(body, secret).getBytes(StandardCharsets.US_ASCII);
        boolean verified = false;
        for (String signature : header.split(",")) {
            verified |=
                    MessageDigest.isEqual(
                            expected, signature.strip().getBytes(StandardCharsets.US_ASCII));
        }
        return verified;
    }
}

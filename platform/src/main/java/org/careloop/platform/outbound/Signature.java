package org.careloop.platform.outbound;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-CareLoop-Signature: sha256=<hex HMAC-SHA256 of the body with the subscriber's secret>},
 * on every webhook CareLoop sends (risk's alert steps, referral's partner announcements).
 */
public final class Signature {

    public static final String HEADER = "X-CareLoop-Signature";

    private Signature() {}

    public static String of(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256="
                    + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}

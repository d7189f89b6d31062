package org.careloop.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The hash that links one audit record to the one before it: SHA-256 over the previous hash and the
 * record's content as a JSON array (so no two contents share a text). The first record links to
 * {@link #GENESIS}.
 */
public final class ChainLink {

    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChainLink() {}

    public static String hash(String previous, long position, AuditRow row) {
        try {
            String content =
                    JSON.writeValueAsString(
                            Arrays.asList(
                                    position,
                                    row.id(),
                                    row.recordedAt().toString(),
                                    row.service(),
                                    row.requestId(),
                                    row.username(),
                                    row.roles(),
                                    row.clientId() == null ? null : row.clientId().toString(),
                                    row.action(),
                                    row.method(),
                                    row.route(),
                                    row.path(),
                                    row.outcome(),
                                    row.basis(),
                                    row.purpose()));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(previous.getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) '\n');
            return HexFormat.of()
                    .formatHex(digest.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

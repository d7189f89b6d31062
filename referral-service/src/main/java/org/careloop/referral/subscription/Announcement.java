package org.careloop.referral.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.codec.EventJson;

/**
 * What a partner is told of a referral: ids only, never clinical data. The partner fetches the FHIR
 * Task at {@code fetch} with its own token, where the consent and access checks apply.
 */
public record Announcement(String type, UUID taskId, String partnerId, Instant at, URI fetch) {

    public static final String REQUESTED = "referral.requested";
    public static final String CANCELLED = "referral.cancelled";

    /**
     * The announcement of a referral, its Task under the service's public address: {@code
     * publicUrl} (the gateway) and {@code rootPath} (the service's path under it).
     */
    public static Announcement of(
            String type,
            UUID referralId,
            String partnerId,
            Instant at,
            URI publicUrl,
            String rootPath) {
        String origin = publicUrl.toString().replaceAll("/+$", "");
        String root = ("/" + rootPath).replaceAll("/+", "/").replaceAll("/$", "");
        return new Announcement(
                type,
                referralId,
                partnerId,
                at,
                URI.create(origin + root + "/fhir/Task/" + referralId));
    }

    /** The body as sent and signed. */
    public String body() {
        try {
            return EventJson.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an announcement does not write as JSON", e);
        }
    }
}

package org.careloop.risk.webhook;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;

/** The life of one pager integration, stored in its own stream. */
public sealed interface WebhookEvent {

    String STREAM = "webhook";

    UUID webhookId();

    /**
     * The secret is kept because every delivery is signed with it, sealed ({@link
     * org.careloop.platform.secret.SecretBox}); no API ever shows it. Events recorded before
     * secrets were sealed held it plain until {@link WebhookSecrets} sealed them.
     */
    @EventType("risk.webhook.Registered")
    record WebhookRegistered(
            UUID webhookId, String url, String secret, String registeredBy, Instant registeredAt)
            implements WebhookEvent {}

    @EventType("risk.webhook.Removed")
    record WebhookRemoved(UUID webhookId, String removedBy, Instant removedAt)
            implements WebhookEvent {}

    /**
     * No page is sent to the webhook until it is enabled again; what comes due meanwhile is
     * skipped.
     */
    @EventType("risk.webhook.Disabled")
    record WebhookDisabled(UUID webhookId, String disabledBy, Instant disabledAt)
            implements WebhookEvent {}

    @EventType("risk.webhook.Enabled")
    record WebhookEnabled(UUID webhookId, String enabledBy, Instant enabledAt)
            implements WebhookEvent {}

    /**
     * A new signing secret (sealed, like the registered one); the one before signs too until {@code
     * previousSecretValidUntil}.
     */
    @EventType("risk.webhook.SecretRotated")
    record WebhookSecretRotated(
            UUID webhookId,
            String secret,
            String rotatedBy,
            Instant rotatedAt,
            Instant previousSecretValidUntil)
            implements WebhookEvent {}
}

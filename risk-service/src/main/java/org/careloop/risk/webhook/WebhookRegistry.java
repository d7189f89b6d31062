package org.careloop.risk.webhook;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.StoreProjection;
import org.careloop.platform.secret.SecretBox;

/** The webhooks in force, projected from the webhook streams. */
@ApplicationScoped
public class WebhookRegistry implements StoreProjection {

    private final SecretBox secrets;

    WebhookRegistry(SecretBox secrets) {
        this.secrets = secrets;
    }

    @Override
    public String name() {
        return "webhooks";
    }

    @Override
    public String table() {
        return "webhook_subscription";
    }

    @Override
    public String streamType() {
        return WebhookEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return WebhookSubscription.deleteAll().replaceWithVoid();
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        WebhookEvent event = stored.decode(WebhookEvent.class);
        if (event instanceof WebhookEvent.WebhookRegistered registered) {
            WebhookSubscription hook = new WebhookSubscription();
            hook.webhookId = registered.webhookId();
            hook.url = registered.url();
            // Sealed as recorded; an event from before sealing is sealed here, so no read model
            // ever holds a plain secret.
            hook.secret =
                    SecretBox.isSealed(registered.secret())
                            ? registered.secret()
                            : secrets.seal(registered.secret());
            hook.createdBy = registered.registeredBy();
            hook.createdAt = registered.registeredAt();
            hook.enabled = true;
            return hook.persist().replaceWithVoid();
        }
        if (event instanceof WebhookEvent.WebhookRemoved) {
            return WebhookSubscription.deleteById(event.webhookId()).replaceWithVoid();
        }
        return WebhookSubscription.<WebhookSubscription>findById(event.webhookId())
                .invoke(
                        hook -> {
                            switch (event) {
                                case WebhookEvent.WebhookDisabled disabled -> hook.enabled = false;
                                case WebhookEvent.WebhookEnabled enabled -> hook.enabled = true;
                                case WebhookEvent.WebhookSecretRotated rotated -> {
                                    hook.previousSecret = hook.secret;
                                    hook.previousSecretUntil = rotated.previousSecretValidUntil();
                                    hook.secret = rotated.secret();
                                    hook.secretRotatedAt = rotated.rotatedAt();
                                }
                                default ->
                                        throw new IllegalStateException(
                                                "not a change of a webhook in force: " + event);
                            }
                        })
                .replaceWithVoid();
    }
}

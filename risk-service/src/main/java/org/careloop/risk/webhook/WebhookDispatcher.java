package org.careloop.risk.webhook;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.careloop.platform.outbound.OutboundAddressPolicy;
import org.careloop.platform.outbound.SignedDispatcher;
import org.careloop.platform.secret.SecretBox;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends queued alert steps to the webhooks, signed (with the previous secret too while a rotation's
 * overlap runs), retrying failures with a doubling backoff; each attempt is recorded against its
 * alert, a step due to a disabled webhook as skipped.
 */
@Singleton
public class WebhookDispatcher extends SignedDispatcher {

    WebhookDispatcher(
            DataSource dataSource,
            Clock clock,
            OutboundAddressPolicy addresses,
            SecretBox secrets,
            @ConfigProperty(name = "careloop.webhooks.max-attempts") int maxAttempts,
            @ConfigProperty(name = "careloop.webhooks.poll") Duration poll) {
        super(
                "webhook-dispatcher",
                new Tables(
                                "webhook_delivery",
                                "webhook_subscription",
                                "webhook_id",
                                "webhook_attempt",
                                "alert_id")
                        .switchedBy("enabled")
                        .withPreviousSecret("previous_secret", "previous_secret_until"),
                dataSource,
                clock,
                addresses,
                secrets,
                maxAttempts,
                poll);
    }

    void start(@Observes StartupEvent startup) {
        startWorker();
    }

    @PreDestroy
    @Override
    protected void stop() {
        super.stop();
    }
}

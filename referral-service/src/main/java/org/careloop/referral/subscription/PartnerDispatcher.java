package org.careloop.referral.subscription;

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
 * Sends queued announcements to the partners' subscriptions, signed, retrying failures with a
 * doubling backoff.
 */
@Singleton
public class PartnerDispatcher extends SignedDispatcher {

    PartnerDispatcher(
            DataSource dataSource,
            Clock clock,
            OutboundAddressPolicy addresses,
            SecretBox secrets,
            @ConfigProperty(name = "careloop.webhooks.max-attempts") int maxAttempts,
            @ConfigProperty(name = "careloop.webhooks.poll") Duration poll) {
        super(
                "partner-dispatcher",
                new Tables(
                        "partner_delivery",
                        "partner_subscription",
                        "partner_id",
                        "partner_delivery_attempt",
                        null),
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

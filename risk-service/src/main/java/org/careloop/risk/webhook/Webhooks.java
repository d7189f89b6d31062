package org.careloop.risk.webhook;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.contracts.codec.EventJson;
import org.careloop.platform.outbound.SignedDispatcher;

/**
 * Queues each alert step for every webhook, in the transaction that records the step; for a
 * disabled webhook the step is recorded as skipped.
 */
@ApplicationScoped
public class Webhooks {

    public Uni<Void> queue(Page page, Instant now) {
        if (!List.of("RAISED", "ESCALATED", "EXHAUSTED").contains(page.kind())) {
            return Uni.createFrom().voidItem();
        }
        String body = body(page);
        return WebhookSubscription.<WebhookSubscription>listAll()
                .flatMap(
                        hooks -> {
                            Uni<Void> chain = Uni.createFrom().voidItem();
                            for (WebhookSubscription hook : hooks) {
                                WebhookDelivery delivery = new WebhookDelivery();
                                delivery.deliveryId = UUID.randomUUID();
                                delivery.webhookId = hook.webhookId;
                                delivery.alertId = page.alertId();
                                delivery.body = body;
                                if (hook.enabled) {
                                    delivery.nextAttemptAt = now;
                                    chain = chain.call(() -> delivery.persist());
                                } else {
                                    // Never due: a page queued while the webhook is disabled is
                                    // not sent later, and the alert's timeline says why.
                                    delivery.attempts = 1;
                                    chain =
                                            chain.call(() -> delivery.persist())
                                                    .call(() -> skipped(delivery, now));
                                }
                            }
                            return chain;
                        });
    }

    private static Uni<Integer> skipped(WebhookDelivery delivery, Instant now) {
        return Panache.getSession()
                .flatMap(
                        session ->
                                session.createNativeQuery(
                                                "insert into webhook_attempt (delivery_id, alert_id,"
                                                        + " attempt, attempted_at, status, error)"
                                                        + " values (?1, ?2, 1, ?3, 0, ?4)")
                                        .setParameter(1, delivery.deliveryId)
                                        .setParameter(2, delivery.alertId)
                                        .setParameter(3, now)
                                        .setParameter(4, SignedDispatcher.SKIPPED)
                                        .executeUpdate());
    }

    /** What a pager receives: the page and a link back. */
    static String body(Page page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alertId", page.alertId());
        body.put("kind", page.kind());
        body.put("priority", page.priority());
        body.put("step", page.step());
        body.put("tier", page.tier());
        body.put("at", page.at());
        body.put("link", "/api/risk/alerts/" + page.alertId());
        return EventJson.encode(body);
    }
}

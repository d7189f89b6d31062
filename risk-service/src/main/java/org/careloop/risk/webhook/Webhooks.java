package org.careloop.risk.webhook;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.contracts.codec.EventJson;

/** Queues each alert step for every webhook, in the transaction that records the step. */
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
                                delivery.nextAttemptAt = now;
                                chain = chain.call(() -> delivery.persist());
                            }
                            return chain;
                        });
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

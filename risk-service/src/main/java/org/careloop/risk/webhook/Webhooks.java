package org.careloop.risk.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import org.careloop.contracts.codec.EventJson;
import org.careloop.risk.alert.AlertNotice;

/** Queues each alert step for every webhook, in the transaction that records the step. */
@ApplicationScoped
public class Webhooks {

    public Uni<Void> queue(AlertNotice notice, Instant now) {
        if (!List.of("RAISED", "ESCALATED", "EXHAUSTED").contains(notice.kind())) {
            return Uni.createFrom().voidItem();
        }
        String body = body(notice);
        return WebhookSubscription.<WebhookSubscription>listAll().flatMap(hooks -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (WebhookSubscription hook : hooks) {
                WebhookDelivery delivery = new WebhookDelivery();
                delivery.deliveryId = UUID.randomUUID();
                delivery.webhookId = hook.webhookId;
                delivery.alertId = notice.alertId();
                delivery.body = body;
                delivery.nextAttemptAt = now;
                chain = chain.call(() -> delivery.persist());
            }
            return chain;
        });
    }

    /** What a pager receives: enough to page and link back, nothing that identifies the client. */
    static String body(AlertNotice notice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alertId", notice.alertId());
        body.put("kind", notice.kind());
        body.put("priority", notice.priority());
        body.put("step", notice.step());
        body.put("tier", notice.tier());
        body.put("at", notice.at());
        body.put("link", "/api/risk/alerts/" + notice.alertId());
        return EventJson.encode(body);
    }
}

package org.careloop.risk.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.careloop.contracts.EventType;
import org.careloop.contracts.codec.EventJson;
import org.careloop.platform.secret.SecretBox;
import org.jboss.logging.Logger;

/**
 * Keeps every stored webhook secret sealed under the current key. At each start, before any
 * delivery, it seals what was stored plain (before secrets were sealed) and seals again what an
 * older key sealed (after a rotation of the key), in the webhook events (registered and rotated
 * secrets) and in the registry (the secret and the previous one of a secret rotation), in one
 * transaction. A value it cannot open is left as it is and named in the log.
 */
@Singleton
public class WebhookSecrets {

    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);
    private static final String REGISTERED =
            WebhookEvent.WebhookRegistered.class.getAnnotation(EventType.class).value();
    private static final String ROTATED =
            WebhookEvent.WebhookSecretRotated.class.getAnnotation(EventType.class).value();

    private final DataSource dataSource;
    private final SecretBox secrets;

    WebhookSecrets(DataSource dataSource, SecretBox secrets) {
        this.dataSource = dataSource;
        this.secrets = secrets;
    }

    void sealAtStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start)
            throws SQLException {
        Resealed resealed = resealAll();
        if (resealed.events() + resealed.subscriptions() > 0) {
            LOG.infof(
                    "Sealed %d webhook event(s) and %d webhook(s) under secret key '%s'",
                    resealed.events(), resealed.subscriptions(), secrets.currentKeyId());
        }
    }

    /** Seals every stored secret not yet under the current key; returns how many rows changed. */
    public Resealed resealAll() throws SQLException {
        String notCurrent = secrets.currentKeyId() + ":%";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            int events = 0;
            try (PreparedStatement select =
                            connection.prepareStatement(
                                    """
                    select position, payload from event_store
                    where stream_type = ? and event_type in (?, ?) and (payload::jsonb ->> 'secret') not like ?
                    order by position for update""");
                    PreparedStatement update =
                            connection.prepareStatement(
                                    "update event_store set payload = ? where position = ?")) {
                select.setString(1, WebhookEvent.STREAM);
                select.setString(2, REGISTERED);
                select.setString(3, ROTATED);
                select.setString(4, notCurrent);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String payload = resealedPayload(rows.getString(2));
                        if (payload != null) {
                            update.setString(1, payload);
                            update.setLong(2, rows.getLong(1));
                            events += update.executeUpdate();
                        }
                    }
                }
            }
            int subscriptions = 0;
            try (PreparedStatement select =
                            connection.prepareStatement(
                                    "select webhook_id, secret from webhook_subscription where secret not like ? for update");
                    PreparedStatement update =
                            connection.prepareStatement(
                                    "update webhook_subscription set secret = ? where webhook_id = ?")) {
                select.setString(1, notCurrent);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String sealed = resealed(rows.getString(2), rows.getString(1));
                        if (sealed != null) {
                            update.setString(1, sealed);
                            update.setObject(2, rows.getObject(1));
                            subscriptions += update.executeUpdate();
                        }
                    }
                }
            }
            try (PreparedStatement select =
                            connection.prepareStatement(
                                    "select webhook_id, previous_secret from webhook_subscription"
                                            + " where previous_secret not like ? for update");
                    PreparedStatement update =
                            connection.prepareStatement(
                                    "update webhook_subscription set previous_secret = ? where webhook_id = ?")) {
                select.setString(1, notCurrent);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String sealed = resealed(rows.getString(2), rows.getString(1));
                        if (sealed != null) {
                            update.setString(1, sealed);
                            update.setObject(2, rows.getObject(1));
                            subscriptions += update.executeUpdate();
                        }
                    }
                }
            }
            connection.commit();
            return new Resealed(events, subscriptions);
        }
    }

    private String resealedPayload(String payload) {
        try {
            ObjectNode event = (ObjectNode) EventJson.mapper().readTree(payload);
            String sealed =
                    resealed(event.path("secret").asText(), event.path("webhookId").asText());
            if (sealed == null) {
                return null;
            }
            event.put("secret", sealed);
            return EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored webhook event is not JSON", e);
        }
    }

    private String resealed(String stored, String webhookId) {
        try {
            return secrets.reseal(stored);
        } catch (SecretBox.UnreadableSecret e) {
            LOG.errorf(
                    "The secret of webhook %s cannot be opened (%s): its deliveries fail until the"
                            + " key it was sealed under is configured again",
                    webhookId, e.getMessage());
            return null;
        }
    }

    /** How many webhook events and registry rows were sealed again. */
    public record Resealed(int events, int subscriptions) {}
}

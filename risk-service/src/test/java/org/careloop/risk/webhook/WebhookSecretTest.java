package org.careloop.risk.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.careloop.platform.outbound.Signature;
import org.careloop.platform.secret.SecretBox;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.Tokens;
import org.careloop.platform.testing.WebhookReceiver;
import org.careloop.risk.alert.Screening;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Webhook secrets at rest: sealed in the event store and the registry, opened only to sign. */
@QuarkusTest
class WebhookSecretTest {

    @Inject DataSource db;

    @Inject SecretBox secrets;

    @Inject WebhookSecrets stored;

    /** A retired test key the service still holds (as after a rotation), never the current one. */
    @ConfigProperty(name = "careloop.secrets.keys.old1")
    String oldKey;

    @Test
    void aRegisteredSecretIsStoredSealedAndStillSignsEachDelivery() throws Exception {
        String secret = "pager-" + UUID.randomUUID();
        try (WebhookReceiver pager = new WebhookReceiver(0)) {
            String webhookId = register(pager.url(), secret);
            try {
                String row = secretOf(webhookId);
                assertFalse(row.contains(secret), "the registry holds the plain secret");
                assertTrue(row.startsWith("test1:"), row);
                assertEquals(secret, secrets.open(row));
                assertFalse(
                        Rows.dump(db, "event_store", "stream_id = '" + webhookId + "'", "position")
                                .contains(secret),
                        "the event store holds the plain secret");

                Screening.raisesAnAlert(UUID.randomUUID(), "Sela", "Sealed", "+1 555 0177");

                await().atMost(Duration.ofSeconds(15)).until(() -> pager.received(), not(empty()));
                WebhookReceiver.Received delivery = pager.received().get(0);
                assertEquals(Signature.of(delivery.body(), secret), delivery.signature());
            } finally {
                remove(webhookId);
            }
        }
    }

    @Test
    void aPlainSecretAndOneSealedUnderARetiredKeyAreSealedUnderTheCurrentKeyAtStart()
            throws Exception {
        String secret = "pager-" + UUID.randomUUID();
        String webhookId = register("http://127.0.0.1:9/pager", secret);
        try {
            // As stored before secrets were sealed (the event) and under the key before a rotation
            // (the registry).
            execute(
                    "update event_store set payload = jsonb_set(payload::jsonb, '{secret}', to_jsonb(?::text))::text"
                            + " where stream_id = ?",
                    secret,
                    webhookId);
            SecretBox retired =
                    new SecretBox("old1", Map.of("old1", Base64.getDecoder().decode(oldKey)));
            execute(
                    "update webhook_subscription set secret = ? where webhook_id = ?::uuid",
                    retired.seal(secret),
                    webhookId);

            WebhookSecrets.Resealed resealed = stored.resealAll();

            assertTrue(
                    resealed.events() >= 1 && resealed.subscriptions() >= 1, resealed.toString());
            String row = secretOf(webhookId);
            assertTrue(row.startsWith("test1:"), row);
            assertEquals(secret, secrets.open(row));
            String event =
                    Rows.dump(db, "event_store", "stream_id = '" + webhookId + "'", "position");
            assertFalse(event.contains(secret), event);
            assertTrue(event.contains("\"secret\":\"test1:"), event);
            assertEquals(new WebhookSecrets.Resealed(0, 0), stored.resealAll(), "all sealed now");
        } finally {
            remove(webhookId);
        }
    }

    @Test
    void aPlainSecretCannotBeWrittenToTheRegistry() {
        String webhookId = register("http://127.0.0.1:9/pager", "pager-" + UUID.randomUUID());
        try {
            SQLException refused =
                    assertThrows(
                            SQLException.class,
                            () ->
                                    execute(
                                            "update webhook_subscription set secret = 'plain-secret-of-16' where webhook_id = ?::uuid",
                                            webhookId));
            assertTrue(refused.getMessage().contains("webhook_subscription_secret_sealed"));
        } finally {
            remove(webhookId);
        }
    }

    private static String register(String url, String secret) {
        return given().auth()
                .oauth2(Tokens.of("admin1"))
                .contentType(ContentType.JSON)
                .body("{\"url\":\"" + url + "\",\"secret\":\"" + secret + "\"}")
                .when()
                .post("/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("webhookId");
    }

    private static void remove(String webhookId) {
        given().auth()
                .oauth2(Tokens.of("admin1"))
                .when()
                .delete("/webhooks/" + webhookId)
                .then()
                .statusCode(204);
    }

    /** The webhook's secret as its registry row holds it. */
    private String secretOf(String webhookId) throws SQLException {
        String row =
                Rows.dump(
                        db,
                        "(select secret, webhook_id from webhook_subscription) hook",
                        "webhook_id = '" + webhookId + "'",
                        "secret");
        return row.substring(0, row.indexOf('|'));
    }

    private void execute(String statement, Object... parameters) throws SQLException {
        try (Connection sql = db.getConnection();
                PreparedStatement prepared = sql.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            prepared.executeUpdate();
        }
    }
}

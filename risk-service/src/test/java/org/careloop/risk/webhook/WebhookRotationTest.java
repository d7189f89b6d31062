package org.careloop.risk.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.careloop.platform.outbound.Signature;
import org.careloop.platform.outbound.SignedDispatcher;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.Tokens;
import org.careloop.platform.testing.WebhookReceiver;
import org.careloop.risk.alert.Screening;
import org.junit.jupiter.api.Test;

/**
 * An administrator disables and enables a webhook and rotates its secret; the pager verifies each
 * delivery with the old or the new secret during the overlap, and with the new one only after.
 */
@QuarkusTest
class WebhookRotationTest {

    @Inject DataSource db;

    @Test
    void duringTheOverlapADeliveryVerifiesWithTheOldSecretOrTheNewAndAfterItOnlyWithTheNew()
            throws Exception {
        String first = "first-secret-" + UUID.randomUUID();
        try (WebhookReceiver pager = new WebhookReceiver(0)) {
            String webhookId = register(pager.url(), first);
            try {
                ValidatableResponse rotated =
                        post("/webhooks/" + webhookId + "/secret-rotations", "{}", "admin1")
                                .statusCode(201)
                                .body("webhookId", equalTo(webhookId))
                                .body("enabled", equalTo(true))
                                .body("secretOverlap", equalTo(true));
                String second = rotated.extract().path("secret");
                Instant until = Instant.parse(rotated.extract().path("previousSecretValidUntil"));
                Instant rotatedAt = Instant.parse(rotated.extract().path("secretRotatedAt"));
                assertEquals(Duration.ofHours(24), Duration.between(rotatedAt, until));
                assertTrue(second.length() >= 40, second);
                String listed = listing();
                assertFalse(listed.contains(second) || listed.contains(first), listed);
                assertEquals(Boolean.TRUE, hook(webhookId).get("secretOverlap"));

                WebhookReceiver.Received during =
                        pageFor(
                                pager,
                                Screening.raisesAnAlert(
                                        UUID.randomUUID(), "Ola", "Overlap", "+1 555 0181"));
                assertTrue(Signature.verifies(during.signature(), during.body(), first));
                assertTrue(Signature.verifies(during.signature(), during.body(), second));
                assertEquals(
                        Signature.of(during.body(), second)
                                + ", "
                                + Signature.of(during.body(), first),
                        during.signature());

                String third =
                        post(
                                        "/webhooks/" + webhookId + "/secret-rotations",
                                        "{\"overlap\":\"PT1S\"}",
                                        "admin1")
                                .statusCode(201)
                                .extract()
                                .path("secret");
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> Boolean.FALSE.equals(hook(webhookId).get("secretOverlap")));
                assertEquals(null, hook(webhookId).get("previousSecretValidUntil"));

                WebhookReceiver.Received after =
                        pageFor(
                                pager,
                                Screening.raisesAnAlert(
                                        UUID.randomUUID(), "Ada", "After", "+1 555 0182"));
                assertEquals(Signature.of(after.body(), third), after.signature());
                assertFalse(Signature.verifies(after.signature(), after.body(), second));
                assertFalse(Signature.verifies(after.signature(), after.body(), first));

                String history = history(webhookId);
                assertTrue(history.contains("risk.webhook.SecretRotated|admin1"), history);
                for (String secret : new String[] {first, second, third}) {
                    assertFalse(history.contains(secret), "a plain secret in the event store");
                }
            } finally {
                remove(webhookId);
            }
        }
    }

    @Test
    void anOverlapBeyondAWeekOrAnUnknownWebhookOrANonAdministratorIsRefused() {
        String webhookId = register("http://127.0.0.1:9/pager", "rotation-" + UUID.randomUUID());
        try {
            post("/webhooks/" + webhookId + "/secret-rotations", "{\"overlap\":\"P8D\"}", "admin1")
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("overlap"));
            post("/webhooks/" + webhookId + "/secret-rotations", "{}", "supervisor1")
                    .statusCode(403);
            post("/webhooks/" + webhookId + "/disable", null, "supervisor1").statusCode(403);
            post("/webhooks/" + UUID.randomUUID() + "/secret-rotations", "{}", "admin1")
                    .statusCode(404);
            post("/webhooks/" + UUID.randomUUID() + "/disable", null, "admin1").statusCode(404);
            post("/webhooks/" + UUID.randomUUID() + "/enable", null, "admin1").statusCode(404);
        } finally {
            remove(webhookId);
        }
    }

    @Test
    void aDisabledWebhookIsSentNoPageTheStepIsSkippedAndAfterEnablingItIsPagedAgain()
            throws Exception {
        try (WebhookReceiver pager = new WebhookReceiver(0)) {
            String webhookId = register(pager.url(), "switch-" + UUID.randomUUID());
            try {
                post("/webhooks/" + webhookId + "/disable", null, "admin1")
                        .statusCode(200)
                        .body("enabled", equalTo(false));
                // A repeat changes nothing.
                post("/webhooks/" + webhookId + "/disable", null, "admin1")
                        .statusCode(200)
                        .body("enabled", equalTo(false));
                assertEquals(Boolean.FALSE, hook(webhookId).get("enabled"));

                UUID whileDisabled =
                        Screening.raisesAnAlert(
                                UUID.randomUUID(), "Dee", "Disabled", "+1 555 0183");
                await().atMost(Duration.ofSeconds(15))
                        .until(() -> skipped(webhookId, whileDisabled) == 1);

                post("/webhooks/" + webhookId + "/enable", null, "admin1")
                        .statusCode(200)
                        .body("enabled", equalTo(true));
                UUID enabledAgain =
                        Screening.raisesAnAlert(UUID.randomUUID(), "Eve", "Enabled", "+1 555 0184");
                pageFor(pager, enabledAgain);

                // The dispatcher has sent a later page by now: the skipped one was never sent.
                assertTrue(
                        pager.received().stream()
                                .noneMatch(r -> r.body().contains(whileDisabled.toString())),
                        "a page queued while the webhook was disabled was sent");
                String history = history(webhookId);
                assertTrue(history.contains("risk.webhook.Disabled|admin1"), history);
                assertTrue(history.contains("risk.webhook.Enabled|admin1"), history);
                assertEquals(
                        1, history.split("risk.webhook.Disabled").length - 1, "one Disabled event");
            } finally {
                remove(webhookId);
            }
        }
    }

    @Test
    void aStepAlreadyQueuedWhenTheWebhookIsDisabledIsSkippedNotRetried() throws Exception {
        // The pager fails, so the step waits for its retry when the webhook is disabled.
        try (WebhookReceiver pager = new WebhookReceiver(1_000)) {
            String webhookId = register(pager.url(), "retrying-" + UUID.randomUUID());
            try {
                UUID alertId =
                        Screening.raisesAnAlert(UUID.randomUUID(), "Rae", "Retry", "+1 555 0185");
                await().atMost(Duration.ofSeconds(15)).until(() -> !pager.received().isEmpty());

                post("/webhooks/" + webhookId + "/disable", null, "admin1").statusCode(200);

                await().atMost(Duration.ofSeconds(20))
                        .until(() -> skipped(webhookId, alertId) == 1);
                long pending =
                        Rows.count(
                                db,
                                "select count(*) from webhook_delivery where webhook_id = '"
                                        + webhookId
                                        + "' and next_attempt_at is not null");
                assertEquals(0, pending, "a skipped step is not tried again");
            } finally {
                remove(webhookId);
            }
        }
    }

    /** The page of the given alert, once the pager has it. */
    private static WebhookReceiver.Received pageFor(WebhookReceiver pager, UUID alertId) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                pager.received().stream()
                                        .filter(r -> r.body().contains(alertId.toString()))
                                        .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private long skipped(String webhookId, UUID alertId) throws SQLException {
        return Rows.count(
                db,
                "select count(*) from webhook_attempt a join webhook_delivery d using (delivery_id)"
                        + " where d.webhook_id = '"
                        + webhookId
                        + "' and d.alert_id = '"
                        + alertId
                        + "' and a.error = '"
                        + SignedDispatcher.SKIPPED
                        + "'");
    }

    private static Map<String, Object> hook(String webhookId) {
        return given().auth()
                .oauth2(Tokens.of("admin1"))
                .when()
                .get("/webhooks")
                .then()
                .statusCode(200)
                .body("find { it.webhookId == '" + webhookId + "' }", notNullValue())
                .extract()
                .path("find { it.webhookId == '" + webhookId + "' }");
    }

    private static String listing() {
        return given().auth()
                .oauth2(Tokens.of("admin1"))
                .when()
                .get("/webhooks")
                .then()
                .statusCode(200)
                .body("secret", everyItem(nullValue()))
                .extract()
                .asString();
    }

    private String history(String webhookId) throws SQLException {
        return Rows.dump(
                db,
                "(select stream_id, version, event_type, actor, payload from event_store) e",
                "stream_id = '" + webhookId + "'",
                "version");
    }

    private static ValidatableResponse post(String path, String body, String user) {
        var request = given().auth().oauth2(Tokens.of(user));
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().post(path).then();
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
                .body("enabled", equalTo(true))
                .body("secretOverlap", equalTo(false))
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
}

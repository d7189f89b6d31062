package org.careloop.risk.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.command.History;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.Tokens;
import org.careloop.risk.alert.Screening;
import org.junit.jupiter.api.Test;

/**
 * Webhook addresses through the running service. Only loopback addresses appear here: the refused
 * ones are the test stack's own ports; every other class of address is covered by the platform's
 * {@code OutboundAddressPolicyTest} alone.
 */
@QuarkusTest
class WebhookAddressTest {

    static final String SECRET = "a-secret-of-at-least-16";

    @Inject Commands commands;

    @Inject DataSource db;

    @Test
    void aWebhookToTheStacksOwnBrokerOrKeycloakIsRefusedNamingTheUrlAndNothingIsStored()
            throws SQLException {
        long before = Rows.count(db, "select count(*) from webhook_subscription");
        for (String url :
                new String[] {
                    "http://127.0.0.1:19092/",
                    "http://localhost:18180/admin/master/console/",
                    "http://[::1]:5432/"
                }) {
            given().auth()
                    .oauth2(Tokens.of("admin1"))
                    .contentType(ContentType.JSON)
                    .body("{\"url\":\"" + url + "\",\"secret\":\"" + SECRET + "\"}")
                    .when()
                    .post("/webhooks")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("url"))
                    .body("errors[0].message", containsString("own endpoint"));
        }
        assertEquals(before, Rows.count(db, "select count(*) from webhook_subscription"));
        given().auth()
                .oauth2(Tokens.of("admin1"))
                .when()
                .get("/webhooks")
                .then()
                .statusCode(200)
                .body("url", not(hasItem("http://127.0.0.1:19092/")));
    }

    @Test
    void aWebhookThatIsNotAPlainHttpUrlIsRefusedNamingTheUrl() throws SQLException {
        long before = Rows.count(db, "select count(*) from webhook_subscription");
        String[][] refused = {
            {"ftp://127.0.0.1:2121/", "http or https"},
            {"http://pager:secret@127.0.0.1:8099/", "user name or password"},
            {"http://2130706433:8099/", "non-standard"},
            {"http:///pager", "host"}
        };
        for (String[] url : refused) {
            given().auth()
                    .oauth2(Tokens.of("admin1"))
                    .contentType(ContentType.JSON)
                    .body("{\"url\":\"" + url[0] + "\",\"secret\":\"" + SECRET + "\"}")
                    .when()
                    .post("/webhooks")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("url"))
                    .body("errors[0].message", containsString(url[1]));
        }
        assertEquals(before, Rows.count(db, "select count(*) from webhook_subscription"));
    }

    @Test
    void aDeliveryToAnAddressRefusedSinceRegistrationIsNotSentAndShowsInTheAlertsTimeline()
            throws Throwable {
        // A webhook registered before the rule existed, now pointing at the test stack's broker.
        UUID webhookId = UUID.randomUUID();
        WebhookEvent registered =
                new WebhookEvent.WebhookRegistered(
                        webhookId, "http://127.0.0.1:19092/pager", SECRET, "admin1", Instant.now());
        VertxContextSupport.subscribeAndAwait(
                () ->
                        Panache.withTransaction(
                                () ->
                                        commands.record(
                                                History.of(
                                                        StreamId.of(
                                                                WebhookEvent.STREAM, webhookId)),
                                                new Decision<>(List.of(registered), List.of()),
                                                "admin1")));
        try {
            UUID alertId =
                    Screening.raisesAnAlert(UUID.randomUUID(), "Rhea", "Refused", "+1 555 0199");

            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(
                            () ->
                                    given().auth()
                                            .oauth2(Tokens.of("supervisor1"))
                                            .when()
                                            .get("/alerts/" + alertId)
                                            .then()
                                            .statusCode(200)
                                            .body(
                                                    "timeline.findAll { it.what == 'WEBHOOK_FAILED' }.detail",
                                                    hasItem(
                                                            containsString(
                                                                    "refused: points at 127.0.0.1 port 19092"))));
            // Refused once, not tried again.
            assertEquals(
                    1,
                    Rows.count(
                            db,
                            "select count(*) from webhook_delivery where webhook_id = '"
                                    + webhookId
                                    + "' and attempts = 1 and delivered_at is null and next_attempt_at is null"));
        } finally {
            given().auth()
                    .oauth2(Tokens.of("admin1"))
                    .when()
                    .delete("/webhooks/" + webhookId)
                    .then()
                    .statusCode(204);
            execute("delete from webhook_delivery where webhook_id = ?", webhookId);
        }
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

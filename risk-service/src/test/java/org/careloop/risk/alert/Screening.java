package org.careloop.risk.alert;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.careloop.contracts.intake.AssessmentCompleted;
import org.careloop.contracts.intake.ClientRegistered;
import org.careloop.platform.testing.CareTeamFixture;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Tokens;

/**
 * A client registered at intake and screened with a positive PHQ-9 item 9, as intake would announce
 * them.
 */
public final class Screening {

    private Screening() {}

    /**
     * Publishes the client and the screen; returns the id of the crisis alert risk-service raises.
     */
    public static UUID raisesAnAlert(
            UUID clientId, String firstName, String lastName, String phone) {
        KafkaProbe.publish(
                new ClientRegistered(
                        clientId,
                        firstName,
                        lastName,
                        null,
                        null,
                        LocalDate.of(1985, 6, 1),
                        phone,
                        null,
                        "en",
                        Instant.now(),
                        "intake1"),
                UUID.randomUUID());
        CareTeamFixture.onCareTeam(clientId, "supervisor1");
        List<Integer> items = List.of(1, 1, 1, 1, 1, 1, 1, 1, 2);
        KafkaProbe.publish(
                new AssessmentCompleted(
                        UUID.randomUUID(),
                        clientId,
                        "PHQ-9",
                        Instant.now(),
                        "intake1",
                        items,
                        null,
                        null,
                        10,
                        "MILD",
                        "MODERATE",
                        List.of("ITEM9_POSITIVE"),
                        List.of()),
                UUID.randomUUID());
        String alertId =
                await().atMost(Duration.ofSeconds(20))
                        .until(
                                () ->
                                        given().auth()
                                                .oauth2(Tokens.of("supervisor1"))
                                                .when()
                                                .get("/clients/" + clientId)
                                                .then()
                                                .extract()
                                                .path("recentAlerts[0].alertId"),
                                Objects::nonNull);
        return UUID.fromString(alertId);
    }
}

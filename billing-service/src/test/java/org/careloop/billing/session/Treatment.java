package org.careloop.billing.session;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.arc.Arc;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.careloop.contracts.intake.ClientRegistered;
import org.careloop.contracts.treatment.Diagnosis;
import org.careloop.contracts.treatment.SessionDocumented;
import org.careloop.contracts.treatment.StaffCredentialed;
import org.careloop.contracts.treatment.TreatmentPlanApproved;
import org.careloop.platform.testing.CareTeamFixture;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.Tokens;

/** What intake and treatment would announce: a client, a staff credential, a delivered session. */
public final class Treatment {

    private Treatment() {}

    /** A client registered at intake, known here; returns their id. */
    public static UUID registered() {
        UUID clientId = UUID.randomUUID();
        KafkaProbe.publish(
                new ClientRegistered(
                        clientId,
                        "Billed",
                        "Test",
                        null,
                        null,
                        LocalDate.of(1985, 6, 1),
                        "+1 555 0101",
                        null,
                        "en",
                        Instant.now(),
                        "intake1"),
                UUID.randomUUID());
        DataSource db = Arc.container().instance(DataSource.class).get();
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                Rows.count(
                                                db,
                                                "select count(*) from client_directory where client_id = '"
                                                        + clientId
                                                        + "'")
                                        == 1);
        // supervisor1 supervises the client's care: billing's read-only supervisor.
        CareTeamFixture.onCareTeam(clientId, "supervisor1");
        return clientId;
    }

    public static void credential(
            String username, String credential, boolean licensed, String supervisor, String npi) {
        StaffCredentialed event =
                new StaffCredentialed(
                        username,
                        username + ", " + credential,
                        credential,
                        licensed,
                        supervisor,
                        npi,
                        Instant.now(),
                        "admin1");
        KafkaProbe.publish(event, UUID.randomUUID(), event.key());
    }

    /** Publishes a session that started {@code ago}; returns its id. */
    public static UUID document(UUID clientId, String rendering, String supervising, Duration ago) {
        UUID sessionId = UUID.randomUUID();
        KafkaProbe.publish(
                documented(clientId, sessionId, rendering, supervising, ago), UUID.randomUUID());
        return sessionId;
    }

    public static SessionDocumented documented(
            UUID clientId, UUID sessionId, String rendering, String supervising, Duration ago) {
        Instant start = Instant.now().minus(ago).truncatedTo(ChronoUnit.SECONDS);
        return new SessionDocumented(
                clientId,
                sessionId,
                "INDIVIDUAL",
                start,
                start.plus(Duration.ofMinutes(55)),
                55,
                "VIDEO",
                "HOME",
                true,
                rendering,
                supervising,
                List.of(
                        new Diagnosis(
                                "F32.1", "Major depressive disorder, single episode, moderate"),
                        new Diagnosis("F41.1", "Generalized anxiety disorder")),
                UUID.randomUUID(),
                null,
                start.plus(Duration.ofHours(2)));
    }

    /** An approved treatment plan for the client, reviewed in 90 days; returns its id. */
    public static UUID planApproved(UUID clientId) {
        UUID planId = UUID.randomUUID();
        KafkaProbe.publish(
                new TreatmentPlanApproved(
                        clientId,
                        planId,
                        1,
                        "associate1",
                        "supervisor1",
                        List.of(
                                new Diagnosis(
                                        "F33.1", "Major depressive disorder, recurrent, moderate")),
                        "OUTPATIENT",
                        Instant.now(),
                        LocalDate.now().plusDays(90)),
                UUID.randomUUID());
        return planId;
    }

    /** A session of the given kind and length under a plan, started {@code ago}; the event. */
    public static SessionDocumented session(
            UUID clientId,
            UUID planId,
            String type,
            int minutes,
            String modality,
            String rendering,
            String supervising,
            Duration ago) {
        Instant start = Instant.now().minus(ago).truncatedTo(ChronoUnit.SECONDS);
        return new SessionDocumented(
                clientId,
                UUID.randomUUID(),
                type,
                start,
                start.plus(Duration.ofMinutes(minutes)),
                minutes,
                modality,
                "CLINIC",
                false,
                rendering,
                supervising,
                List.of(new Diagnosis("F33.1", "Major depressive disorder, recurrent, moderate")),
                planId,
                null,
                start.plus(Duration.ofHours(1)));
    }

    public static void awaitSession(UUID sessionId) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().auth()
                                        .oauth2(Tokens.of("billing1"))
                                        .when()
                                        .get("/sessions/" + sessionId)
                                        .then()
                                        .statusCode(200));
    }
}

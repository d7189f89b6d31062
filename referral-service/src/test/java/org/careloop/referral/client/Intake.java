package org.careloop.referral.client;

import static org.awaitility.Awaitility.await;

import io.quarkus.arc.Arc;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.careloop.contracts.intake.ClientRegistered;
import org.careloop.contracts.intake.ConsentRecorded;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Rows;

/** Intake's part in referral's service tests: a client registered, a consent recorded. */
public final class Intake {

    private Intake() {}

    /** A client as intake announces one, once referral's client directory holds them. */
    public static UUID registered() {
        UUID clientId = UUID.randomUUID();
        KafkaProbe.publish(
                new ClientRegistered(
                        clientId,
                        "Referred",
                        "Test",
                        null,
                        null,
                        LocalDate.of(1985, 6, 1),
                        null,
                        null,
                        "en",
                        Instant.now(),
                        "intake1"),
                UUID.randomUUID());
        awaitRow("select count(*) from client_directory where client_id = '" + clientId + "'");
        return clientId;
    }

    /** The client's DISCLOSURE consent to the partner for TREATMENT, once referral knows it. */
    public static UUID consented(UUID clientId, String partnerId, boolean coversPart2) {
        UUID consentId = UUID.randomUUID();
        KafkaProbe.publish(
                new ConsentRecorded(
                        clientId,
                        consentId,
                        "DISCLOSURE",
                        "partner:" + partnerId,
                        List.of("TREATMENT"),
                        coversPart2,
                        LocalDate.now().minusDays(1),
                        null,
                        Instant.now(),
                        "intake1"),
                UUID.randomUUID());
        awaitRow("select count(*) from consent_registry where consent_id = '" + consentId + "'");
        return consentId;
    }

    private static void awaitRow(String sql) {
        DataSource db = Arc.container().instance(DataSource.class).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> Rows.count(db, sql) == 1);
    }
}

package org.careloop.treatment.referral;

import static org.awaitility.Awaitility.await;
import static org.careloop.treatment.Clinic.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.careloop.contracts.referral.ReferralAccepted;
import org.careloop.contracts.referral.ReferralClosed;
import org.careloop.contracts.referral.ReferralCompleted;
import org.careloop.contracts.referral.ReferralOverdue;
import org.careloop.contracts.referral.ReferralRequested;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Rows;
import org.careloop.treatment.Clinic;
import org.junit.jupiter.api.Test;

/** The caseload counts each client's referrals to follow, from referral-service's events. */
@QuarkusTest
class CaseloadReferralsTest {

    static final String PARTNER = "riverside-psychiatry";

    @Inject DataSource db;

    @Test
    void theCountsFollowAReferralFromRequestToCloseAndARedeliveryChangesNothing() throws Exception {
        Clinic.staff();
        UUID client = Clinic.client(db, "Referred");
        Clinic.assign(client, "associate1", "PRIMARY");
        UUID referral = UUID.randomUUID();
        Instant sent = Instant.parse("2026-12-01T09:00:00Z");
        UUID requestId = UUID.randomUUID();
        ReferralRequested requested = requested(client, referral, sent);

        KafkaProbe.publish(requested, requestId);
        awaitCounts(client, 1, 0, 0);

        KafkaProbe.publish(
                new ReferralOverdue(
                        client,
                        referral,
                        PARTNER,
                        "URGENT",
                        "ACCEPTANCE",
                        sent.plus(Duration.ofDays(1)),
                        sent.plus(Duration.ofDays(1))),
                UUID.randomUUID());
        awaitCounts(client, 1, 1, 0);

        KafkaProbe.publish(
                new ReferralAccepted(
                        client, referral, PARTNER, sent.plus(Duration.ofDays(2)), "clinician1"),
                UUID.randomUUID());
        KafkaProbe.publish(
                new ReferralCompleted(
                        client,
                        referral,
                        PARTNER,
                        "Medication started",
                        "Review in four weeks",
                        sent.plus(Duration.ofDays(20)),
                        "clinician1"),
                UUID.randomUUID());
        awaitCounts(client, 0, 0, 1);

        KafkaProbe.publish(
                new ReferralClosed(
                        client, referral, PARTNER, sent.plus(Duration.ofDays(21)), "associate1"),
                UUID.randomUUID());
        awaitCounts(client, 0, 0, 0);

        // The request redelivered (same event id) and resent (a new one), then a second referral
        // on the same key: once that one counts, both copies before it were handled.
        KafkaProbe.publish(requested, requestId);
        UUID resent = KafkaProbe.publish(requested, UUID.randomUUID());
        UUID second = UUID.randomUUID();
        KafkaProbe.publish(
                requested(client, second, sent.plus(Duration.ofDays(22))), UUID.randomUUID());
        awaitCounts(client, 1, 0, 0);

        assertEquals(
                1,
                Rows.count(db, "select count(*) from inbox where event_id = '" + requestId + "'"));
        assertEquals(
                1,
                Rows.count(db, "select count(*) from inbox where event_id = '" + resent + "'"),
                "the resent request is applied as a no-op, not dead-lettered");
        assertEquals(
                1,
                Rows.count(
                        db,
                        "select count(*) from client_referral where referral_id = '"
                                + referral
                                + "' and stage = 'CLOSED' and not overdue"),
                "the closed referral stays closed");
    }

    @Test
    void theReferralsRebuiltFromTheInboxAreTheSameRows() throws Exception {
        Clinic.staff();
        UUID client = Clinic.client(db, "RebuiltReferral");
        Clinic.assign(client, "associate1", "PRIMARY");
        UUID open = UUID.randomUUID();
        UUID completed = UUID.randomUUID();
        Instant sent = Instant.parse("2026-12-02T09:00:00Z");
        KafkaProbe.publish(requested(client, open, sent), UUID.randomUUID());
        KafkaProbe.publish(
                new ReferralOverdue(
                        client, open, PARTNER, "URGENT", "FIRST_APPOINTMENT", sent, sent),
                UUID.randomUUID());
        KafkaProbe.publish(requested(client, completed, sent), UUID.randomUUID());
        KafkaProbe.publish(
                new ReferralCompleted(
                        client, completed, PARTNER, "Seen twice", null, sent, "clinician1"),
                UUID.randomUUID());
        awaitCounts(client, 1, 1, 1);
        String clients = "client_id = '" + client + "'";
        String before = Rows.dump(db, "client_referral", clients, "referral_id");

        as("admin1")
                .when()
                .post("/admin/projections/referrals/rebuild")
                .then()
                .statusCode(200)
                .body("projection", equalTo("referrals"));

        assertEquals(before, Rows.dump(db, "client_referral", clients, "referral_id"));
        awaitCounts(client, 1, 1, 1);
    }

    static ReferralRequested requested(UUID client, UUID referral, Instant at) {
        return new ReferralRequested(
                client,
                referral,
                PARTNER,
                "PSYCHIATRY",
                "URGENT",
                "Medication review",
                List.of("F33.1"),
                at.plus(Duration.ofDays(1)),
                at.plus(Duration.ofDays(7)),
                at,
                "associate1");
    }

    /** Waits until associate1's caseload shows the client with these referral counts. */
    static void awaitCounts(UUID client, int open, int overdue, int awaitingReview) {
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            JsonPath caseload =
                                    as("associate1")
                                            .when()
                                            .get("/caseload")
                                            .then()
                                            .statusCode(200)
                                            .extract()
                                            .jsonPath();
                            String entry = "find { it.clientId == '" + client + "' }.";
                            return List.of(open, overdue, awaitingReview)
                                    .equals(
                                            List.of(
                                                    caseload.getInt(entry + "openReferrals"),
                                                    caseload.getInt(entry + "overdueReferrals"),
                                                    caseload.getInt(
                                                            entry + "referralsAwaitingReview")));
                        });
    }
}

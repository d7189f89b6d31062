package org.careloop.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost, nothing twice on a referral's clocks: referral-service killed while a routine
 * referral's acceptance clock runs, and down when it falls due, raises the overdue once after the
 * restart; the next clock lapses once too.
 */
class ReferralFaultTest {

    @Test
    void referralKilledWithAnSlaClockPendingRaisesItsOverdueOnceAfterTheRestart() {
        ClosedLoopReferralTest.demoPartners();
        String clientId = ClosedLoopReferralTest.consentingClient("Clocked");
        String referralId = ClosedLoopReferralTest.draft(clientId, "ROUTINE");
        ClosedLoopReferralTest.send(referralId);
        Instant acceptanceDue =
                Instant.parse(
                        ClosedLoopReferralTest.referral(referralId)
                                .statusCode(200)
                                .extract()
                                .path("acceptanceDueAt"));

        Stack.care("kill", "referral-service");
        try {
            // The acceptance clock falls due while the service is down.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> Instant.now().isAfter(acceptanceDue.plusSeconds(1)));
            assertEquals(0, ClosedLoopReferralTest.overdue(referralId, "ACCEPTANCE"));
        } finally {
            Stack.care("start", "referral-service");
        }

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> ClosedLoopReferralTest.overdue(referralId, "ACCEPTANCE") == 1);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> ClosedLoopReferralTest.overdue(referralId, "FIRST_APPOINTMENT") == 1);
        assertEquals(1, ClosedLoopReferralTest.overdue(referralId, "ACCEPTANCE"));
        assertEquals(
                2,
                Stack.count(
                        "referral",
                        "select count(*) from event_store where stream_id = '"
                                + referralId
                                + "' and event_type = 'referral.referral.Overdue'"),
                "one lapse recorded for each clock");
    }
}

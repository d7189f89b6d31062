package org.careloop.treatment.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.IntegrationEvent;
import org.careloop.contracts.referral.ReferralAccepted;
import org.careloop.contracts.referral.ReferralAppointmentBooked;
import org.careloop.contracts.referral.ReferralCancelled;
import org.careloop.contracts.referral.ReferralClosed;
import org.careloop.contracts.referral.ReferralCompleted;
import org.careloop.contracts.referral.ReferralFailed;
import org.careloop.contracts.referral.ReferralOverdue;
import org.careloop.contracts.referral.ReferralRejected;
import org.careloop.contracts.referral.ReferralRequested;
import org.careloop.treatment.referral.ReferralFollowUp.Stage;
import org.junit.jupiter.api.Test;

/** A referral's follow-up, event by event, as given/when/then sentences. */
class ReferralFollowUpTest {

    static final UUID CLIENT = UUID.randomUUID();
    static final UUID REFERRAL = UUID.randomUUID();
    static final String PARTNER = "riverside-psychiatry";
    static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    static final ReferralRequested REQUESTED =
            new ReferralRequested(
                    CLIENT,
                    REFERRAL,
                    PARTNER,
                    "PSYCHIATRY",
                    "URGENT",
                    "Medication review",
                    List.of("F33.1"),
                    AT.plusSeconds(86_400),
                    AT.plusSeconds(7 * 86_400),
                    AT,
                    "clinician1");
    static final ReferralOverdue OVERDUE =
            new ReferralOverdue(CLIENT, REFERRAL, PARTNER, "URGENT", "ACCEPTANCE", AT, AT);
    static final ReferralCompleted COMPLETED =
            new ReferralCompleted(CLIENT, REFERRAL, PARTNER, "Seen", "Continue", AT, "clinician1");
    static final ReferralClosed CLOSED =
            new ReferralClosed(CLIENT, REFERRAL, PARTNER, AT, "clinician1");
    static final ReferralCancelled CANCELLED =
            new ReferralCancelled(CLIENT, REFERRAL, PARTNER, "No longer needed", AT, "clinician1");
    static final ReferralRejected REJECTED =
            new ReferralRejected(CLIENT, REFERRAL, PARTNER, "No capacity", AT, "clinician1");
    static final ReferralFailed FAILED =
            new ReferralFailed(CLIENT, REFERRAL, PARTNER, "Never came", AT, "clinician1");

    static ReferralFollowUp given(IntegrationEvent... events) {
        ReferralFollowUp followUp = null;
        for (IntegrationEvent event : events) {
            followUp = ReferralFollowUp.evolve(followUp, event);
        }
        return followUp;
    }

    static ReferralFollowUp of(Stage stage, boolean overdue) {
        return new ReferralFollowUp(stage, overdue);
    }

    @Test
    void aRequestedReferralIsOpenAndNotOverdue() {
        assertEquals(of(Stage.OPEN, false), given(REQUESTED));
    }

    @Test
    void acceptanceAndBookingKeepItOpen() {
        assertEquals(
                of(Stage.OPEN, false),
                given(
                        REQUESTED,
                        new ReferralAccepted(CLIENT, REFERRAL, PARTNER, AT, "clinician1"),
                        new ReferralAppointmentBooked(
                                CLIENT, REFERRAL, PARTNER, AT, AT, "clinician1")));
    }

    @Test
    void aLapsedClockMakesAnOpenReferralOverdue() {
        assertEquals(of(Stage.OPEN, true), given(REQUESTED, OVERDUE));
    }

    @Test
    void aCompletedReferralAwaitsReviewAndIsNoLongerOverdue() {
        assertEquals(of(Stage.AWAITING_REVIEW, false), given(REQUESTED, OVERDUE, COMPLETED));
    }

    @Test
    void closingEndsTheFollowUp() {
        assertEquals(of(Stage.CLOSED, false), given(REQUESTED, OVERDUE, COMPLETED, CLOSED));
    }

    @Test
    void aRejectedCancelledOrFailedReferralIsNoLongerOpen() {
        assertEquals(of(Stage.REJECTED, false), given(REQUESTED, OVERDUE, REJECTED));
        assertEquals(of(Stage.CANCELLED, false), given(REQUESTED, CANCELLED));
        assertEquals(of(Stage.FAILED, false), given(REQUESTED, FAILED));
    }

    @Test
    void aClockLapsingAfterTheReferralEndedChangesNothing() {
        assertEquals(of(Stage.AWAITING_REVIEW, false), given(REQUESTED, COMPLETED, OVERDUE));
        assertEquals(of(Stage.CANCELLED, false), given(REQUESTED, CANCELLED, OVERDUE));
    }

    @Test
    void anEndNeverReplacesAnotherEnd() {
        assertEquals(of(Stage.CANCELLED, false), given(REQUESTED, CANCELLED, COMPLETED));
        assertEquals(of(Stage.CLOSED, false), given(REQUESTED, COMPLETED, CLOSED, FAILED));
    }

    @Test
    void theRequestAgainChangesNothing() {
        assertEquals(of(Stage.OPEN, true), given(REQUESTED, OVERDUE, REQUESTED));
        assertEquals(of(Stage.CLOSED, false), given(REQUESTED, COMPLETED, CLOSED, REQUESTED));
    }

    @Test
    void anEventOfAReferralNeverRequestedHereIsIgnored() {
        assertNull(given(OVERDUE, COMPLETED));
    }
}

package org.careloop.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.access.EmergencyAccessGranted;
import org.careloop.contracts.access.EmergencyAccessReviewed;
import org.careloop.contracts.access.RecordDisclosed;
import org.careloop.contracts.billing.AuthorizationDecided;
import org.careloop.contracts.billing.AuthorizationDecisionOverdue;
import org.careloop.contracts.billing.AuthorizationExhausted;
import org.careloop.contracts.billing.AuthorizationExpired;
import org.careloop.contracts.billing.AuthorizationExpiring;
import org.careloop.contracts.billing.AuthorizationNearlyExhausted;
import org.careloop.contracts.billing.AuthorizationReviewDue;
import org.careloop.contracts.billing.AuthorizationUnitsConsumed;
import org.careloop.contracts.billing.AuthorizationUnitsReturned;
import org.careloop.contracts.billing.AuthorizedService;
import org.careloop.contracts.billing.ClaimHeld;
import org.careloop.contracts.intake.AssessmentCompleted;
import org.careloop.contracts.intake.ClientRegistered;
import org.careloop.contracts.intake.ConsentRecorded;
import org.careloop.contracts.intake.ConsentRevoked;
import org.careloop.contracts.intake.InboundReferralAccepted;
import org.careloop.contracts.intake.InboundReferralDeclined;
import org.careloop.contracts.referral.InboundReferralReceived;
import org.careloop.contracts.referral.ReferralAccepted;
import org.careloop.contracts.referral.ReferralAppointmentBooked;
import org.careloop.contracts.referral.ReferralCancelled;
import org.careloop.contracts.referral.ReferralClosed;
import org.careloop.contracts.referral.ReferralCompleted;
import org.careloop.contracts.referral.ReferralFailed;
import org.careloop.contracts.referral.ReferralOverdue;
import org.careloop.contracts.referral.ReferralRejected;
import org.careloop.contracts.referral.ReferralRequested;
import org.careloop.contracts.risk.AlertAcknowledged;
import org.careloop.contracts.risk.AlertEscalated;
import org.careloop.contracts.risk.CrisisAlertRaised;
import org.careloop.contracts.risk.RiskEscalated;
import org.careloop.contracts.risk.RiskLevelChanged;
import org.careloop.contracts.risk.RiskResolved;
import org.careloop.contracts.risk.SafetyPlanUpdated;
import org.careloop.contracts.treatment.ClientDischarged;
import org.careloop.contracts.treatment.ClinicianAssigned;
import org.careloop.contracts.treatment.ClinicianUnassigned;
import org.careloop.contracts.treatment.Diagnosis;
import org.careloop.contracts.treatment.GoalMet;
import org.careloop.contracts.treatment.GoalNoLongerMet;
import org.careloop.contracts.treatment.SessionDocumented;
import org.careloop.contracts.treatment.SessionVoided;
import org.careloop.contracts.treatment.StaffCredentialed;
import org.careloop.contracts.treatment.TreatmentPlanApproved;
import org.careloop.contracts.treatment.TreatmentPlanReviewDue;
import org.careloop.contracts.treatment.TreatmentPlanReviewRequired;

/** One fixed example of every integration event, used to pin the wire format. */
public final class Samples {

    static final UUID CLIENT = UUID.fromString("5b0c6f2e-8d1a-4c3e-9f7b-2a4d6e8f0a1c");

    static final UUID AUTHORIZATION = UUID.fromString("2f1e0d9c-8b7a-4c6d-9e5f-4a3b2c1d0e9f");
    static final UUID REFERRAL = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5e");
    static final UUID INBOUND = UUID.fromString("b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6f");

    static final UUID ASSESSMENT = UUID.fromString("9d3c1b2a-7e6f-4a5b-8c9d-0e1f2a3b4c5d");
    static final UUID EPISODE = UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f");
    static final UUID ALERT = UUID.fromString("4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a");
    static final UUID PLAN = UUID.fromString("6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c");
    static final UUID SESSION = UUID.fromString("7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d");
    static final UUID GRANT = UUID.fromString("1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b");
    static final UUID CONSENT = UUID.fromString("8b9c0d1e-2f3a-4b4c-8d5e-6f7a8b9c0d1e");
    static final UUID TELEHEALTH_CONSENT = UUID.fromString("9c0d1e2f-3a4b-4c5d-9e6f-7a8b9c0d1e2f");
    static final UUID DISCLOSURE = UUID.fromString("0d1e2f3a-4b5c-4d6e-8f7a-8b9c0d1e2f3a");
    static final List<Diagnosis> DIAGNOSES =
            List.of(
                    new Diagnosis("F33.1", "Major depressive disorder, recurrent, moderate"),
                    new Diagnosis("F41.1", "Generalized anxiety disorder"));

    private Samples() {}

    public static List<IntegrationEvent> all() {
        return List.of(
                new ClientRegistered(
                        CLIENT,
                        "Ada",
                        "Lovelace",
                        "Ada",
                        "she/her",
                        LocalDate.of(1990, 12, 10),
                        "+1-555-0100",
                        "ada@example.org",
                        "en",
                        Instant.parse("2026-11-22T09:30:00Z"),
                        "intake1"),
                new AssessmentCompleted(
                        UUID.fromString("9d3c1b2a-7e6f-4a5b-8c9d-0e1f2a3b4c5d"),
                        CLIENT,
                        "PHQ-9",
                        Instant.parse("2026-11-22T09:45:00Z"),
                        "intake1",
                        List.of(2, 2, 2, 2, 2, 2, 2, 1, 2),
                        2,
                        null,
                        17,
                        "MODERATELY_SEVERE",
                        "MODERATE",
                        List.of("ITEM9_POSITIVE", "FURTHER_EVALUATION_WARRANTED"),
                        List.of()),
                new AssessmentCompleted(
                        UUID.fromString("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5e"),
                        CLIENT,
                        "C-SSRS-SCREENER",
                        Instant.parse("2026-11-22T09:50:00Z"),
                        "clinician1",
                        null,
                        null,
                        java.util.Map.of(
                                "wishToBeDead",
                                true,
                                "nonSpecificActiveThoughts",
                                false,
                                "suicidalBehavior",
                                false),
                        null,
                        null,
                        "LOW",
                        List.of("SUICIDAL_IDEATION"),
                        List.of()),
                new AssessmentCompleted(
                        UUID.fromString("2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e"),
                        CLIENT,
                        "BIOPSYCHOSOCIAL",
                        Instant.parse("2026-11-22T10:30:00Z"),
                        "clinician1",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(
                                new AssessmentCompleted.Diagnosis(
                                        "F32.1",
                                        "ICD-10-CM",
                                        "Major depressive disorder, single episode, moderate"))),
                new RiskLevelChanged(
                        CLIENT,
                        "NONE",
                        "MODERATE",
                        "SCREEN",
                        ASSESSMENT,
                        "PHQ-9 item 9 positive",
                        null,
                        Instant.parse("2026-11-22T09:45:01Z")),
                new RiskEscalated(
                        CLIENT,
                        EPISODE,
                        "NONE",
                        "MODERATE",
                        "PHQ-9 item 9 positive",
                        ASSESSMENT,
                        Instant.parse("2026-11-22T09:45:01Z")),
                new RiskResolved(
                        CLIENT,
                        EPISODE,
                        "LOW",
                        "Safety plan in place; denies intent",
                        "clinician1",
                        Instant.parse("2026-11-22T11:00:00Z")),
                new CrisisAlertRaised(
                        CLIENT,
                        ALERT,
                        EPISODE,
                        "URGENT",
                        "MODERATE",
                        "PHQ-9 item 9 positive",
                        "PRIMARY",
                        1,
                        "oncall1",
                        Instant.parse("2026-11-22T09:45:01Z")),
                new AlertEscalated(
                        CLIENT,
                        ALERT,
                        "PRIMARY",
                        "BACKUP",
                        2,
                        "oncall2",
                        Instant.parse("2026-11-22T09:50:01Z")),
                new AlertAcknowledged(
                        CLIENT,
                        ALERT,
                        "BACKUP",
                        2,
                        "oncall2",
                        Instant.parse("2026-11-22T09:51:30Z")),
                new SafetyPlanUpdated(
                        CLIENT, 2, "clinician1", Instant.parse("2026-11-22T10:15:00Z")),
                new StaffCredentialed(
                        "associate1",
                        "Sam Rivera, LPC-Associate",
                        "ASSOCIATE",
                        false,
                        "supervisor1",
                        "1234567893",
                        Instant.parse("2026-11-22T08:00:00Z"),
                        "supervisor1"),
                new StaffCredentialed(
                        "clinician1",
                        "Dana Okafor, LCSW",
                        "LCSW",
                        true,
                        null,
                        "1245319599",
                        Instant.parse("2026-11-22T08:05:00Z"),
                        "admin1"),
                new ClinicianAssigned(
                        CLIENT,
                        "associate1",
                        "PRIMARY",
                        Instant.parse("2026-11-22T11:00:00Z"),
                        "supervisor1"),
                new ClinicianUnassigned(
                        CLIENT,
                        "associate1",
                        "PRIMARY",
                        "DISCHARGED",
                        Instant.parse("2027-03-01T16:00:00Z"),
                        "associate1"),
                new TreatmentPlanApproved(
                        CLIENT,
                        PLAN,
                        1,
                        "associate1",
                        "supervisor1",
                        DIAGNOSES,
                        "OUTPATIENT",
                        Instant.parse("2026-11-23T15:00:00Z"),
                        LocalDate.of(2027, 2, 21)),
                new TreatmentPlanReviewDue(
                        CLIENT,
                        PLAN,
                        1,
                        LocalDate.of(2027, 2, 21),
                        Instant.parse("2027-02-21T15:00:00Z")),
                new TreatmentPlanReviewRequired(
                        CLIENT,
                        PLAN,
                        1,
                        "Risk rose to HIGH: C-SSRS-SCREENER screen: SUICIDAL_INTENT_WITH_PLAN",
                        EPISODE,
                        Instant.parse("2026-12-10T09:00:01Z")),
                new GoalMet(
                        CLIENT,
                        PLAN,
                        1,
                        "1.1",
                        "PHQ-9",
                        10,
                        9,
                        ASSESSMENT,
                        Instant.parse("2027-01-05T10:00:00Z")),
                new GoalNoLongerMet(
                        CLIENT,
                        PLAN,
                        1,
                        "1.1",
                        "PHQ-9",
                        10,
                        12,
                        ASSESSMENT,
                        Instant.parse("2027-01-19T10:00:00Z")),
                new SessionDocumented(
                        CLIENT,
                        SESSION,
                        "INDIVIDUAL",
                        Instant.parse("2026-11-30T15:00:00Z"),
                        Instant.parse("2026-11-30T15:55:00Z"),
                        55,
                        "VIDEO",
                        "HOME",
                        false,
                        "associate1",
                        "supervisor1",
                        DIAGNOSES,
                        PLAN,
                        null,
                        Instant.parse("2026-11-30T18:00:00Z")),
                new SessionVoided(
                        CLIENT,
                        SESSION,
                        "Entered for the wrong client",
                        Instant.parse("2026-12-01T09:00:00Z"),
                        "associate1"),
                new ClientDischarged(
                        CLIENT,
                        "Treatment goals met",
                        true,
                        "Monthly peer support group; PCP follow-up",
                        Instant.parse("2027-03-01T16:00:00Z"),
                        "associate1"),
                new EmergencyAccessGranted(
                        CLIENT,
                        GRANT,
                        "clinician2",
                        "Client in the lobby in crisis; their clinician is away",
                        "treatment-service",
                        Instant.parse("2026-12-02T02:10:00Z"),
                        Instant.parse("2026-12-02T03:10:00Z")),
                new EmergencyAccessReviewed(
                        CLIENT,
                        GRANT,
                        "JUSTIFIED",
                        "Crisis walk-in; access ended with the handover",
                        "supervisor1",
                        Instant.parse("2026-12-02T09:00:00Z")),
                new ConsentRecorded(
                        CLIENT,
                        CONSENT,
                        "DISCLOSURE",
                        "payer:aetna-oh",
                        List.of("PAYMENT", "HEALTH_CARE_OPERATIONS"),
                        true,
                        LocalDate.of(2026, 11, 22),
                        LocalDate.of(2027, 11, 22),
                        Instant.parse("2026-11-22T09:40:00Z"),
                        "intake1"),
                new ConsentRecorded(
                        CLIENT,
                        TELEHEALTH_CONSENT,
                        "TELEHEALTH",
                        null,
                        List.of(),
                        false,
                        LocalDate.of(2026, 11, 22),
                        null,
                        Instant.parse("2026-11-22T09:41:00Z"),
                        "intake1"),
                new ConsentRevoked(
                        CLIENT,
                        CONSENT,
                        "Client asked to stop sharing with the payer",
                        Instant.parse("2027-01-10T14:00:00Z"),
                        "supervisor1"),
                new RecordDisclosed(
                        CLIENT,
                        DISCLOSURE,
                        "payer:aetna-oh",
                        "PAYMENT",
                        true,
                        CONSENT,
                        "Claim for session 2026-12-01 (90837) with diagnosis F10.20",
                        "This record which has been disclosed to you is protected by federal"
                                + " confidentiality rules (42 CFR part 2).",
                        Instant.parse("2026-12-02T10:00:00Z"),
                        "billing1",
                        "billing-service"),
                new AuthorizationDecided(
                        CLIENT,
                        AUTHORIZATION,
                        "aetna-oh",
                        "PARTIALLY_APPROVED",
                        "PA-2026-000123",
                        List.of(new AuthorizedService("90837", 8)),
                        LocalDate.of(2026, 12, 1),
                        LocalDate.of(2027, 2, 28),
                        "Eight of the twelve sessions requested; resubmit with outcome scores",
                        false,
                        Instant.parse("2026-12-03T15:00:00Z"),
                        "billing1"),
                new AuthorizationDecisionOverdue(
                        CLIENT,
                        AUTHORIZATION,
                        "aetna-oh",
                        "EXPEDITED",
                        Instant.parse("2026-12-01T10:00:00Z"),
                        Instant.parse("2026-12-04T10:00:00Z")),
                new AuthorizationUnitsConsumed(
                        CLIENT,
                        AUTHORIZATION,
                        SESSION,
                        "90837",
                        1,
                        7,
                        LocalDate.of(2026, 12, 8),
                        Instant.parse("2026-12-08T16:00:00Z")),
                new AuthorizationUnitsReturned(
                        CLIENT,
                        AUTHORIZATION,
                        SESSION,
                        "90837",
                        1,
                        8,
                        Instant.parse("2026-12-09T09:00:00Z")),
                new AuthorizationNearlyExhausted(
                        CLIENT,
                        AUTHORIZATION,
                        "PA-2026-000123",
                        1,
                        8,
                        Instant.parse("2027-01-26T16:00:00Z")),
                new AuthorizationExhausted(
                        CLIENT,
                        AUTHORIZATION,
                        "PA-2026-000123",
                        8,
                        Instant.parse("2027-02-02T16:00:00Z")),
                new AuthorizationExpiring(
                        CLIENT,
                        AUTHORIZATION,
                        "PA-2026-000123",
                        LocalDate.of(2027, 2, 28),
                        3,
                        Instant.parse("2027-02-14T05:00:00Z")),
                new AuthorizationExpired(
                        CLIENT,
                        AUTHORIZATION,
                        "PA-2026-000123",
                        LocalDate.of(2027, 2, 28),
                        3,
                        Instant.parse("2027-03-01T05:00:00Z")),
                new AuthorizationReviewDue(
                        CLIENT,
                        AUTHORIZATION,
                        "PA-2026-000123",
                        LocalDate.of(2027, 1, 15),
                        Instant.parse("2027-01-15T05:00:00Z")),
                new ReferralRequested(
                        CLIENT,
                        REFERRAL,
                        "demo-psychiatry",
                        "PSYCHIATRY",
                        "URGENT",
                        "Medication evaluation: no response to two SSRI trials",
                        List.of("F33.1"),
                        Instant.parse("2026-12-07T10:00:00Z"),
                        Instant.parse("2026-12-12T10:00:00Z"),
                        Instant.parse("2026-12-05T10:00:00Z"),
                        "clinician1"),
                new ReferralAccepted(
                        CLIENT,
                        REFERRAL,
                        "demo-psychiatry",
                        Instant.parse("2026-12-06T09:00:00Z"),
                        "clinician1"),
                new ReferralRejected(
                        CLIENT,
                        REFERRAL,
                        "demo-psychiatry",
                        "No openings for new patients until March",
                        Instant.parse("2026-12-06T09:00:00Z"),
                        "clinician1"),
                new ReferralAppointmentBooked(
                        CLIENT,
                        REFERRAL,
                        "demo-psychiatry",
                        Instant.parse("2026-12-10T15:30:00Z"),
                        Instant.parse("2026-12-06T11:00:00Z"),
                        "clinician1"),
                new ReferralCompleted(
                        CLIENT,
                        REFERRAL,
                        "demo-psychiatry",
                        "Started sertraline 50 mg; follow-up in four weeks",
                        "Continue weekly psychotherapy",
                        Instant.parse("2026-12-10T17:00:00Z"),
                        "clinician1"),
                new ReferralClosed(
                        CLIENT,
                        REFERRAL,
                        "demo-psychiatry",
                        Instant.parse("2026-12-11T09:00:00Z"),
                        "clinician1"),
                new ReferralCancelled(
                        CLIENT,
                        REFERRAL,
                        "demo-psychiatry",
                        "Client chose a psychiatrist nearer home",
                        Instant.parse("2026-12-06T09:00:00Z"),
                        "clinician1"),
                new ReferralFailed(
                        CLIENT,
                        REFERRAL,
                        "demo-psychiatry",
                        "Client did not attend two booked appointments",
                        Instant.parse("2026-12-20T09:00:00Z"),
                        "supervisor1"),
                new ReferralOverdue(
                        CLIENT,
                        REFERRAL,
                        "demo-psychiatry",
                        "URGENT",
                        "ACCEPTANCE",
                        Instant.parse("2026-12-07T10:00:00Z"),
                        Instant.parse("2026-12-07T10:00:01Z")),
                new ClaimHeld(
                        CLIENT,
                        SESSION,
                        SESSION,
                        List.of("NO_AUTHORIZATION", "MISSING_NPI"),
                        Instant.parse("2026-12-08T16:00:00Z")),
                new InboundReferralReceived(
                        INBOUND,
                        "demo-psychiatry",
                        "Demo Psychiatry",
                        "DP-2026-0042",
                        "Grace",
                        "Hopper",
                        LocalDate.of(1986, 12, 9),
                        "+1 555 0142",
                        "grace@example.org",
                        "en",
                        "Outpatient therapy after stabilisation",
                        "Depressive episode, stabilised on sertraline; needs weekly therapy",
                        "URGENT",
                        Instant.parse("2026-12-15T09:00:00Z")),
                new InboundReferralAccepted(
                        INBOUND, CLIENT, Instant.parse("2026-12-15T11:00:00Z"), "intake1"),
                new InboundReferralDeclined(
                        INBOUND,
                        "We do not offer the service requested; try the county clinic",
                        Instant.parse("2026-12-15T11:00:00Z"),
                        "intake1"));
    }
}

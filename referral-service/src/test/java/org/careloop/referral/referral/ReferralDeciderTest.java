package org.careloop.referral.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.careloop.contracts.risk.RiskEscalated;
import org.careloop.contracts.treatment.ClientDischarged;
import org.careloop.platform.consent.ClientConsent;
import org.careloop.platform.consent.ConsentCheck;
import org.careloop.platform.consent.ConsentKind;
import org.careloop.platform.consent.Purpose;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.problem.Refused;
import org.careloop.referral.partner.ServiceType;
import org.careloop.referral.trigger.TriggerDecider;
import org.junit.jupiter.api.Test;

class ReferralDeciderTest {

    static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    static final UUID REFERRAL = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5e");
    static final UUID CLIENT = UUID.fromString("5b0c6f2e-8d1a-4c3e-9f7b-2a4d6e8f0a1c");
    static final UUID CONSENT = UUID.fromString("8b9c0d1e-2f3a-4b4c-8d5e-6f7a8b9c0d1e");
    static final ReferralDecider.Actor REFERRER = new ReferralDecider.Actor("clinician1", false);
    static final ReferralDecider.Actor OTHER = new ReferralDecider.Actor("clinician2", false);
    static final ReferralDecider.Actor SUPERVISOR = new ReferralDecider.Actor("supervisor1", true);
    static final Sla SLA =
            new Sla(
                    Map.of(
                            Urgency.EMERGENT,
                            new Sla.Windows(Duration.ofHours(1), Duration.ofHours(24)),
                            Urgency.URGENT,
                            new Sla.Windows(Duration.ofDays(2), Duration.ofDays(7)),
                            Urgency.ROUTINE,
                            new Sla.Windows(Duration.ofDays(5), Duration.ofDays(30))));
    static final ConsentCheck.Verdict PERMITTED =
            new ConsentCheck.Permitted(
                    new ClientConsent(
                            CONSENT,
                            ConsentKind.DISCLOSURE,
                            "partner:demo-psychiatry",
                            Set.of(Purpose.TREATMENT),
                            false,
                            LocalDate.of(2026, 12, 1),
                            null,
                            false));

    private final List<ReferralEvent> history = new ArrayList<>();

    private ReferralState state() {
        return ReferralState.of(history);
    }

    private void given(List<ReferralEvent> events) {
        history.addAll(events);
    }

    private void drafted(Urgency urgency) {
        given(
                ReferralDecider.draft(
                        state(),
                        REFERRAL,
                        CLIENT,
                        new DraftReferral(
                                "demo-psychiatry",
                                ServiceType.PSYCHIATRY,
                                urgency,
                                "Medication evaluation",
                                List.of("F33.1"),
                                null),
                        "clinician1",
                        NOW));
    }

    private void sent(Urgency urgency) {
        drafted(urgency);
        given(ReferralDecider.send(state(), PERMITTED, false, SLA, REFERRER, NOW));
    }

    private List<ReferralEvent> update(PartnerStatus status) {
        return update(
                new PartnerUpdate(
                        status,
                        "reason",
                        NOW.plus(Duration.ofDays(3)),
                        new PartnerUpdate.Outcome("Seen; started sertraline", null, null)));
    }

    private List<ReferralEvent> update(PartnerUpdate command) {
        List<ReferralEvent> events =
                ReferralDecider.partnerUpdate(state(), command, false, REFERRER, NOW);
        given(events);
        return events;
    }

    private void inStatus(ReferralStatus status) {
        switch (status) {
            case DRAFT -> drafted(Urgency.URGENT);
            case REQUESTED -> sent(Urgency.URGENT);
            case RECEIVED -> {
                sent(Urgency.URGENT);
                update(PartnerStatus.RECEIVED);
            }
            case ACCEPTED -> {
                sent(Urgency.URGENT);
                update(PartnerStatus.ACCEPTED);
            }
            case REJECTED -> {
                sent(Urgency.URGENT);
                update(PartnerStatus.REJECTED);
            }
            case IN_PROGRESS -> {
                inStatus(ReferralStatus.ACCEPTED);
                update(PartnerStatus.IN_PROGRESS);
            }
            case COMPLETED -> {
                inStatus(ReferralStatus.IN_PROGRESS);
                update(PartnerStatus.COMPLETED);
            }
            case FAILED -> {
                inStatus(ReferralStatus.ACCEPTED);
                update(PartnerStatus.FAILED);
            }
            case CLOSED -> {
                inStatus(ReferralStatus.COMPLETED);
                given(ReferralDecider.review(state(), REFERRER, NOW));
            }
            case CANCELLED -> {
                drafted(Urgency.URGENT);
                given(ReferralDecider.cancel(state(), new Reason("changed mind"), REFERRER, NOW));
            }
            case ON_HOLD -> {
                inStatus(ReferralStatus.ACCEPTED);
                given(
                        ReferralDecider.hold(
                                state(), new Reason("client in hospital"), REFERRER, NOW));
            }
        }
        assertEquals(status, state().status());
    }

    private static void assertIllegal(Runnable command) {
        Refused refused = assertThrows(Refused.class, command::run);
        assertTrue(refused.problem().type().endsWith("illegal-transition"), refused.getMessage());
    }

    @Test
    void aDraftNamesThePartnerServiceUrgencyAndReferrer() {
        drafted(Urgency.ROUTINE);

        ReferralState state = state();
        assertEquals(ReferralStatus.DRAFT, state.status());
        assertEquals("clinician1", state.referredBy());
        assertEquals(ServiceType.PSYCHIATRY, state.serviceType());
        assertNull(state.acceptanceDueAt());
    }

    @Test
    void sendingStartsBothClocksByUrgency() {
        for (Urgency urgency : Urgency.values()) {
            history.clear();
            sent(urgency);
            ReferralState state = state();
            assertEquals(ReferralStatus.REQUESTED, state.status());
            assertEquals(NOW.plus(SLA.of(urgency).acceptedWithin()), state.acceptanceDueAt());
            assertEquals(NOW.plus(SLA.of(urgency).seenWithin()), state.seenDueAt());
        }
    }

    @Test
    void sendingWithoutConsentIsRefusedNamingTheMissingConsent() {
        drafted(Urgency.URGENT);

        Refused refused =
                assertThrows(
                        Refused.class,
                        () ->
                                ReferralDecider.send(
                                        state(),
                                        new ConsentCheck.Refused(
                                                "no active DISCLOSURE consent for recipient"
                                                        + " partner:demo-psychiatry covering TREATMENT"),
                                        false,
                                        SLA,
                                        REFERRER,
                                        NOW));

        assertEquals(409, refused.problem().status());
        assertTrue(refused.problem().type().endsWith("consent-required"));
        assertTrue(refused.problem().detail().contains("partner:demo-psychiatry"));
    }

    @Test
    void onlyTheReferringClinicianSends() {
        drafted(Urgency.URGENT);

        Refused refused =
                assertThrows(
                        Refused.class,
                        () -> ReferralDecider.send(state(), PERMITTED, false, SLA, OTHER, NOW));

        assertEquals(403, refused.problem().status());
    }

    @Test
    void aReferralGoesFromReceivedToAcceptedToInProgressToCompletedToClosed() {
        sent(Urgency.URGENT);
        assertInstanceOf(ReferralEvent.Received.class, update(PartnerStatus.RECEIVED).getFirst());
        assertInstanceOf(ReferralEvent.Accepted.class, update(PartnerStatus.ACCEPTED).getFirst());
        assertInstanceOf(
                ReferralEvent.AppointmentBooked.class,
                update(PartnerStatus.IN_PROGRESS).getFirst());
        assertInstanceOf(ReferralEvent.Completed.class, update(PartnerStatus.COMPLETED).getFirst());
        given(ReferralDecider.review(state(), REFERRER, NOW));

        assertEquals(ReferralStatus.CLOSED, state().status());
    }

    @Test
    void thePartnerMayRejectOrFailAReferral() {
        inStatus(ReferralStatus.REJECTED);
        history.clear();
        inStatus(ReferralStatus.FAILED);
    }

    @Test
    void aRejectionNeedsItsReasonAnAppointmentItsTimeAndACompletionItsSummary() {
        sent(Urgency.URGENT);
        InvalidCommand reason =
                assertThrows(
                        InvalidCommand.class,
                        () -> update(new PartnerUpdate(PartnerStatus.REJECTED, " ", null, null)));
        assertTrue(reason.getMessage().contains("reason"), reason.getMessage());

        update(PartnerStatus.ACCEPTED);
        InvalidCommand appointment =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                update(
                                        new PartnerUpdate(
                                                PartnerStatus.IN_PROGRESS, null, null, null)));
        assertTrue(appointment.getMessage().contains("appointmentAt"), appointment.getMessage());

        InvalidCommand summary =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                update(
                                        new PartnerUpdate(
                                                PartnerStatus.COMPLETED,
                                                null,
                                                null,
                                                new PartnerUpdate.Outcome(null, "x", null))));
        assertTrue(summary.getMessage().contains("outcome.summary"), summary.getMessage());
    }

    @Test
    void staffDoNotRecordAnswersOfAnElectronicPartner() {
        sent(Urgency.URGENT);

        Refused refused =
                assertThrows(
                        Refused.class,
                        () ->
                                ReferralDecider.partnerUpdate(
                                        state(),
                                        new PartnerUpdate(PartnerStatus.ACCEPTED, null, null, null),
                                        true,
                                        REFERRER,
                                        NOW));

        assertTrue(refused.problem().type().endsWith("partner-is-electronic"));
    }

    @Test
    void everyPartnerAnswerOutOfOrderIsAnIllegalTransition() {
        Map<PartnerStatus, Set<ReferralStatus>> legal =
                Map.of(
                        PartnerStatus.RECEIVED, Set.of(ReferralStatus.REQUESTED),
                        PartnerStatus.ACCEPTED,
                                Set.of(ReferralStatus.REQUESTED, ReferralStatus.RECEIVED),
                        PartnerStatus.REJECTED,
                                Set.of(ReferralStatus.REQUESTED, ReferralStatus.RECEIVED),
                        // Booked again when the first appointment moves.
                        PartnerStatus.IN_PROGRESS,
                                Set.of(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS),
                        PartnerStatus.COMPLETED,
                                Set.of(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS),
                        PartnerStatus.FAILED,
                                Set.of(
                                        ReferralStatus.REQUESTED,
                                        ReferralStatus.RECEIVED,
                                        ReferralStatus.ACCEPTED,
                                        ReferralStatus.IN_PROGRESS));
        for (ReferralStatus from : ReferralStatus.values()) {
            for (PartnerStatus to : PartnerStatus.values()) {
                history.clear();
                inStatus(from);
                if (legal.get(to).contains(from)) {
                    update(to);
                } else {
                    assertIllegal(() -> update(to));
                }
            }
        }
    }

    @Test
    void sendingReviewCancellingHoldingAndResumingOutOfOrderAreIllegalTransitions() {
        Set<ReferralStatus> cancellable =
                Set.of(
                        ReferralStatus.DRAFT,
                        ReferralStatus.REQUESTED,
                        ReferralStatus.RECEIVED,
                        ReferralStatus.ACCEPTED,
                        ReferralStatus.ON_HOLD);
        Set<ReferralStatus> holdable =
                Set.of(
                        ReferralStatus.REQUESTED,
                        ReferralStatus.RECEIVED,
                        ReferralStatus.ACCEPTED,
                        ReferralStatus.IN_PROGRESS);
        for (ReferralStatus from : ReferralStatus.values()) {
            history.clear();
            inStatus(from);
            ReferralState state = state();
            if (from != ReferralStatus.DRAFT) {
                assertIllegal(
                        () -> ReferralDecider.send(state, PERMITTED, false, SLA, REFERRER, NOW));
            }
            if (from != ReferralStatus.COMPLETED) {
                assertIllegal(() -> ReferralDecider.review(state, REFERRER, NOW));
            }
            if (!cancellable.contains(from)) {
                assertIllegal(() -> ReferralDecider.cancel(state, new Reason("r"), REFERRER, NOW));
            } else {
                assertEquals(
                        ReferralStatus.CANCELLED,
                        ReferralState.of(
                                        concat(
                                                ReferralDecider.cancel(
                                                        state, new Reason("r"), REFERRER, NOW)))
                                .status());
            }
            if (!holdable.contains(from)) {
                assertIllegal(() -> ReferralDecider.hold(state, new Reason("r"), REFERRER, NOW));
            }
            if (from != ReferralStatus.ON_HOLD) {
                assertIllegal(() -> ReferralDecider.resume(state, REFERRER, NOW));
            }
        }
    }

    private List<ReferralEvent> concat(List<ReferralEvent> more) {
        List<ReferralEvent> all = new ArrayList<>(history);
        all.addAll(more);
        return all;
    }

    @Test
    void aResumedReferralIsBackWhereItWasBeforeTheHold() {
        for (ReferralStatus before :
                List.of(
                        ReferralStatus.REQUESTED,
                        ReferralStatus.RECEIVED,
                        ReferralStatus.ACCEPTED,
                        ReferralStatus.IN_PROGRESS)) {
            history.clear();
            inStatus(before);
            given(ReferralDecider.hold(state(), new Reason("client in hospital"), REFERRER, NOW));
            assertEquals(ReferralStatus.ON_HOLD, state().status());
            given(ReferralDecider.resume(state(), SUPERVISOR, NOW));
            assertEquals(before, state().status());
        }
    }

    @Test
    void onlyTheReferringClinicianReviewsTheOutcomeNotEvenASupervisor() {
        inStatus(ReferralStatus.COMPLETED);

        for (ReferralDecider.Actor someone : List.of(OTHER, SUPERVISOR)) {
            ProblemException refused =
                    assertThrows(
                            Refused.class, () -> ReferralDecider.review(state(), someone, NOW));
            assertEquals(403, refused.problem().status());
        }
    }

    @Test
    void anotherClinicianMayNotRecordAnswersCancelOrHoldButASupervisorMay() {
        sent(Urgency.URGENT);

        assertThrows(
                Refused.class,
                () ->
                        ReferralDecider.partnerUpdate(
                                state(),
                                new PartnerUpdate(PartnerStatus.RECEIVED, null, null, null),
                                false,
                                OTHER,
                                NOW));
        assertThrows(
                Refused.class, () -> ReferralDecider.cancel(state(), new Reason("r"), OTHER, NOW));
        assertThrows(
                Refused.class, () -> ReferralDecider.hold(state(), new Reason("r"), OTHER, NOW));
        given(
                ReferralDecider.partnerUpdate(
                        state(),
                        new PartnerUpdate(PartnerStatus.RECEIVED, null, null, null),
                        false,
                        SUPERVISOR,
                        NOW));
        assertEquals(ReferralStatus.RECEIVED, state().status());
    }

    @Test
    void theAcceptanceClockLapsesOnceWhenDueAndNotBefore() {
        sent(Urgency.ROUTINE);
        Instant due = state().acceptanceDueAt();

        assertEquals(
                List.of(),
                ReferralDecider.lapse(state(), SlaClock.ACCEPTANCE, due.minusSeconds(1)));
        List<ReferralEvent> lapsed = ReferralDecider.lapse(state(), SlaClock.ACCEPTANCE, due);
        assertEquals(
                List.of(new ReferralEvent.Overdue(REFERRAL, CLIENT, SlaClock.ACCEPTANCE, due, due)),
                lapsed);
        given(lapsed);

        assertTrue(state().acceptanceOverdue());
        assertEquals(
                List.of(),
                ReferralDecider.lapse(state(), SlaClock.ACCEPTANCE, due.plusSeconds(60)));
    }

    @Test
    void theFirstAppointmentClockLapsesOnce() {
        sent(Urgency.EMERGENT);
        Instant due = state().seenDueAt();
        assertEquals(NOW.plus(Duration.ofHours(24)), due);

        given(ReferralDecider.lapse(state(), SlaClock.FIRST_APPOINTMENT, due));

        assertTrue(state().seenOverdue());
        assertEquals(List.of(), ReferralDecider.lapse(state(), SlaClock.FIRST_APPOINTMENT, due));
    }

    @Test
    void acceptanceOrRejectionClearsTheAcceptanceClock() {
        for (PartnerStatus answer : List.of(PartnerStatus.ACCEPTED, PartnerStatus.REJECTED)) {
            history.clear();
            sent(Urgency.ROUTINE);
            Instant due = state().acceptanceDueAt();
            update(answer);

            assertNull(state().acceptanceDueAt());
            assertEquals(
                    List.of(),
                    ReferralDecider.lapse(state(), SlaClock.ACCEPTANCE, due.plusSeconds(1)));
        }
    }

    @Test
    void anAppointmentACompletionAFailureOrACancellationClearsTheFirstAppointmentClock() {
        for (ReferralStatus end :
                List.of(
                        ReferralStatus.IN_PROGRESS,
                        ReferralStatus.COMPLETED,
                        ReferralStatus.FAILED,
                        ReferralStatus.REJECTED)) {
            history.clear();
            inStatus(end);
            assertNull(state().seenDueAt(), end.name());
            assertEquals(
                    List.of(),
                    ReferralDecider.lapse(
                            state(), SlaClock.FIRST_APPOINTMENT, NOW.plus(Duration.ofDays(60))));
        }
        history.clear();
        sent(Urgency.ROUTINE);
        given(ReferralDecider.cancel(state(), new Reason("client moved"), REFERRER, NOW));
        assertNull(state().acceptanceDueAt());
        assertNull(state().seenDueAt());
    }

    @Test
    void acceptanceLeavesTheFirstAppointmentClockRunning() {
        sent(Urgency.ROUTINE);
        Instant seen = state().seenDueAt();
        update(PartnerStatus.ACCEPTED);

        assertEquals(seen, state().seenDueAt());
        assertEquals(1, ReferralDecider.lapse(state(), SlaClock.FIRST_APPOINTMENT, seen).size());
    }

    // Drafts that other services' events start

    static final UUID EPISODE = UUID.fromString("c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f");
    static final UUID DISCHARGE_EVENT = UUID.fromString("d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70");

    private static RiskEscalated escalated(String level) {
        return new RiskEscalated(
                CLIENT, EPISODE, "MODERATE", level, "PHQ-9 item 9 answered 3", null, NOW);
    }

    private static ClientDischarged discharged(String aftercare) {
        return new ClientDischarged(CLIENT, "Goals met", true, aftercare, NOW, "clinician2");
    }

    private void draftedOnTrigger(DraftFromTrigger command) {
        given(ReferralDecider.draftFromTrigger(state(), command, NOW));
    }

    private void crisisDrafted(String primary) {
        draftedOnTrigger(
                TriggerDecider.crisisEvaluation(escalated("HIGH"), primary, false, null)
                        .orElseThrow());
    }

    private static AmendDraft completion(String partnerId) {
        return new AmendDraft(
                partnerId,
                Urgency.EMERGENT,
                "Crisis evaluation: suicidal ideation with a plan",
                List.of("F33.2"),
                "Safety plan reviewed");
    }

    @Test
    void riskEscalatedToHighDraftsAnEmergentCrisisEvaluationForThePrimaryClinician() {
        crisisDrafted("clinician1");

        ReferralEvent.Drafted draft =
                assertInstanceOf(ReferralEvent.Drafted.class, history.getFirst());
        assertEquals(TriggerDecider.crisisReferralId(EPISODE), draft.referralId());
        assertEquals(Urgency.EMERGENT, draft.urgency());
        assertEquals(ServiceType.CRISIS_STABILISATION, draft.serviceType());
        assertEquals(
                "Crisis evaluation: risk escalated to HIGH — PHQ-9 item 9 answered 3",
                draft.reason());
        assertEquals("clinician1", draft.by());
        assertNull(draft.partnerId());
        assertEquals(new Origin(Origin.Kind.RISK_ESCALATED, EPISODE), draft.origin());
        assertEquals(ReferralStatus.DRAFT, state().status());
    }

    @Test
    void riskBelowHighOrAnOpenCrisisReferralDraftsNothing() {
        assertTrue(
                TriggerDecider.crisisEvaluation(escalated("MODERATE"), "clinician1", false, null)
                        .isEmpty());
        assertTrue(
                TriggerDecider.crisisEvaluation(escalated("HIGH"), "clinician1", true, null)
                        .isEmpty());
    }

    @Test
    void aCrisisEvaluationWithNoPrimaryClinicianIsDraftedUnassigned() {
        crisisDrafted(null);

        assertNull(state().referredBy());
        assertEquals(ReferralStatus.DRAFT, state().status());
    }

    @Test
    void theSameSourceSeenAgainDraftsNothingMore() {
        crisisDrafted("clinician1");

        assertEquals(
                List.of(),
                ReferralDecider.draftFromTrigger(
                        state(),
                        TriggerDecider.crisisEvaluation(
                                        escalated("HIGH"), "clinician1", false, null)
                                .orElseThrow(),
                        NOW.plusSeconds(5)));
    }

    @Test
    void aDischargeWithAftercareDraftsARoutineStepDownForThePrimaryClinicianBeforeDischarge() {
        draftedOnTrigger(
                TriggerDecider.stepDown(
                                discharged("  Weekly peer support group  "),
                                DISCHARGE_EVENT,
                                "clinician1",
                                ServiceType.PEER_SUPPORT)
                        .orElseThrow());

        ReferralEvent.Drafted draft =
                assertInstanceOf(ReferralEvent.Drafted.class, history.getFirst());
        assertEquals(TriggerDecider.stepDownReferralId(DISCHARGE_EVENT), draft.referralId());
        assertEquals(Urgency.ROUTINE, draft.urgency());
        assertEquals(ServiceType.PEER_SUPPORT, draft.serviceType());
        assertEquals("Step-down after discharge: Weekly peer support group", draft.reason());
        assertEquals("clinician1", draft.by());
        assertEquals(new Origin(Origin.Kind.CLIENT_DISCHARGED, DISCHARGE_EVENT), draft.origin());
    }

    @Test
    void aDischargeWithNoPrimaryClinicianDraftsForWhoDischargedAndWithoutAftercareDraftsNothing() {
        assertEquals(
                "clinician2",
                TriggerDecider.stepDown(
                                discharged("IOP three days a week"),
                                DISCHARGE_EVENT,
                                null,
                                ServiceType.OTHER)
                        .orElseThrow()
                        .referrer());
        assertTrue(
                TriggerDecider.stepDown(
                                discharged(" "), DISCHARGE_EVENT, "clinician1", ServiceType.OTHER)
                        .isEmpty());
        assertTrue(
                TriggerDecider.stepDown(
                                discharged(null), DISCHARGE_EVENT, "clinician1", ServiceType.OTHER)
                        .isEmpty());
    }

    @Test
    void aDraftWithoutAPartnerCannotBeSent() {
        crisisDrafted("clinician1");

        Refused refused =
                assertThrows(
                        Refused.class,
                        () -> ReferralDecider.send(state(), PERMITTED, false, SLA, REFERRER, NOW));

        assertEquals(409, refused.problem().status());
        assertTrue(refused.problem().detail().contains("partnerId"), refused.getMessage());
    }

    @Test
    void theReferrerCompletesTheDraftWithAPartnerAndSendsIt() {
        crisisDrafted("clinician1");

        given(
                ReferralDecider.amend(
                        state(),
                        completion("demo-crisis"),
                        List.of(ServiceType.CRISIS_STABILISATION),
                        REFERRER,
                        NOW));
        assertEquals("demo-crisis", state().partnerId());
        assertEquals(List.of("F33.2"), state().diagnoses());
        assertEquals(ServiceType.CRISIS_STABILISATION, state().serviceType());

        given(ReferralDecider.send(state(), PERMITTED, false, SLA, REFERRER, NOW));
        assertEquals(ReferralStatus.REQUESTED, state().status());
        assertEquals(NOW.plus(Duration.ofHours(1)), state().acceptanceDueAt());
    }

    @Test
    void aPartnerNamedInAnAmendmentMustOfferTheDraftsServiceType() {
        crisisDrafted("clinician1");

        InvalidCommand invalid =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                ReferralDecider.amend(
                                        state(),
                                        completion("demo-housing"),
                                        List.of(ServiceType.HOUSING),
                                        REFERRER,
                                        NOW));
        assertTrue(invalid.getMessage().contains("partnerId"), invalid.getMessage());
    }

    @Test
    void onlyTheReferrerAmendsAndOnlyADraft() {
        crisisDrafted("clinician1");
        List<ServiceType> crisis = List.of(ServiceType.CRISIS_STABILISATION);

        Refused other =
                assertThrows(
                        Refused.class,
                        () ->
                                ReferralDecider.amend(
                                        state(), completion("demo-crisis"), crisis, OTHER, NOW));
        assertEquals(403, other.problem().status());

        given(ReferralDecider.amend(state(), completion("demo-crisis"), crisis, REFERRER, NOW));
        given(ReferralDecider.send(state(), PERMITTED, false, SLA, REFERRER, NOW));
        assertIllegal(
                () ->
                        ReferralDecider.amend(
                                state(), completion("demo-crisis"), crisis, REFERRER, NOW));
    }

    @Test
    void whoCompletesAnUnassignedDraftBecomesItsReferrer() {
        crisisDrafted(null);
        Refused unassigned =
                assertThrows(
                        Refused.class,
                        () ->
                                ReferralDecider.send(
                                        state(), PERMITTED, false, SLA, SUPERVISOR, NOW));
        assertEquals(403, unassigned.problem().status());

        given(
                ReferralDecider.amend(
                        state(),
                        completion("demo-crisis"),
                        List.of(ServiceType.CRISIS_STABILISATION),
                        SUPERVISOR,
                        NOW));

        assertEquals("supervisor1", state().referredBy());
        given(ReferralDecider.send(state(), PERMITTED, false, SLA, SUPERVISOR, NOW));
        assertEquals(ReferralStatus.REQUESTED, state().status());
    }

    private List<ReferralEvent> answer(String partnerId, Instant booked, PartnerUpdate command) {
        List<ReferralEvent> events =
                ReferralDecider.partnerAnswer(state(), booked, partnerId, command, NOW);
        given(events);
        return events;
    }

    @Test
    void aPartnersOwnAnswerIsRecordedInItsName() {
        sent(Urgency.URGENT);

        List<ReferralEvent> events =
                answer(
                        "demo-psychiatry",
                        null,
                        new PartnerUpdate(PartnerStatus.ACCEPTED, null, null, null));

        assertEquals(1, events.size());
        assertEquals("partner:demo-psychiatry", ((ReferralEvent.Accepted) events.get(0)).by());
        assertEquals(ReferralStatus.ACCEPTED, state().status());
    }

    @Test
    void anotherPartnerOrAReferralNotYetSentIsNotFound() {
        drafted(Urgency.URGENT);
        Refused draft =
                assertThrows(
                        Refused.class,
                        () ->
                                answer(
                                        "demo-psychiatry",
                                        null,
                                        new PartnerUpdate(
                                                PartnerStatus.ACCEPTED, null, null, null)));
        assertEquals(404, draft.problem().status());

        given(ReferralDecider.send(state(), PERMITTED, false, SLA, REFERRER, NOW));
        Refused other =
                assertThrows(
                        Refused.class,
                        () ->
                                answer(
                                        "demo-housing",
                                        null,
                                        new PartnerUpdate(
                                                PartnerStatus.ACCEPTED, null, null, null)));
        assertEquals(404, other.problem().status());
        assertEquals(ReferralStatus.REQUESTED, state().status());
    }

    @Test
    void theSameAnswerAgainChangesNothingButAMovedAppointmentIsBookedAgain() {
        inStatus(ReferralStatus.ACCEPTED);
        Instant first = NOW.plus(Duration.ofDays(3));
        answer(
                "demo-psychiatry",
                null,
                new PartnerUpdate(PartnerStatus.IN_PROGRESS, null, first, null));

        assertEquals(
                List.of(),
                answer(
                        "demo-psychiatry",
                        first,
                        new PartnerUpdate(PartnerStatus.IN_PROGRESS, null, first, null)));
        List<ReferralEvent> moved =
                answer(
                        "demo-psychiatry",
                        first,
                        new PartnerUpdate(
                                PartnerStatus.IN_PROGRESS,
                                null,
                                first.plus(Duration.ofDays(1)),
                                null));
        assertEquals(
                first.plus(Duration.ofDays(1)),
                ((ReferralEvent.AppointmentBooked) moved.get(0)).appointmentAt());
    }

    @Test
    void aPartnerRepeatingCompletedAfterTheReviewChangesNothing() {
        inStatus(ReferralStatus.CLOSED);

        assertEquals(
                List.of(),
                answer(
                        "demo-psychiatry",
                        null,
                        new PartnerUpdate(
                                PartnerStatus.COMPLETED,
                                null,
                                null,
                                new PartnerUpdate.Outcome("Seen", null, null))));
        assertIllegal(
                () ->
                        answer(
                                "demo-psychiatry",
                                null,
                                new PartnerUpdate(PartnerStatus.FAILED, "never came", null, null)));
    }
}

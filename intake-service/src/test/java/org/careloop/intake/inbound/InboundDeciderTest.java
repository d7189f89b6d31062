package org.careloop.intake.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.careloop.intake.client.RegisterClient;
import org.careloop.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class InboundDeciderTest {

    static final Instant RECEIVED_AT = Instant.parse("2026-12-15T09:00:00Z");
    static final Instant NOW = Instant.parse("2026-12-15T11:00:00Z");
    static final UUID INBOUND = UUID.fromString("b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6f");
    static final UUID CLIENT = UUID.fromString("5b0c6f2e-8d1a-4c3e-9f7b-2a4d6e8f0a1c");
    static final InboundEvent.Received RECEIVED =
            new InboundEvent.Received(
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
                    "Outpatient therapy",
                    "Stabilised on sertraline; needs weekly therapy",
                    Urgency.URGENT,
                    RECEIVED_AT);

    private final List<InboundEvent> history = new ArrayList<>();

    private InboundState given(InboundEvent... events) {
        history.addAll(List.of(events));
        return InboundState.of(history);
    }

    private static int status(Runnable command) {
        return assertThrows(ProblemException.class, command::run).problem().status();
    }

    @Test
    void aPartnersReferralBecomesAnOpenTask() {
        List<InboundEvent> events = InboundDecider.receive(InboundState.NONE, RECEIVED);

        assertEquals(List.of(RECEIVED), events);
        assertEquals(InboundStatus.OPEN, given(RECEIVED).status());
    }

    @Test
    void theSameReferralDeliveredAgainChangesNothing() {
        InboundState state = given(RECEIVED);

        assertEquals(List.of(), InboundDecider.receive(state, RECEIVED));
    }

    @Test
    void acceptingAnOpenReferralNamesTheClientRegistered() {
        InboundState state = given(RECEIVED);

        List<InboundEvent> events = InboundDecider.accept(state, CLIENT, "intake1", NOW);

        assertEquals(List.of(new InboundEvent.Accepted(INBOUND, CLIENT, NOW, "intake1")), events);
    }

    @Test
    void theRegistrationIsThePartnersDemographicsWithTheCoordinatorsCorrections() {
        InboundState state = given(RECEIVED);

        RegisterClient as = InboundDecider.registration(state, AcceptInbound.NONE);
        RegisterClient corrected =
                InboundDecider.registration(
                        state,
                        new AcceptInbound(
                                null,
                                "Hopper-Murray",
                                null,
                                "Gracie",
                                "she/her",
                                null,
                                null,
                                "es"));

        assertEquals(
                new RegisterClient(
                        "Grace",
                        "Hopper",
                        LocalDate.of(1986, 12, 9),
                        null,
                        null,
                        "+1 555 0142",
                        "grace@example.org",
                        "en"),
                as);
        assertEquals(
                new RegisterClient(
                        "Grace",
                        "Hopper-Murray",
                        LocalDate.of(1986, 12, 9),
                        "Gracie",
                        "she/her",
                        "+1 555 0142",
                        "grace@example.org",
                        "es"),
                corrected);
    }

    @Test
    void decliningAnOpenReferralKeepsTheReasonForThePartner() {
        InboundState state = given(RECEIVED);

        List<InboundEvent> events =
                InboundDecider.decline(state, " No openings for this service ", "intake1", NOW);

        assertEquals(
                List.of(
                        new InboundEvent.Declined(
                                INBOUND, "No openings for this service", NOW, "intake1")),
                events);
    }

    @Test
    void anAcceptedReferralIsNeitherAcceptedNorDeclinedAgain() {
        InboundState state =
                given(RECEIVED, new InboundEvent.Accepted(INBOUND, CLIENT, NOW, "intake1"));

        assertEquals(409, status(() -> InboundDecider.accept(state, CLIENT, "intake2", NOW)));
        assertEquals(409, status(() -> InboundDecider.decline(state, "x", "intake2", NOW)));
        assertEquals(409, status(() -> InboundDecider.registration(state, AcceptInbound.NONE)));
    }

    @Test
    void aDeclinedReferralIsNotAccepted() {
        InboundState state =
                given(RECEIVED, new InboundEvent.Declined(INBOUND, "No", NOW, "intake1"));

        assertEquals(409, status(() -> InboundDecider.accept(state, CLIENT, "intake2", NOW)));
    }

    @Test
    void anUnknownReferralIsNotFound() {
        assertEquals(
                404,
                status(() -> InboundDecider.accept(InboundState.NONE, CLIENT, "intake1", NOW)));
        assertEquals(
                404, status(() -> InboundDecider.decline(InboundState.NONE, "x", "intake1", NOW)));
    }
}

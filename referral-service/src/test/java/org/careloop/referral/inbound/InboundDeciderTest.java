package org.careloop.referral.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.ProblemException;
import org.careloop.referral.referral.Urgency;
import org.junit.jupiter.api.Test;

class InboundDeciderTest {

    static final Instant NOW = Instant.parse("2026-12-15T09:00:00Z");
    static final Instant LATER = Instant.parse("2026-12-15T11:00:00Z");
    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final UUID INBOUND = UUID.fromString("b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6f");

    private final List<InboundEvent> history = new ArrayList<>();

    private static ReferInbound referral(LocalDate dateOfBirth) {
        return new ReferInbound(
                " Grace ",
                "Hopper",
                dateOfBirth,
                "+1 555 0142",
                "",
                "en",
                "Outpatient therapy",
                "Stabilised on sertraline; needs weekly therapy",
                Urgency.URGENT,
                " ");
    }

    private InboundState given(InboundEvent... events) {
        history.addAll(List.of(events));
        return InboundState.of(history);
    }

    private static InboundEvent.Received received() {
        return (InboundEvent.Received)
                InboundDecider.receive(
                                InboundState.NONE,
                                INBOUND,
                                "demo-psychiatry",
                                referral(LocalDate.of(1986, 12, 9)),
                                NOW,
                                ZONE)
                        .getFirst();
    }

    @Test
    void aPartnersReferralIsReceivedForThatPartnerWithItsTextTidied() {
        InboundEvent.Received received = received();

        assertEquals(INBOUND, received.inboundId());
        assertEquals("demo-psychiatry", received.partnerId());
        assertEquals("Grace", received.firstName());
        assertEquals(null, received.email());
        assertEquals(null, received.partnerReference());
        assertEquals(Urgency.URGENT, received.urgency());
        assertEquals(NOW, received.at());
        assertEquals(InboundStatus.RECEIVED, given(received).status());
    }

    @Test
    void aDateOfBirthIntakeCouldNotRegisterIsRefusedNamingTheField() {
        InvalidCommand future =
                assertThrows(
                        InvalidCommand.class,
                        () ->
                                InboundDecider.receive(
                                        InboundState.NONE,
                                        INBOUND,
                                        "demo-psychiatry",
                                        referral(LocalDate.of(2027, 1, 1)),
                                        NOW,
                                        ZONE));
        assertEquals("dateOfBirth", future.problem().errors().getFirst().field());
        assertThrows(
                InvalidCommand.class,
                () ->
                        InboundDecider.receive(
                                InboundState.NONE,
                                INBOUND,
                                "demo-psychiatry",
                                referral(LocalDate.of(1899, 12, 31)),
                                NOW,
                                ZONE));
    }

    @Test
    void aReferralIsReceivedOnlyOnce() {
        InboundState state = given(received());

        ProblemException refused =
                assertThrows(
                        ProblemException.class,
                        () ->
                                InboundDecider.receive(
                                        state,
                                        INBOUND,
                                        "demo-psychiatry",
                                        referral(LocalDate.of(1986, 12, 9)),
                                        NOW,
                                        ZONE));
        assertEquals(409, refused.problem().status());
    }

    @Test
    void intakeAcceptingAReceivedReferralAcceptsIt() {
        InboundState state = given(received());

        List<InboundEvent> events = InboundDecider.accepted(state, LATER, "intake1");

        assertEquals(List.of(new InboundEvent.Accepted(INBOUND, LATER, "intake1")), events);
        assertEquals(InboundStatus.ACCEPTED, given(events.toArray(InboundEvent[]::new)).status());
    }

    @Test
    void intakeDecliningAReceivedReferralDeclinesItWithTheReason() {
        InboundState state = given(received());

        List<InboundEvent> events =
                InboundDecider.declined(state, "Not a service we offer", LATER, "intake1");

        assertEquals(
                List.of(
                        new InboundEvent.Declined(
                                INBOUND, "Not a service we offer", LATER, "intake1")),
                events);
    }

    @Test
    void theSameAnswerAgainOrALateOtherAnswerChangesNothing() {
        InboundState accepted = given(received(), new InboundEvent.Accepted(INBOUND, LATER, "i"));

        assertEquals(List.of(), InboundDecider.accepted(accepted, LATER, "intake1"));
        assertEquals(List.of(), InboundDecider.declined(accepted, "x", LATER, "intake1"));
    }

    @Test
    void anAnswerAboutAReferralThisServiceDoesNotKnowChangesNothing() {
        assertEquals(List.of(), InboundDecider.accepted(InboundState.NONE, LATER, "intake1"));
        assertEquals(List.of(), InboundDecider.declined(InboundState.NONE, "x", LATER, "intake1"));
    }
}

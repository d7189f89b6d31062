package org.careloop.intake.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.consent.ConsentKind;
import org.careloop.platform.consent.Purpose;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.problem.Refused;
import org.junit.jupiter.api.Test;

/** Recording and revoking a consent, and every way it is refused. */
class ConsentDeciderTest {

    static final ZoneId CLINIC = ZoneId.of("America/New_York");
    // 01:00 UTC on 3 December is still 2 December at the clinic.
    static final Instant NOW = Instant.parse("2026-12-03T01:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    static final UUID CLIENT = UUID.randomUUID();
    static final UUID CONSENT = UUID.randomUUID();
    static final String PAYER = "payer:aetna-oh";

    static RecordConsent disclosure(LocalDate effectiveOn, LocalDate expiresOn) {
        return new RecordConsent(
                ConsentKind.DISCLOSURE,
                PAYER,
                List.of(Purpose.PAYMENT, Purpose.HEALTH_CARE_OPERATIONS),
                true,
                effectiveOn,
                expiresOn);
    }

    static List<ConsentEvent> record(RecordConsent command) {
        return ConsentDecider.record(CONSENT, CLIENT, command, "intake1", NOW, CLINIC);
    }

    static String refusedField(RecordConsent command) {
        InvalidCommand refused = assertThrows(InvalidCommand.class, () -> record(command));
        return refused.problem().errors().get(0).field();
    }

    @Test
    void aDisclosureConsentIsRecordedFromTodayWhenNoEffectiveDateIsGiven() {
        List<ConsentEvent> events = record(disclosure(null, TODAY.plusYears(1)));

        assertEquals(
                List.of(
                        new ConsentEvent.Recorded(
                                CONSENT,
                                CLIENT,
                                ConsentKind.DISCLOSURE,
                                PAYER,
                                List.of(Purpose.PAYMENT, Purpose.HEALTH_CARE_OPERATIONS),
                                true,
                                TODAY,
                                TODAY.plusYears(1),
                                NOW,
                                "intake1")),
                events);
    }

    @Test
    void aTelehealthConsentNamesNoRecipientAndNeedsNoExpiry() {
        List<ConsentEvent> events =
                record(
                        new RecordConsent(
                                ConsentKind.TELEHEALTH, " ", null, null, TODAY.minusDays(3), null));

        ConsentEvent.Recorded recorded = (ConsentEvent.Recorded) events.get(0);
        assertEquals(null, recorded.recipient());
        assertEquals(List.of(), recorded.purposes());
        assertEquals(false, recorded.coversPart2());
        assertEquals(TODAY.minusDays(3), recorded.effectiveOn());
    }

    @Test
    void aDisclosureConsentWithoutARecipientIsRefused() {
        assertEquals(
                "recipient",
                refusedField(
                        new RecordConsent(
                                ConsentKind.DISCLOSURE,
                                null,
                                List.of(Purpose.PAYMENT),
                                false,
                                null,
                                null)));
    }

    @Test
    void aDisclosureConsentWithoutAPurposeIsRefused() {
        assertEquals(
                "purposes",
                refusedField(
                        new RecordConsent(
                                ConsentKind.DISCLOSURE, PAYER, List.of(), false, null, null)));
        assertEquals(
                "purposes",
                refusedField(
                        new RecordConsent(ConsentKind.DISCLOSURE, PAYER, null, false, null, null)));
    }

    @Test
    void aPurposeNamedTwiceIsRefusedAtItsSecondPlace() {
        assertEquals(
                "purposes[1]",
                refusedField(
                        new RecordConsent(
                                ConsentKind.DISCLOSURE,
                                PAYER,
                                List.of(Purpose.PAYMENT, Purpose.PAYMENT),
                                false,
                                null,
                                null)));
    }

    @Test
    void aTreatmentConsentNamingARecipientPurposesOrPart2IsRefused() {
        assertEquals(
                "recipient",
                refusedField(
                        new RecordConsent(ConsentKind.TREATMENT, PAYER, null, null, null, null)));
        assertEquals(
                "purposes",
                refusedField(
                        new RecordConsent(
                                ConsentKind.TELEHEALTH,
                                null,
                                List.of(Purpose.TREATMENT),
                                null,
                                null,
                                null)));
        assertEquals(
                "coversPart2",
                refusedField(
                        new RecordConsent(ConsentKind.TREATMENT, null, null, true, null, null)));
    }

    @Test
    void anExpiryMustFollowTheEffectiveDate() {
        assertEquals("expiresOn", refusedField(disclosure(TODAY.plusDays(5), TODAY.plusDays(5))));
        assertEquals("expiresOn", refusedField(disclosure(TODAY.plusDays(5), TODAY.plusDays(4))));
        record(disclosure(TODAY.plusDays(5), TODAY.plusDays(6)));
    }

    @Test
    void anExpiryMustNotBeTodayOrInThePast() {
        assertEquals(
                "expiresOn", refusedField(disclosure(TODAY.minusMonths(2), TODAY.minusDays(1))));
        assertEquals("expiresOn", refusedField(disclosure(TODAY.minusMonths(2), TODAY)));
        record(disclosure(TODAY.minusMonths(2), TODAY.plusDays(1)));
    }

    @Test
    void aRecordedConsentIsRevokedWithTheReasonGiven() {
        List<ConsentEvent> history = record(disclosure(null, null));

        List<ConsentEvent> events =
                ConsentDecider.revoke(
                        CONSENT,
                        CLIENT,
                        history,
                        new RevokeConsent("  Client withdrew consent by phone "),
                        "supervisor1",
                        NOW.plusSeconds(60));

        assertEquals(
                List.of(
                        new ConsentEvent.Revoked(
                                CONSENT,
                                CLIENT,
                                "Client withdrew consent by phone",
                                NOW.plusSeconds(60),
                                "supervisor1")),
                events);
    }

    @Test
    void revokingTwiceIsAConflict() {
        List<ConsentEvent> history = new java.util.ArrayList<>(record(disclosure(null, null)));
        history.addAll(
                ConsentDecider.revoke(
                        CONSENT, CLIENT, history, new RevokeConsent("first"), "intake1", NOW));

        Refused refused =
                assertThrows(
                        Refused.class,
                        () ->
                                ConsentDecider.revoke(
                                        CONSENT,
                                        CLIENT,
                                        history,
                                        new RevokeConsent("second"),
                                        "intake1",
                                        NOW));

        assertEquals(409, refused.problem().status());
    }

    @Test
    void aConsentThatDoesNotExistOrIsAnotherClientsIsNotFound() {
        ProblemException none =
                assertThrows(
                        ProblemException.class,
                        () ->
                                ConsentDecider.revoke(
                                        CONSENT,
                                        CLIENT,
                                        List.of(),
                                        new RevokeConsent("x"),
                                        "intake1",
                                        NOW));
        assertEquals(404, none.problem().status());

        List<ConsentEvent> history = record(disclosure(null, null));
        ProblemException other =
                assertThrows(
                        ProblemException.class,
                        () ->
                                ConsentDecider.revoke(
                                        CONSENT,
                                        UUID.randomUUID(),
                                        history,
                                        new RevokeConsent("x"),
                                        "intake1",
                                        NOW));
        assertEquals(404, other.problem().status());
    }
}

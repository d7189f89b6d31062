package org.careloop.platform.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.careloop.platform.consent.ConsentCheck.Permitted;
import org.careloop.platform.consent.ConsentCheck.Refused;
import org.junit.jupiter.api.Test;

/** Which consent permits a disclosure, on every boundary. */
class ConsentCheckTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    static final String PAYER = "payer:aetna-oh";

    static ClientConsent disclosure(
            String recipient,
            Set<Purpose> purposes,
            boolean part2,
            LocalDate effectiveOn,
            LocalDate expiresOn,
            boolean revoked) {
        return new ClientConsent(
                UUID.randomUUID(),
                ConsentKind.DISCLOSURE,
                recipient,
                purposes,
                part2,
                effectiveOn,
                expiresOn,
                revoked);
    }

    static ClientConsent toPayer(LocalDate expiresOn) {
        return disclosure(
                PAYER, Set.of(Purpose.PAYMENT), true, TODAY.minusMonths(1), expiresOn, false);
    }

    static ConsentCheck.Verdict check(ClientConsent... consents) {
        return ConsentCheck.check(List.of(consents), PAYER, Purpose.PAYMENT, true, TODAY);
    }

    @Test
    void anActiveConsentForTheRecipientPurposeAndPart2PermitsTheDisclosure() {
        ClientConsent consent = toPayer(TODAY.plusYears(1));

        Permitted permitted = assertInstanceOf(Permitted.class, check(consent));

        assertEquals(consent, permitted.consent());
    }

    @Test
    void aConsentIsInForceUpToTheDayBeforeItsExpiry() {
        assertInstanceOf(Permitted.class, check(toPayer(TODAY.plusDays(1))));
        Refused onExpiry = assertInstanceOf(Refused.class, check(toPayer(TODAY)));
        assertTrue(onExpiry.reason().contains("expired on " + TODAY), onExpiry.reason());
        assertInstanceOf(Refused.class, check(toPayer(TODAY.minusDays(1))));
    }

    @Test
    void aConsentIsInForceFromItsEffectiveDay() {
        ClientConsent fromToday =
                disclosure(PAYER, Set.of(Purpose.PAYMENT), true, TODAY, null, false);
        ClientConsent fromTomorrow =
                disclosure(PAYER, Set.of(Purpose.PAYMENT), true, TODAY.plusDays(1), null, false);

        assertInstanceOf(Permitted.class, check(fromToday));
        Refused refused = assertInstanceOf(Refused.class, check(fromTomorrow));
        assertTrue(refused.reason().contains("takes effect on " + TODAY.plusDays(1)));
    }

    @Test
    void aRevokedConsentPermitsNothing() {
        ClientConsent revoked =
                disclosure(PAYER, Set.of(Purpose.PAYMENT), true, TODAY.minusDays(10), null, true);

        Refused refused = assertInstanceOf(Refused.class, check(revoked));

        assertEquals(
                "no active DISCLOSURE consent for recipient payer:aetna-oh covering PAYMENT and"
                        + " Part 2 (consent "
                        + revoked.consentId()
                        + " was revoked)",
                refused.reason());
    }

    @Test
    void aConsentForAnotherRecipientDoesNotCount() {
        ClientConsent other =
                disclosure(
                        "partner:harbor-house",
                        Set.of(Purpose.PAYMENT),
                        true,
                        TODAY.minusDays(1),
                        null,
                        false);

        Refused refused = assertInstanceOf(Refused.class, check(other));

        assertEquals(
                "no active DISCLOSURE consent for recipient payer:aetna-oh covering PAYMENT and"
                        + " Part 2",
                refused.reason());
    }

    @Test
    void aConsentWithoutThePurposeDoesNotPermitIt() {
        ClientConsent treatmentOnly =
                disclosure(PAYER, Set.of(Purpose.TREATMENT), true, TODAY, null, false);

        Refused refused = assertInstanceOf(Refused.class, check(treatmentOnly));

        assertTrue(refused.reason().contains("does not cover PAYMENT"), refused.reason());
    }

    @Test
    void aPart2RecordNeedsAConsentCoveringPart2() {
        ClientConsent notPart2 =
                disclosure(PAYER, Set.of(Purpose.PAYMENT), false, TODAY, null, false);

        Refused refused = assertInstanceOf(Refused.class, check(notPart2));
        assertTrue(refused.reason().contains("does not cover Part 2 records"), refused.reason());
        assertInstanceOf(
                Permitted.class,
                ConsentCheck.check(List.of(notPart2), PAYER, Purpose.PAYMENT, false, TODAY));
    }

    @Test
    void consentsToTreatmentOrTelehealthPermitNoDisclosure() {
        ClientConsent treatment =
                new ClientConsent(
                        UUID.randomUUID(),
                        ConsentKind.TREATMENT,
                        PAYER,
                        Set.of(Purpose.PAYMENT),
                        true,
                        TODAY,
                        null,
                        false);

        assertInstanceOf(Refused.class, check(treatment));
        assertInstanceOf(Refused.class, check());
    }

    @Test
    void ofSeveralPermittingConsentsTheOneInForceLongestIsNamed() {
        ClientConsent shortOne = toPayer(TODAY.plusDays(5));
        ClientConsent open = toPayer(null);
        ClientConsent revoked = disclosure(PAYER, Set.of(Purpose.PAYMENT), true, TODAY, null, true);

        Permitted permitted = assertInstanceOf(Permitted.class, check(shortOne, revoked, open));

        assertEquals(open, permitted.consent());
    }

    @Test
    void statusFollowsTheClock() {
        ClientConsent consent = toPayer(TODAY.plusDays(1));

        assertEquals(ConsentStatus.PENDING, consent.status(TODAY.minusMonths(2)));
        assertEquals(ConsentStatus.ACTIVE, consent.status(TODAY));
        assertEquals(ConsentStatus.EXPIRED, consent.status(TODAY.plusDays(1)));
        assertEquals(
                ConsentStatus.REVOKED,
                disclosure(PAYER, Set.of(), false, TODAY, null, true).status(TODAY));
    }
}

package org.careloop.platform.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.careloop.contracts.intake.ConsentRecorded;
import org.careloop.contracts.intake.ConsentRevoked;
import org.junit.jupiter.api.Test;

/** The registry's row as intake's events make it, and the consent it hands to the check. */
class KnownConsentTest {

    static final UUID CLIENT = UUID.randomUUID();
    static final UUID CONSENT = UUID.randomUUID();
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    static ConsentRecorded recorded(String kind, List<String> purposes) {
        return new ConsentRecorded(
                CLIENT,
                CONSENT,
                kind,
                "payer:aetna-oh",
                purposes,
                true,
                TODAY,
                TODAY.plusYears(1),
                Instant.parse("2026-12-02T15:00:00Z"),
                "intake1");
    }

    @Test
    void aRecordedConsentReachesTheCheckAsRecorded() {
        KnownConsent row = KnownConsent.recorded(recorded("DISCLOSURE", List.of("PAYMENT")));

        assertEquals(
                new ClientConsent(
                        CONSENT,
                        ConsentKind.DISCLOSURE,
                        "payer:aetna-oh",
                        Set.of(Purpose.PAYMENT),
                        true,
                        TODAY,
                        TODAY.plusYears(1),
                        false),
                row.toClientConsent().orElseThrow());
    }

    @Test
    void aRevocationIsKeptOnceAndMakesTheConsentRevoked() {
        KnownConsent row = KnownConsent.recorded(recorded("DISCLOSURE", List.of("PAYMENT")));
        Instant first = Instant.parse("2026-12-03T10:00:00Z");

        row.revoke(new ConsentRevoked(CLIENT, CONSENT, "asked", first, "intake1"));
        row.revoke(
                new ConsentRevoked(CLIENT, CONSENT, "again", first.plusSeconds(60), "supervisor1"));

        assertEquals(first, row.revokedAt);
        assertEquals("asked", row.revocationReason);
        assertEquals(ConsentStatus.REVOKED, row.toClientConsent().orElseThrow().status(TODAY));
    }

    @Test
    void valuesANewerIntakeMayAddPermitNothingHere() {
        assertTrue(
                KnownConsent.recorded(recorded("RESEARCH", List.of("PAYMENT")))
                        .toClientConsent()
                        .isEmpty());
        assertEquals(
                Set.of(Purpose.PAYMENT),
                KnownConsent.recorded(recorded("DISCLOSURE", List.of("RESEARCH", "PAYMENT")))
                        .toClientConsent()
                        .orElseThrow()
                        .purposes());
    }
}

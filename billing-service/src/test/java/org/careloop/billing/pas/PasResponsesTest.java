package org.careloop.billing.pas;

import static org.careloop.billing.pas.PasResponses.CERTIFIED;
import static org.careloop.billing.pas.PasResponses.CERTIFIED_IN_PART;
import static org.careloop.billing.pas.PasResponses.MODIFIED;
import static org.careloop.billing.pas.PasResponses.NOT_CERTIFIED;
import static org.careloop.billing.pas.PasResponses.PENDED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.careloop.billing.pas.PayerAnswer.Decided;
import org.careloop.billing.pas.PayerAnswer.Pended;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse.RemittanceOutcome;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a payer's ClaimResponse says, read the way billing acts on it. */
class PasResponsesTest {

    static final LocalDate START = LocalDate.of(2027, 1, 4);
    static final LocalDate END = LocalDate.of(2027, 3, 28);

    @Test
    void aResponseCertifyingEveryItemInTotalIsApprovedWithItsNumberServicesAndDates()
            throws UnreadableAnswer {
        Decided decided =
                decided(ClaimResponses.approved("PA-1001", "90837", 12, START, END).json());

        assertEquals(Outcome.APPROVED, decided.outcome());
        assertEquals("PA-1001", decided.authorizationNumber());
        assertEquals(List.of(new RequestedService("90837", 12)), decided.services());
        assertEquals(START, decided.startDate());
        assertEquals(END, decided.endDate());
        assertEquals("REF-PA-1001", decided.payerReference());
        assertEquals("Certified in total", decided.reason());
    }

    @Test
    void aBundleIsReadFromItsFirstClaimResponse() throws UnreadableAnswer {
        String answer =
                ClaimResponses.approved("PA-1002", "90837", 12, START, END)
                        .inBundle(new OperationOutcome(), new Patient());

        assertEquals(Outcome.APPROVED, decided(answer).outcome());

        Bundle bundle = Fhir.R4.newJsonParser().parseResource(Bundle.class, answer);
        bundle.addEntry().setResource(ClaimResponses.denied("a later answer").resource());
        String twoAnswers = Fhir.R4.newJsonParser().encodeResourceToString(bundle);
        assertEquals(Outcome.APPROVED, decided(twoAnswers).outcome());
    }

    @Test
    void anItemCertifiedInPartIsPartiallyApprovedForTheUnitsThePayerAuthorized()
            throws UnreadableAnswer {
        Decided decided =
                decided(
                        ClaimResponses.partiallyApproved(
                                        "PA-1003",
                                        "90837",
                                        6,
                                        START,
                                        END,
                                        "six sessions, then review")
                                .json());

        assertEquals(Outcome.PARTIALLY_APPROVED, decided.outcome());
        assertEquals(List.of(new RequestedService("90837", 6)), decided.services());
        assertEquals("six sessions, then review", decided.reason());
        assertEquals("PA-1003", decided.authorizationNumber());
    }

    @Test
    void aModifiedItemIsPartiallyApproved() throws UnreadableAnswer {
        Decided decided =
                decided(
                        ClaimResponses.complete()
                                .authorization("PA-1004", START, END)
                                .item(MODIFIED, "90834", 12, "45 minutes, not 60")
                                .json());

        assertEquals(Outcome.PARTIALLY_APPROVED, decided.outcome());
        assertEquals(List.of(new RequestedService("90834", 12)), decided.services());
    }

    @Test
    void oneItemCertifiedBesideOneNotCertifiedIsPartiallyApprovedForTheCertifiedOneOnly()
            throws UnreadableAnswer {
        Decided decided =
                decided(
                        ClaimResponses.complete()
                                .authorization("PA-1005", START, END)
                                .item(CERTIFIED, "90837", 12, null)
                                .item(NOT_CERTIFIED, null, null, "family therapy not covered")
                                .json());

        assertEquals(Outcome.PARTIALLY_APPROVED, decided.outcome());
        assertEquals(List.of(new RequestedService("90837", 12)), decided.services());
        assertEquals("family therapy not covered", decided.reason());
    }

    @Test
    void noItemCertifiedIsDeniedWithTheDispositionAsTheReason() throws UnreadableAnswer {
        Decided decided =
                decided(ClaimResponses.denied("not medically necessary at this level").json());

        assertEquals(Outcome.DENIED, decided.outcome());
        assertEquals(List.of(), decided.services());
        assertEquals("not medically necessary at this level", decided.reason());
        assertNull(decided.authorizationNumber());
        assertNull(decided.startDate());
    }

    @Test
    void withoutADispositionTheReviewActionsReasonIsTheReason() throws UnreadableAnswer {
        Decided decided =
                decided(
                        ClaimResponses.complete()
                                .item(NOT_CERTIFIED, null, null, "out of network")
                                .item(NOT_CERTIFIED, null, null, "second reason")
                                .json());

        assertEquals(Outcome.DENIED, decided.outcome());
        assertEquals("out of network", decided.reason());
    }

    @Test
    void anyPendedItemLeavesTheWholeRequestPended() throws UnreadableAnswer {
        PayerAnswer answer =
                PasResponses.read(
                        ClaimResponses.complete()
                                .authorization("PA-1006", START, END)
                                .payerReference("REF-77")
                                .item(CERTIFIED, "90837", 12, null)
                                .item(PENDED, null, null, "clinical records requested")
                                .json());

        Pended pended = assertInstanceOf(Pended.class, answer);
        assertEquals("clinical records requested", pended.reason());
        assertEquals("REF-77", pended.payerReference());
    }

    @Test
    void aPendedResponseIsPendedWithItsReasonAndReference() throws UnreadableAnswer {
        Pended pended =
                assertInstanceOf(
                        Pended.class,
                        PasResponses.read(ClaimResponses.pended("queued for a reviewer").json()));

        assertEquals("queued for a reviewer", pended.reason());
        assertEquals("REF-PENDED", pended.payerReference());
    }

    @Test
    void aQueuedOrPartialOutcomeWithoutAnyDecisionIsPended() throws UnreadableAnswer {
        for (RemittanceOutcome outcome :
                List.of(RemittanceOutcome.QUEUED, RemittanceOutcome.PARTIAL)) {
            PayerAnswer answer =
                    PasResponses.read(
                            ClaimResponses.withOutcome(outcome).payerReference("R").json());
            Pended pended = assertInstanceOf(Pended.class, answer, outcome.toCode());
            assertEquals("the payer has not decided yet", pended.reason());
            assertEquals("R", pended.payerReference());
        }
    }

    @Test
    void aReviewActionOnTheItemItselfIsReadAsWellAsOneOnItsAdjudication() throws UnreadableAnswer {
        Decided decided =
                decided(
                        ClaimResponses.complete()
                                .itemActedOnDirectly(CERTIFIED, "90837", 12, "ITEM-AUTH-9")
                                .itemPeriod(START, END)
                                .json());

        assertEquals(Outcome.APPROVED, decided.outcome());
        assertEquals("ITEM-AUTH-9", decided.authorizationNumber());
        assertEquals(START, decided.startDate());
        assertEquals(END, decided.endDate());
    }

    @Test
    void theApprovalSpansTheItemsOwnPeriodsWhenTheResponseGivesNone() throws UnreadableAnswer {
        Decided decided =
                decided(
                        ClaimResponses.complete()
                                .itemActedOnDirectly(CERTIFIED, "90837", 12, "A-1")
                                .itemPeriod(START.plusDays(7), END)
                                .itemActedOnDirectly(CERTIFIED, "90846", 4, "A-1")
                                .itemPeriod(START, END.minusDays(7))
                                .json());

        assertEquals(START, decided.startDate());
        assertEquals(END, decided.endDate());
    }

    @Test
    void aReviewActionForTheWholeRequestDecidesEveryItem() throws UnreadableAnswer {
        Decided denied =
                decided(
                        ClaimResponses.complete()
                                .overall(NOT_CERTIFIED, "member not eligible on these dates")
                                .json());
        assertEquals(Outcome.DENIED, denied.outcome());
        assertEquals("member not eligible on these dates", denied.reason());

        assertInstanceOf(
                Pended.class,
                PasResponses.read(ClaimResponses.complete().overall(PENDED, null).json()));
    }

    @Test
    void anItemCertifiedInTotalWithoutDetailIsApprovedAsRequestedByTheClaimInTheBundle()
            throws UnreadableAnswer {
        Bundle submission =
                Fhir.R4
                        .newJsonParser()
                        .parseResource(
                                Bundle.class,
                                PasBundles.submission(
                                        PasRequests.weeklyTherapy(Urgency.STANDARD),
                                        Instant.parse("2026-12-01T09:30:00Z")));
        Resource claim = submission.getEntryFirstRep().getResource();
        String answer =
                ClaimResponses.complete()
                        .authorization("PA-1007", START, END)
                        .item(CERTIFIED, null, null, null)
                        .item(CERTIFIED, null, null, null)
                        .inBundle(claim);

        assertEquals(
                List.of(new RequestedService("90837", 12), new RequestedService("90846", 4)),
                decided(answer).services());
    }

    @Test
    void anErrorOutcomeIsARejectionNamingThePayersErrors() {
        RejectedRequest rejected =
                assertThrows(
                        RejectedRequest.class,
                        () ->
                                PasResponses.read(
                                        ClaimResponses.withOutcome(RemittanceOutcome.ERROR)
                                                .error("75", "Subscriber/Insured not found")
                                                .json()));

        assertTrue(
                rejected.getMessage().contains("Subscriber/Insured not found"),
                rejected.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "<html>502 Bad Gateway</html>",
                "{\"resourceType\":\"ClaimResponse\"",
                "{\"resourceType\":\"NoSuchThing\"}",
                "[1,2,3]"
            })
    void anAnswerThatIsNotFhirJsonIsUnreadable(String body) {
        assertThrows(UnreadableAnswer.class, () -> PasResponses.read(body));
    }

    @Test
    void anAnswerOfAnotherKindIsUnreadableAndSaysWhatItWas() {
        unreadable(Fhir.R4.newJsonParser().encodeResourceToString(new Patient()), "Patient");
        unreadable(
                Fhir.R4
                        .newJsonParser()
                        .encodeResourceToString(
                                new Bundle()
                                        .setType(Bundle.BundleType.COLLECTION)
                                        .addEntry(
                                                new Bundle.BundleEntryComponent()
                                                        .setResource(new Patient()))),
                "without a ClaimResponse");
    }

    @Test
    void aDecisionThatCannotBeActedOnIsUnreadableAndSaysWhatIsMissing() {
        unreadable(ClaimResponses.complete().item("ZZ", "90837", 12, null).json(), "ZZ");
        unreadable(
                ClaimResponses.complete().item(CERTIFIED, "90837", 12, null).json(),
                "authorization number");
        unreadable(
                ClaimResponses.complete()
                        .authorization("PA-1", START, END)
                        .item(CERTIFIED_IN_PART, "90837", null, "fewer")
                        .json(),
                "how many units");
        unreadable(ClaimResponses.complete().disposition("done").json(), "no review action");
        unreadable(
                ClaimResponses.complete()
                        .authorization("PA-1", START, END)
                        .item(CERTIFIED, "90837", 12, null)
                        .json()
                        .replace("\"preAuthPeriod\"", "\"ignoredPeriod\""),
                "dates");
    }

    @Test
    void aFractionOfAUnitIsUnreadable() {
        String answer =
                ClaimResponses.approved("PA-1", "90837", 12, START, END)
                        .json()
                        .replace("\"value\":12", "\"value\":2.5");

        unreadable(answer, "2.5");
    }

    private static Decided decided(String json) throws UnreadableAnswer {
        return assertInstanceOf(Decided.class, PasResponses.read(json));
    }

    private static void unreadable(String json, String naming) {
        UnreadableAnswer unreadable =
                assertThrows(UnreadableAnswer.class, () -> PasResponses.read(json));
        assertTrue(
                unreadable.getMessage().contains(naming),
                "'" + unreadable.getMessage() + "' should name " + naming);
    }
}

package org.careloop.billing.pas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** PAS request bundles, read back with the FHIR parser as a payer would read them. */
class PasBundlesTest {

    static final Instant NOW = Instant.parse("2026-12-01T09:30:00Z");

    final PasRequest request = PasRequests.weeklyTherapy(Urgency.STANDARD);

    @Test
    void aSubmissionIsACollectionWhoseFirstEntryIsAnActiveProfessionalPreauthorizationClaim() {
        Bundle bundle = parse(PasBundles.submission(request, NOW));

        assertEquals(Bundle.BundleType.COLLECTION, bundle.getType());
        assertEquals(NOW, bundle.getTimestamp().toInstant());
        Claim claim = assertInstanceOf(Claim.class, bundle.getEntryFirstRep().getResource());
        assertEquals(Claim.Use.PREAUTHORIZATION, claim.getUse());
        assertEquals(Claim.ClaimStatus.ACTIVE, claim.getStatus());
        assertEquals("professional", claim.getType().getCodingFirstRep().getCode());
        assertEquals(NOW, claim.getCreated().toInstant());
    }

    @Test
    void anExpeditedRequestIsSentWithPriorityStatAndAStandardOneWithNormal() {
        Claim expedited =
                claim(PasBundles.submission(PasRequests.weeklyTherapy(Urgency.EXPEDITED), NOW));
        Claim standard = claim(PasBundles.submission(request, NOW));

        assertEquals("stat", expedited.getPriority().getCodingFirstRep().getCode());
        assertEquals("normal", standard.getPriority().getCodingFirstRep().getCode());
        assertEquals(
                PasBundles.PRIORITY_SYSTEM,
                expedited.getPriority().getCodingFirstRep().getSystem());
    }

    @Test
    void theClaimIsIdentifiedByTheAuthorizationSoAnInquiryCanNameIt() {
        Claim claim = claim(PasBundles.submission(request, NOW));

        assertEquals(1, claim.getIdentifier().size());
        Identifier identifier = claim.getIdentifierFirstRep();
        assertEquals("urn:careloop:authorization", identifier.getSystem());
        assertEquals(request.authorizationId().toString(), identifier.getValue());
    }

    @Test
    void everyServiceIsAnItemWithItsCptCodeUnitsAndTheRequestedDates() {
        Claim claim = claim(PasBundles.submission(request, NOW));

        assertEquals(2, claim.getItem().size());
        Claim.ItemComponent psychotherapy = claim.getItem().get(0);
        assertEquals(1, psychotherapy.getSequence());
        Coding cpt = psychotherapy.getProductOrService().getCodingFirstRep();
        assertEquals("http://www.ama-assn.org/go/cpt", cpt.getSystem());
        assertEquals("90837", cpt.getCode());
        assertEquals(0, BigDecimal.valueOf(12).compareTo(psychotherapy.getQuantity().getValue()));
        assertEquals(
                "2027-01-04", psychotherapy.getServicedPeriod().getStartElement().asStringValue());
        assertEquals(
                "2027-03-28", psychotherapy.getServicedPeriod().getEndElement().asStringValue());

        Claim.ItemComponent family = claim.getItem().get(1);
        assertEquals(2, family.getSequence());
        assertEquals("90846", family.getProductOrService().getCodingFirstRep().getCode());
        assertEquals(0, BigDecimal.valueOf(4).compareTo(family.getQuantity().getValue()));
    }

    @Test
    void theDiagnosesAreIcd10CmInTheirOrderAndEveryItemPointsAtThem() {
        Claim claim = claim(PasBundles.submission(request, NOW));

        assertEquals(2, claim.getDiagnosis().size());
        for (int i = 0; i < 2; i++) {
            Claim.DiagnosisComponent diagnosis = claim.getDiagnosis().get(i);
            Coding code = diagnosis.getDiagnosisCodeableConcept().getCodingFirstRep();
            assertEquals(i + 1, diagnosis.getSequence());
            assertEquals("http://hl7.org/fhir/sid/icd-10-cm", code.getSystem());
            assertEquals(request.diagnoses().get(i), code.getCode());
        }
        assertEquals(
                List.of(1, 2),
                claim.getItemFirstRep().getDiagnosisSequence().stream()
                        .map(sequence -> sequence.getValue())
                        .toList());
    }

    @Test
    void theJustificationTravelsAsSupportingInformation() {
        Claim claim = claim(PasBundles.submission(request, NOW));

        Claim.SupportingInformationComponent info = claim.getSupportingInfoFirstRep();
        assertEquals(
                request.justification(),
                assertInstanceOf(StringType.class, info.getValue()).getValue());
        assertEquals(1, claim.getItemFirstRep().getInformationSequence().getFirst().getValue());
    }

    @Test
    void theClaimsReferencesResolveToThePatientPayerPractitionerAndCoverageInTheBundle() {
        Bundle bundle = parse(PasBundles.submission(request, NOW));
        Claim claim = (Claim) bundle.getEntryFirstRep().getResource();

        Patient patient = entry(bundle, claim.getPatient().getReference(), Patient.class);
        assertEquals("Okafor", patient.getNameFirstRep().getFamily());
        assertEquals("Rhea", patient.getNameFirstRep().getGivenAsSingleString());
        assertEquals("1991-05-17", patient.getBirthDateElement().asStringValue());
        assertEquals("MBR-778812", patient.getIdentifierFirstRep().getValue());

        Organization payer = entry(bundle, claim.getInsurer().getReference(), Organization.class);
        assertEquals("60054", payer.getIdentifierFirstRep().getValue());
        assertEquals("Example Health Plan", payer.getName());

        Practitioner provider =
                entry(bundle, claim.getProvider().getReference(), Practitioner.class);
        assertEquals(
                "http://hl7.org/fhir/sid/us-npi", provider.getIdentifierFirstRep().getSystem());
        assertEquals("1245319599", provider.getIdentifierFirstRep().getValue());

        Coverage coverage =
                entry(
                        bundle,
                        claim.getInsuranceFirstRep().getCoverage().getReference(),
                        Coverage.class);
        assertTrue(claim.getInsuranceFirstRep().getFocal());
        assertEquals("MBR-778812", coverage.getSubscriberId());
        assertEquals("MBR-778812", coverage.getIdentifierFirstRep().getValue());
        assertEquals(claim.getPatient().getReference(), coverage.getBeneficiary().getReference());
        assertEquals(claim.getInsurer().getReference(), coverage.getPayorFirstRep().getReference());
    }

    @Test
    void theClientsOwnIdNeverLeavesTheClinic() {
        assertFalse(PasBundles.submission(request, NOW).contains(request.clientId().toString()));
        assertFalse(
                PasBundles.inquiry(request, "REF-1", NOW).contains(request.clientId().toString()));
    }

    @Test
    void theSameRequestAtTheSameMomentGivesTheSameBundle() {
        assertEquals(PasBundles.submission(request, NOW), PasBundles.submission(request, NOW));
        assertNotEquals(
                PasBundles.submission(request, NOW),
                PasBundles.submission(request, NOW.plusSeconds(60)));
    }

    @Test
    void anInquiryNamesTheSameClaimAndThePayersReferenceAssignedByThePayer() {
        Bundle bundle = parse(PasBundles.inquiry(request, "PAYER-REF-42", NOW));
        Claim inquiry = (Claim) bundle.getEntryFirstRep().getResource();
        Claim submitted = claim(PasBundles.submission(request, NOW));

        assertEquals(Claim.Use.PREAUTHORIZATION, inquiry.getUse());
        Identifier ours = inquiry.getIdentifier().get(0);
        assertTrue(ours.equalsDeep(submitted.getIdentifierFirstRep()));
        Identifier theirs = inquiry.getIdentifier().get(1);
        assertEquals("PAYER-REF-42", theirs.getValue());
        assertEquals(inquiry.getInsurer().getReference(), theirs.getAssigner().getReference());
        assertEquals(submitted.getPatient().getReference(), inquiry.getPatient().getReference());
        assertEquals(
                "90837",
                inquiry.getItemFirstRep().getProductOrService().getCodingFirstRep().getCode());
        assertNotEquals(
                parse(PasBundles.submission(request, NOW)).getIdentifier().getValue(),
                bundle.getIdentifier().getValue());
    }

    @Test
    void anInquiryBeforeThePayerGaveAReferenceNamesTheClaimByOursAlone() {
        Claim inquiry = claim(PasBundles.inquiry(request, null, NOW));

        assertEquals(1, inquiry.getIdentifier().size());
        assertEquals(
                request.authorizationId().toString(), inquiry.getIdentifierFirstRep().getValue());
    }

    @Test
    void aRequestWithoutServicesOrDiagnosesOrWithItsDatesReversedCannotBeMade() {
        assertThrows(
                IllegalArgumentException.class,
                () -> variant(List.of(), request.endDate(), request.diagnoses()));
        assertThrows(
                IllegalArgumentException.class,
                () -> variant(request.services(), request.endDate(), List.of()));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        variant(
                                request.services(),
                                request.startDate().minusDays(1),
                                request.diagnoses()));
        assertThrows(IllegalArgumentException.class, () -> new RequestedService("90837", 0));
    }

    @Test
    void aRequestWithoutJustificationCarriesNoSupportingInformation() {
        PasRequest bare =
                new PasRequest(
                        request.authorizationId(),
                        request.clientId(),
                        null,
                        request.lastName(),
                        request.dateOfBirth(),
                        request.memberId(),
                        request.payerId(),
                        request.payerName(),
                        request.providerNpi(),
                        null,
                        request.urgency(),
                        request.services(),
                        request.startDate(),
                        request.endDate(),
                        request.diagnoses(),
                        null);
        Claim claim = claim(PasBundles.submission(bare, NOW));

        assertFalse(claim.hasSupportingInfo());
        assertFalse(claim.getItemFirstRep().hasInformationSequence());
    }

    private PasRequest variant(
            List<RequestedService> services, LocalDate endDate, List<String> diagnoses) {
        return new PasRequest(
                request.authorizationId(),
                request.clientId(),
                request.firstName(),
                request.lastName(),
                request.dateOfBirth(),
                request.memberId(),
                request.payerId(),
                request.payerName(),
                request.providerNpi(),
                request.providerName(),
                request.urgency(),
                services,
                request.startDate(),
                endDate,
                diagnoses,
                request.justification());
    }

    private static Bundle parse(String json) {
        return Fhir.R4.newJsonParser().parseResource(Bundle.class, json);
    }

    private static Claim claim(String json) {
        return (Claim) parse(json).getEntryFirstRep().getResource();
    }

    private static <T extends Resource> T entry(Bundle bundle, String reference, Class<T> type) {
        return bundle.getEntry().stream()
                .filter(entry -> reference.equals(entry.getFullUrl()))
                .map(entry -> assertInstanceOf(type, entry.getResource()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(reference + " is not in the bundle"));
    }
}

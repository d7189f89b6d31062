package org.careloop.billing.pas;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.TimeZone;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * Da Vinci PAS request bundles for Claim/$submit and Claim/$inquire, as FHIR R4 JSON: a
 * preauthorization Claim first, then the Patient, payer Organization, Practitioner and Coverage it
 * refers to.
 */
public final class PasBundles {

    static final String AUTHORIZATION_SYSTEM = "urn:careloop:authorization";
    static final String PAYER_SYSTEM = "urn:careloop:payer";
    static final String NPI_SYSTEM = "http://hl7.org/fhir/sid/us-npi";
    static final String ICD_10_CM_SYSTEM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String CPT_SYSTEM = "http://www.ama-assn.org/go/cpt";
    static final String CLAIM_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/claim-type";
    static final String PRIORITY_SYSTEM = "http://terminology.hl7.org/CodeSystem/processpriority";
    static final String INFORMATION_CATEGORY_SYSTEM =
            "http://terminology.hl7.org/CodeSystem/claiminformationcategory";
    static final String IDENTIFIER_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0203";

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private PasBundles() {}

    /** The bundle that asks the payer to authorize the request. */
    public static String submission(PasRequest request, Instant now) {
        return Fhir.R4.newJsonParser().encodeResourceToString(bundle(request, null, now, "submit"));
    }

    /**
     * The bundle that asks the payer what became of an earlier submission, naming it by the same
     * Claim identifier and, once the payer gave one, by the payer's own reference.
     */
    public static String inquiry(PasRequest request, String payerClaimReference, Instant now) {
        return Fhir.R4
                .newJsonParser()
                .encodeResourceToString(bundle(request, payerClaimReference, now, "inquire"));
    }

    private static Bundle bundle(
            PasRequest request, String payerClaimReference, Instant now, String operation) {
        String patientUrl = fullUrl(request, "patient");
        String payerUrl = fullUrl(request, "payer");
        String providerUrl = fullUrl(request, "provider");
        String coverageUrl = fullUrl(request, "coverage");

        Claim claim =
                claim(
                        request,
                        payerClaimReference,
                        now,
                        patientUrl,
                        payerUrl,
                        providerUrl,
                        coverageUrl);

        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.COLLECTION);
        // One identifier per message, so a payer can tell a repeated inquiry from a retried one.
        bundle.setIdentifier(
                new Identifier()
                        .setSystem(AUTHORIZATION_SYSTEM + ":" + operation)
                        .setValue(
                                nameBased(request.authorizationId() + "|" + operation + "|" + now)
                                        .toString()));
        bundle.setTimestampElement(utc(now));
        add(bundle, fullUrl(request, "claim"), claim);
        add(bundle, patientUrl, patient(request));
        add(bundle, payerUrl, payer(request));
        add(bundle, providerUrl, practitioner(request));
        add(bundle, coverageUrl, coverage(request, patientUrl, payerUrl));
        return bundle;
    }

    private static Claim claim(
            PasRequest request,
            String payerClaimReference,
            Instant now,
            String patientUrl,
            String payerUrl,
            String providerUrl,
            String coverageUrl) {
        Claim claim = new Claim();
        claim.addIdentifier()
                .setSystem(AUTHORIZATION_SYSTEM)
                .setValue(request.authorizationId().toString());
        if (payerClaimReference != null && !payerClaimReference.isBlank()) {
            claim.addIdentifier()
                    .setValue(payerClaimReference)
                    .setAssigner(new Reference(payerUrl));
        }
        claim.setStatus(Claim.ClaimStatus.ACTIVE);
        claim.setType(concept(CLAIM_TYPE_SYSTEM, "professional", "Professional"));
        claim.setUse(Claim.Use.PREAUTHORIZATION);
        claim.setPatient(new Reference(patientUrl));
        claim.setCreatedElement(
                new DateTimeType(Date.from(now), TemporalPrecisionEnum.SECOND, UTC));
        claim.setInsurer(new Reference(payerUrl));
        claim.setProvider(new Reference(providerUrl));
        claim.setPriority(
                request.urgency() == Urgency.EXPEDITED
                        ? concept(PRIORITY_SYSTEM, "stat", "Immediate")
                        : concept(PRIORITY_SYSTEM, "normal", "Normal"));
        claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference(coverageUrl));
        claim.addCareTeam().setSequence(1).setProvider(new Reference(providerUrl));

        for (int i = 0; i < request.diagnoses().size(); i++) {
            claim.addDiagnosis()
                    .setSequence(i + 1)
                    .setDiagnosis(concept(ICD_10_CM_SYSTEM, request.diagnoses().get(i), null));
        }
        boolean justified = request.justification() != null && !request.justification().isBlank();
        if (justified) {
            claim.addSupportingInfo()
                    .setSequence(1)
                    .setCategory(concept(INFORMATION_CATEGORY_SYSTEM, "info", "Information"))
                    .setValue(new StringType(request.justification()));
        }
        Period period = period(request.startDate(), request.endDate());
        for (int i = 0; i < request.services().size(); i++) {
            RequestedService service = request.services().get(i);
            Claim.ItemComponent item =
                    claim.addItem()
                            .setSequence(i + 1)
                            .addCareTeamSequence(1)
                            .setProductOrService(concept(CPT_SYSTEM, service.cpt(), null))
                            .setQuantity(new Quantity(service.units()))
                            .setServiced(period.copy());
            for (int d = 0; d < request.diagnoses().size(); d++) {
                item.addDiagnosisSequence(d + 1);
            }
            if (justified) {
                item.addInformationSequence(1);
            }
        }
        return claim;
    }

    private static Patient patient(PasRequest request) {
        Patient patient = new Patient();
        patient.addIdentifier()
                .setType(concept(IDENTIFIER_TYPE_SYSTEM, "MB", "Member Number"))
                .setSystem(PAYER_SYSTEM + ":" + request.payerId() + ":member")
                .setValue(request.memberId());
        HumanName name = patient.addName().setFamily(request.lastName());
        if (request.firstName() != null && !request.firstName().isBlank()) {
            name.addGiven(request.firstName());
        }
        patient.setBirthDateElement(new DateType(request.dateOfBirth().toString()));
        // The request carries no gender; US Core asks for one, and unknown is the honest value.
        patient.setGender(AdministrativeGender.UNKNOWN);
        return patient;
    }

    private static Organization payer(PasRequest request) {
        Organization payer = new Organization();
        payer.addIdentifier().setSystem(PAYER_SYSTEM).setValue(request.payerId());
        payer.setName(request.payerName());
        payer.addType(
                concept("http://terminology.hl7.org/CodeSystem/organization-type", "pay", "Payer"));
        return payer;
    }

    private static Practitioner practitioner(PasRequest request) {
        Practitioner practitioner = new Practitioner();
        practitioner.addIdentifier().setSystem(NPI_SYSTEM).setValue(request.providerNpi());
        if (request.providerName() != null && !request.providerName().isBlank()) {
            practitioner.addName().setText(request.providerName());
        }
        return practitioner;
    }

    private static Coverage coverage(PasRequest request, String patientUrl, String payerUrl) {
        Coverage coverage = new Coverage();
        coverage.addIdentifier()
                .setType(concept(IDENTIFIER_TYPE_SYSTEM, "MB", "Member Number"))
                .setSystem(PAYER_SYSTEM + ":" + request.payerId() + ":member")
                .setValue(request.memberId());
        coverage.setStatus(Coverage.CoverageStatus.ACTIVE);
        coverage.setSubscriberId(request.memberId());
        coverage.setBeneficiary(new Reference(patientUrl));
        coverage.addPayor(new Reference(payerUrl));
        return coverage;
    }

    private static InstantType utc(Instant now) {
        return new InstantType(Date.from(now), TemporalPrecisionEnum.MILLI, UTC);
    }

    private static Period period(LocalDate start, LocalDate end) {
        return new Period()
                .setStartElement(new DateTimeType(start.toString()))
                .setEndElement(new DateTimeType(end.toString()));
    }

    private static CodeableConcept concept(String system, String code, String display) {
        CodeableConcept concept = new CodeableConcept();
        concept.addCoding().setSystem(system).setCode(code).setDisplay(display);
        return concept;
    }

    private static void add(Bundle bundle, String fullUrl, Resource resource) {
        bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
    }

    /**
     * Each resource's address inside the bundle, derived from the authorization so the same request
     * gives the same bundle, and never the client's own id.
     */
    private static String fullUrl(PasRequest request, String part) {
        return "urn:uuid:" + nameBased(request.authorizationId() + "|" + part);
    }

    private static UUID nameBased(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}

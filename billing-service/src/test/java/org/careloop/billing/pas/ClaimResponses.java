package org.careloop.billing.pas;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.ClaimResponse.RemittanceOutcome;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/** ClaimResponses as a PAS payer writes them, built with the FHIR model and sent as its JSON. */
final class ClaimResponses {

    static final String PAYER_REFERENCE_SYSTEM = "https://payer.example.org/prior-authorizations";
    static final String ADJUDICATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/adjudication";

    private final ClaimResponse response = new ClaimResponse();

    private ClaimResponses(RemittanceOutcome outcome) {
        response.setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE);
        response.setUse(ClaimResponse.Use.PREAUTHORIZATION);
        response.setType(
                concept("http://terminology.hl7.org/CodeSystem/claim-type", "professional"));
        response.setPatient(new Reference("Patient/member"));
        response.setInsurer(new Reference("Organization/payer"));
        response.setCreated(Date.from(Instant.parse("2026-12-01T10:00:00Z")));
        response.setOutcome(outcome);
    }

    /** A response that has decided; add items to say what. */
    static ClaimResponses complete() {
        return new ClaimResponses(RemittanceOutcome.COMPLETE);
    }

    static ClaimResponses withOutcome(RemittanceOutcome outcome) {
        return new ClaimResponses(outcome);
    }

    /** Every unit asked for, certified in total (A1). */
    static ClaimResponses approved(
            String authorizationNumber, String cpt, int units, LocalDate start, LocalDate end) {
        return complete()
                .authorization(authorizationNumber, start, end)
                .payerReference("REF-" + authorizationNumber)
                .disposition("Certified in total")
                .item(PasResponses.CERTIFIED, cpt, units, null);
    }

    /** Fewer units than asked for, certified in part (A2). */
    static ClaimResponses partiallyApproved(
            String authorizationNumber,
            String cpt,
            int units,
            LocalDate start,
            LocalDate end,
            String reason) {
        return complete()
                .authorization(authorizationNumber, start, end)
                .payerReference("REF-" + authorizationNumber)
                .item(PasResponses.CERTIFIED_IN_PART, cpt, units, reason);
    }

    /** Nothing certified (A3). */
    static ClaimResponses denied(String reason) {
        return complete()
                .payerReference("REF-DENIED")
                .disposition(reason)
                .item(PasResponses.NOT_CERTIFIED, null, null, reason);
    }

    /** Queued for review (A4). */
    static ClaimResponses pended(String reason) {
        return withOutcome(RemittanceOutcome.QUEUED)
                .payerReference("REF-PENDED")
                .disposition(reason)
                .item(PasResponses.PENDED, null, null, reason);
    }

    ClaimResponses authorization(String number, LocalDate start, LocalDate end) {
        response.setPreAuthRef(number);
        response.setPreAuthPeriod(period(start, end));
        return this;
    }

    ClaimResponses payerReference(String reference) {
        response.addIdentifier().setSystem(PAYER_REFERENCE_SYSTEM).setValue(reference);
        return this;
    }

    ClaimResponses disposition(String disposition) {
        response.setDisposition(disposition);
        return this;
    }

    /**
     * An item whose review action sits on its adjudication, as PAS 2 places it, with what was
     * authorized when {@code cpt} and {@code units} are given.
     */
    ClaimResponses item(String action, String cpt, Integer units, String reason) {
        ClaimResponse.ItemComponent item = nextItem();
        item.addAdjudication()
                .setCategory(concept(ADJUDICATION_SYSTEM, "submitted"))
                .addExtension(reviewAction(action, reason, null));
        if (cpt != null || units != null) {
            item.addExtension(authorizedDetail(cpt, units));
        }
        return this;
    }

    /** An item whose review action sits on the item itself, as earlier PAS versions placed it. */
    ClaimResponses itemActedOnDirectly(String action, String cpt, int units, String number) {
        nextItem()
                .addExtension(reviewAction(action, null, number))
                .addExtension(authorizedDetail(cpt, units));
        return this;
    }

    /** An item valid for its own period, beside or instead of the response's. */
    ClaimResponses itemPeriod(LocalDate start, LocalDate end) {
        response.getItem()
                .getLast()
                .addExtension(new Extension(PasResponses.ITEM_PRE_AUTH_PERIOD, period(start, end)));
        return this;
    }

    /** A review action for the whole request, on the response's own adjudication. */
    ClaimResponses overall(String action, String reason) {
        response.addAdjudication()
                .setCategory(concept(ADJUDICATION_SYSTEM, "submitted"))
                .addExtension(reviewAction(action, reason, null));
        return this;
    }

    ClaimResponses error(String code, String display) {
        response.addError()
                .setCode(
                        new CodeableConcept()
                                .addCoding(
                                        new Coding(
                                                "https://codesystem.x12.org/005010/901",
                                                code,
                                                display)));
        return this;
    }

    ClaimResponse resource() {
        return response;
    }

    String json() {
        return Fhir.R4.newJsonParser().encodeResourceToString(response);
    }

    /** This response in a Bundle after {@code before}, as a PAS response bundle may order it. */
    String inBundle(Resource... before) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        for (Resource resource : before) {
            bundle.addEntry().setResource(resource);
        }
        bundle.addEntry().setResource(response);
        return Fhir.R4.newJsonParser().encodeResourceToString(bundle);
    }

    private ClaimResponse.ItemComponent nextItem() {
        int sequence = response.getItem().size() + 1;
        return response.addItem().setItemSequence(sequence);
    }

    private static Extension reviewAction(String action, String reason, String number) {
        Extension reviewAction = new Extension(PasResponses.REVIEW_ACTION);
        reviewAction.addExtension(
                new Extension(
                        PasResponses.REVIEW_ACTION_CODE,
                        concept(PasResponses.X12_306_SYSTEM, action)));
        if (number != null) {
            reviewAction.addExtension(new Extension("number", new StringType(number)));
        }
        if (reason != null) {
            reviewAction.addExtension(
                    new Extension("reasonCode", new CodeableConcept().setText(reason)));
        }
        return reviewAction;
    }

    private static Extension authorizedDetail(String cpt, Integer units) {
        Extension detail = new Extension(PasResponses.AUTHORIZED_DETAIL);
        if (cpt != null) {
            detail.addExtension(
                    new Extension("productOrServiceCode", concept(PasBundles.CPT_SYSTEM, cpt)));
        }
        if (units != null) {
            detail.addExtension(new Extension("quantity", new Quantity(units)));
        }
        return detail;
    }

    private static Period period(LocalDate start, LocalDate end) {
        return new Period()
                .setStartElement(new DateTimeType(start.toString()))
                .setEndElement(new DateTimeType(end.toString()));
    }

    private static CodeableConcept concept(String system, String code) {
        CodeableConcept concept = new CodeableConcept();
        concept.addCoding().setSystem(system).setCode(code);
        return concept;
    }
}

package org.careloop.billing.pas;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;

/**
 * Reads a payer's Da Vinci PAS ClaimResponse, alone or as the first ClaimResponse of a Bundle, as a
 * {@link PayerAnswer}.
 *
 * <p>Each item's decision is its PAS review action ({@code extension-reviewAction}, on one of the
 * item's adjudications or on the item itself; an action on the response's own adjudication stands
 * for items without one), coded from X12 306: A1 certified in total, A2 certified in part, A3 not
 * certified, A4 pended, A6 modified. Any A4 makes the answer {@link PayerAnswer.Pended}; so does an
 * outcome of {@code queued} or {@code partial} with no review action at all. Otherwise all A1 is
 * {@link Outcome#APPROVED}, all A3 {@link Outcome#DENIED}, and any A2 or A6, or A1 beside A3,
 * {@link Outcome#PARTIALLY_APPROVED}.
 *
 * <p>An approved item's service and units are the {@code productOrServiceCode} and {@code quantity}
 * of its {@code extension-itemAuthorizedDetail}; adjudication amounts and values are not read. An
 * item certified in total (A1) without that detail is approved as requested, from the Claim of the
 * same item sequence when the answer is a Bundle that carries it; an item certified in part or
 * modified must say what was approved. The authorization number is {@code preAuthRef}, or else the
 * review action's {@code number}; the dates are {@code preAuthPeriod}, or else the span of the
 * approved items' {@code extension-itemPreAuthPeriod}. The reason is the {@code disposition}, or
 * else the first review action's {@code reasonCode} (or the adjudication's reason). The payer's
 * reference is the response's first identifier that is not CareLoop's own. An outcome of {@code
 * error} is a {@link RejectedRequest}.
 */
public final class PasResponses {

    static final String PAS = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/";
    static final String REVIEW_ACTION = PAS + "extension-reviewAction";
    static final String REVIEW_ACTION_CODE = PAS + "extension-reviewActionCode";
    static final String AUTHORIZED_DETAIL = PAS + "extension-itemAuthorizedDetail";
    static final String ITEM_PRE_AUTH_PERIOD = PAS + "extension-itemPreAuthPeriod";
    static final String X12_306_SYSTEM = "https://codesystem.x12.org/005010/306";

    static final String CERTIFIED = "A1";
    static final String CERTIFIED_IN_PART = "A2";
    static final String NOT_CERTIFIED = "A3";
    static final String PENDED = "A4";
    static final String MODIFIED = "A6";

    private static final Set<String> KNOWN_ACTIONS =
            Set.of(CERTIFIED, CERTIFIED_IN_PART, NOT_CERTIFIED, PENDED, MODIFIED);
    private static final int LONGEST_QUOTE = 200;

    private PasResponses() {}

    /** What the answer says; throws naming what is missing or wrong when it cannot be read. */
    public static PayerAnswer read(String json) throws UnreadableAnswer {
        if (json == null || json.isBlank()) {
            throw new UnreadableAnswer("the answer is empty");
        }
        IBaseResource resource;
        try {
            resource = Fhir.R4.newJsonParser().parseResource(json);
        } catch (RuntimeException e) {
            // The parser reports malformed input through several unchecked exceptions.
            throw new UnreadableAnswer(
                    "the answer is not FHIR R4 JSON: " + quote(e.getMessage()), e);
        }
        if (resource instanceof ClaimResponse response) {
            return answer(response, null);
        }
        if (resource instanceof Bundle bundle) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                if (entry.getResource() instanceof ClaimResponse response) {
                    return answer(response, bundle);
                }
            }
            throw new UnreadableAnswer("the answer is a Bundle without a ClaimResponse");
        }
        throw new UnreadableAnswer(
                "the answer is a " + resource.fhirType() + ", not a ClaimResponse");
    }

    private record Decision(
            int sequence,
            String action,
            String reason,
            String number,
            ClaimResponse.ItemComponent item) {}

    private static PayerAnswer answer(ClaimResponse response, Bundle bundle)
            throws UnreadableAnswer {
        if (response.hasUse() && response.getUse() != ClaimResponse.Use.PREAUTHORIZATION) {
            throw new UnreadableAnswer(
                    "the ClaimResponse answers a "
                            + response.getUse().toCode()
                            + ", not a preauthorization");
        }
        String payerReference = payerReference(response);
        if (response.getOutcome() == ClaimResponse.RemittanceOutcome.ERROR) {
            throw new RejectedRequest("the payer rejected the request: " + errors(response));
        }

        Extension overall = reviewAction(response.getAdjudication());
        List<Decision> decisions = new ArrayList<>();
        for (ClaimResponse.ItemComponent item : response.getItem()) {
            Extension action = reviewAction(item);
            if (action == null) {
                action = overall;
            }
            if (action == null) {
                continue;
            }
            decisions.add(decision(item.getItemSequence(), action, item));
        }
        if (decisions.isEmpty() && overall != null) {
            decisions.add(decision(0, overall, null));
        }
        if (decisions.isEmpty()) {
            ClaimResponse.RemittanceOutcome outcome = response.getOutcome();
            if (outcome == ClaimResponse.RemittanceOutcome.QUEUED
                    || outcome == ClaimResponse.RemittanceOutcome.PARTIAL) {
                return new PayerAnswer.Pended(
                        text(response.getDisposition(), "the payer has not decided yet"),
                        payerReference);
            }
            throw new UnreadableAnswer(
                    "the ClaimResponse carries no review action (extension-reviewAction) and is "
                            + "not queued");
        }
        if (decisions.size() < response.getItem().size()) {
            throw new UnreadableAnswer(
                    "item "
                            + response.getItem().stream()
                                    .filter(item -> reviewAction(item) == null)
                                    .findFirst()
                                    .map(ClaimResponse.ItemComponent::getItemSequence)
                                    .orElse(0)
                            + " carries no review action, while others do");
        }

        String firstReason =
                decisions.stream()
                        .map(Decision::reason)
                        .filter(reason -> reason != null)
                        .findFirst()
                        .orElse(null);
        String reason = text(response.getDisposition(), firstReason);
        if (decisions.stream().anyMatch(decision -> decision.action().equals(PENDED))) {
            return new PayerAnswer.Pended(text(reason, "pended for review"), payerReference);
        }

        Outcome outcome = outcome(decisions);
        List<RequestedService> services = new ArrayList<>();
        LocalDate itemsStart = null;
        LocalDate itemsEnd = null;
        String firstNumber = null;
        for (Decision decision : decisions) {
            if (decision.action().equals(NOT_CERTIFIED)) {
                continue;
            }
            if (decision.item() == null) {
                throw new UnreadableAnswer(
                        "the ClaimResponse certifies ("
                                + decision.action()
                                + ") without naming any item");
            }
            services.add(service(decision, bundle));
            if (firstNumber == null) {
                firstNumber = decision.number();
            }
            Period itemPeriod = periodOf(extension(decision.item(), ITEM_PRE_AUTH_PERIOD));
            if (itemPeriod != null) {
                LocalDate start = date(itemPeriod.getStartElement(), "an item's start date");
                LocalDate end = date(itemPeriod.getEndElement(), "an item's end date");
                if (start != null && (itemsStart == null || start.isBefore(itemsStart))) {
                    itemsStart = start;
                }
                if (end != null && (itemsEnd == null || end.isAfter(itemsEnd))) {
                    itemsEnd = end;
                }
            }
        }

        String authorizationNumber = text(response.getPreAuthRef(), firstNumber);
        LocalDate start = itemsStart;
        LocalDate end = itemsEnd;
        if (response.hasPreAuthPeriod()) {
            start = date(response.getPreAuthPeriod().getStartElement(), "the start date");
            end = date(response.getPreAuthPeriod().getEndElement(), "the end date");
        }
        if (outcome != Outcome.DENIED) {
            if (authorizationNumber == null) {
                throw new UnreadableAnswer(
                        "an approval without an authorization number (preAuthRef)");
            }
            if (start == null || end == null) {
                throw new UnreadableAnswer(
                        "an approval without the dates it covers (preAuthPeriod start and end)");
            }
            if (end.isBefore(start)) {
                throw new UnreadableAnswer(
                        "an approval that ends (" + end + ") before it starts (" + start + ")");
            }
        }
        return new PayerAnswer.Decided(
                outcome, authorizationNumber, services, start, end, reason, payerReference);
    }

    private static Outcome outcome(List<Decision> decisions) {
        Set<String> actions = decisions.stream().map(Decision::action).collect(Collectors.toSet());
        if (actions.equals(Set.of(CERTIFIED))) {
            return Outcome.APPROVED;
        }
        if (actions.equals(Set.of(NOT_CERTIFIED))) {
            return Outcome.DENIED;
        }
        return Outcome.PARTIALLY_APPROVED;
    }

    private static Decision decision(
            int sequence, Extension action, ClaimResponse.ItemComponent item)
            throws UnreadableAnswer {
        Extension codeExtension = extension(action, REVIEW_ACTION_CODE);
        if (codeExtension == null) {
            codeExtension = extension(action, "code");
        }
        String code = codeExtension == null ? null : code(codeExtension.getValue());
        String where = item == null ? "the response" : "item " + sequence;
        if (code == null) {
            throw new UnreadableAnswer(where + " has a review action without a code");
        }
        if (!KNOWN_ACTIONS.contains(code)) {
            throw new UnreadableAnswer(
                    where
                            + " has review action "
                            + quote(code)
                            + ", which is none of A1, A2, A3, A4, A6");
        }
        String reason = text(extension(action, "reasonCode"));
        if (reason == null && item != null) {
            reason =
                    item.getAdjudication().stream()
                            .filter(ClaimResponse.AdjudicationComponent::hasReason)
                            .map(adjudication -> text(adjudication.getReason()))
                            .filter(text -> text != null)
                            .findFirst()
                            .orElse(null);
        }
        Extension number = extension(action, "number");
        return new Decision(
                sequence, code, reason, number == null ? null : primitive(number.getValue()), item);
    }

    private static RequestedService service(Decision decision, Bundle bundle)
            throws UnreadableAnswer {
        Extension detail = extension(decision.item(), AUTHORIZED_DETAIL);
        String cpt = null;
        BigDecimal units = null;
        if (detail != null) {
            Extension product = extension(detail, "productOrServiceCode");
            cpt = product == null ? null : code(product.getValue());
            Extension quantity = extension(detail, "quantity");
            if (quantity != null && quantity.getValue() instanceof Quantity value) {
                units = value.getValue();
            }
        }
        Claim.ItemComponent requested = requestedItem(bundle, decision.sequence());
        if (cpt == null && requested != null) {
            cpt = code(requested.getProductOrService());
        }
        if (units == null && decision.action().equals(CERTIFIED) && requested != null) {
            units = requested.getQuantity().getValue();
        }
        String where = "item " + decision.sequence() + " (" + decision.action() + ")";
        if (cpt == null || units == null) {
            throw new UnreadableAnswer(
                    where
                            + " does not say which service and how many units it approves "
                            + "(extension-itemAuthorizedDetail)");
        }
        int whole;
        try {
            whole = units.intValueExact();
        } catch (ArithmeticException e) {
            throw new UnreadableAnswer(
                    where + " approves " + units.toPlainString() + " units, not a whole number");
        }
        if (whole < 1) {
            throw new UnreadableAnswer(where + " approves " + whole + " units");
        }
        return new RequestedService(cpt, whole);
    }

    /** The Claim item of this sequence, when the answer is a Bundle that carries the Claim. */
    private static Claim.ItemComponent requestedItem(Bundle bundle, int sequence) {
        if (bundle == null) {
            return null;
        }
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof Claim claim) {
                for (Claim.ItemComponent item : claim.getItem()) {
                    if (item.getSequence() == sequence && item.hasQuantity()) {
                        return item;
                    }
                }
            }
        }
        return null;
    }

    private static Extension reviewAction(ClaimResponse.ItemComponent item) {
        Extension onAdjudication = reviewAction(item.getAdjudication());
        return onAdjudication != null ? onAdjudication : extension(item, REVIEW_ACTION);
    }

    private static Extension reviewAction(List<ClaimResponse.AdjudicationComponent> adjudications) {
        for (ClaimResponse.AdjudicationComponent adjudication : adjudications) {
            Extension action = extension(adjudication, REVIEW_ACTION);
            if (action != null) {
                return action;
            }
        }
        return null;
    }

    private static String payerReference(ClaimResponse response) {
        for (Identifier identifier : response.getIdentifier()) {
            if (identifier.hasValue()
                    && !PasBundles.AUTHORIZATION_SYSTEM.equals(identifier.getSystem())) {
                return identifier.getValue();
            }
        }
        return null;
    }

    private static String errors(ClaimResponse response) {
        List<String> errors = new ArrayList<>();
        for (ClaimResponse.ErrorComponent error : response.getError()) {
            String text = text(error.getCode());
            if (text != null) {
                errors.add(text);
            }
        }
        if (errors.isEmpty()) {
            return text(response.getDisposition(), "no reason given");
        }
        return quote(String.join("; ", errors));
    }

    /** The first extension with this URL (the FHIR model's own lookup throws on a repeat). */
    private static Extension extension(Element element, String url) {
        for (Extension extension : element.getExtension()) {
            if (url.equals(extension.getUrl())) {
                return extension;
            }
        }
        return null;
    }

    private static Period periodOf(Extension extension) {
        return extension != null && extension.getValue() instanceof Period period ? period : null;
    }

    private static LocalDate date(DateTimeType value, String what) throws UnreadableAnswer {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.getPrecision().ordinal() < TemporalPrecisionEnum.DAY.ordinal()) {
            throw new UnreadableAnswer(
                    what + " " + quote(value.getValueAsString()) + " is not a full date");
        }
        return LocalDate.of(value.getYear(), value.getMonth() + 1, value.getDay());
    }

    private static String code(Type value) {
        if (value instanceof CodeableConcept concept) {
            return code(concept);
        }
        if (value instanceof Coding coding) {
            return blankToNull(coding.getCode());
        }
        return primitive(value);
    }

    private static String code(CodeableConcept concept) {
        for (Coding coding : concept.getCoding()) {
            if (PasBundles.CPT_SYSTEM.equals(coding.getSystem()) && coding.hasCode()) {
                return coding.getCode();
            }
        }
        return concept.getCoding().stream()
                .map(Coding::getCode)
                .filter(code -> code != null && !code.isBlank())
                .findFirst()
                .orElse(null);
    }

    private static String text(Extension extension) {
        return extension != null && extension.getValue() instanceof CodeableConcept concept
                ? text(concept)
                : extension == null ? null : primitive(extension.getValue());
    }

    private static String text(CodeableConcept concept) {
        if (concept.hasText()) {
            return concept.getText();
        }
        for (Coding coding : concept.getCoding()) {
            if (coding.hasDisplay()) {
                return coding.getDisplay();
            }
        }
        return concept.getCoding().stream()
                .map(Coding::getCode)
                .filter(code -> code != null && !code.isBlank())
                .findFirst()
                .orElse(null);
    }

    private static String primitive(Type value) {
        return value instanceof PrimitiveType<?> primitive
                ? blankToNull(primitive.getValueAsString())
                : null;
    }

    private static String text(String value, String otherwise) {
        String text = blankToNull(value);
        return text != null ? text : otherwise;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String quote(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= LONGEST_QUOTE ? text : text.substring(0, LONGEST_QUOTE) + "...";
    }
}

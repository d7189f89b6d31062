package org.careloop.billing.claim;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.careloop.billing.coding.Coding;
import org.careloop.billing.payer.PayerRules;

/**
 * Everything a claim's evaluation stands on, gathered before the pure decision: the coded session,
 * the payer billed (null without coverage), the plan, the diagnoses, the providers' NPIs, why the
 * client's consents do not permit disclosing a Part 2 record to the payer (null when they do or
 * none is needed), and what each code needing authorization found.
 */
public record ClaimFacts(
        UUID claimId,
        UUID sessionId,
        UUID clientId,
        LocalDate serviceDate,
        LocalDate evaluatedOn,
        int minutes,
        String sessionType,
        Coding coding,
        String payerId,
        PayerRules payer,
        boolean planInForce,
        int diagnoses,
        String renderingClinician,
        boolean renderingNpi,
        String supervisingClinician,
        boolean supervisingNpi,
        String consentRefusal,
        Map<String, AuthorizationMatch> authorizations) {

    /** What a code needing authorization found. */
    public sealed interface AuthorizationMatch {

        record Granted(UUID authorizationId, String authorizationNumber)
                implements AuthorizationMatch {}

        record Missing(HoldReason reason, String detail) implements AuthorizationMatch {}
    }
}

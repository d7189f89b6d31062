package org.careloop.billing.payer;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A payer's rules as billing applies them. The PAS client secret is kept sealed; {@code pas} is
 * null for a payer reached by phone, fax or portal.
 */
public record PayerRules(
        Set<String> requiresAuthorization,
        String videoModifier,
        String audioOnlyModifier,
        boolean supervisedBilling,
        Map<String, BigDecimal> fees,
        int timelyFilingDays,
        String claimFilingIndicator,
        PasAccess pas) {

    public static final int DEFAULT_TIMELY_FILING_DAYS = 90;

    public PayerRules {
        requiresAuthorization = Set.copyOf(requiresAuthorization);
        fees = Map.copyOf(fees);
    }

    /** Where the payer's PAS interface is, and the sealed secret the clinic holds for it. */
    public record PasAccess(String baseUrl, String clientId, String sealedSecret) {}

    /** A code the payer knows: one it sets a fee for or asks authorization for. */
    public boolean knows(String cpt) {
        return fees.containsKey(cpt) || requiresAuthorization.contains(cpt);
    }

    public boolean requiresAuthorization(String cpt) {
        return requiresAuthorization.contains(cpt);
    }

    public Optional<BigDecimal> fee(String cpt) {
        return Optional.ofNullable(fees.get(cpt));
    }

    public boolean electronic() {
        return pas != null;
    }
}

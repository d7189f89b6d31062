package org.careloop.billing.payer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** A payer's rules as staff read them back; the PAS client secret is never shown. */
public record PayerView(
        String payerId,
        String name,
        Set<String> requiresAuthorization,
        Telehealth telehealth,
        boolean supervisedBilling,
        Map<String, BigDecimal> fees,
        int timelyFilingDays,
        String claimFilingIndicator,
        Pas pas,
        Instant updatedAt,
        String updatedBy) {

    public record Telehealth(String videoModifier, String audioOnlyModifier) {}

    public record Pas(String baseUrl, String clientId, boolean clientSecretSet) {}

    static PayerView of(PayerRecord payer) {
        PayerRules rules = payer.rules();
        return new PayerView(
                payer.payerId,
                payer.name,
                new TreeSet<>(rules.requiresAuthorization()),
                new Telehealth(rules.videoModifier(), rules.audioOnlyModifier()),
                rules.supervisedBilling(),
                new TreeMap<>(rules.fees()),
                rules.timelyFilingDays(),
                rules.claimFilingIndicator(),
                rules.pas() == null
                        ? null
                        : new Pas(rules.pas().baseUrl(), rules.pas().clientId(), true),
                payer.updatedAt,
                payer.updatedBy);
    }
}

package org.careloop.billing.claim;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * One service line: the code and its units, modifiers, place of service, charge and authorization.
 */
public record ClaimLine(
        String cpt,
        int units,
        List<String> modifiers,
        String placeOfService,
        BigDecimal charge,
        UUID authorizationId,
        String authorizationNumber) {}

package org.careloop.billing.coding;

import java.math.BigDecimal;
import java.util.List;

/** How a session would be coded for a payer: its lines, with charges, and what would hold it. */
public record CodingPreview(List<Line> lines, List<String> holds) {

    public record Line(
            String cpt,
            int units,
            List<String> modifiers,
            String placeOfService,
            BigDecimal charge,
            boolean authorizationRequired) {}
}

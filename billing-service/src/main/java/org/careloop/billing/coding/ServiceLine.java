package org.careloop.billing.coding;

import java.util.List;

/** One line of a claim: a CPT code, its units, modifiers and place of service. */
public record ServiceLine(String cpt, int units, List<String> modifiers, String placeOfService) {

    public ServiceLine {
        modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
    }
}

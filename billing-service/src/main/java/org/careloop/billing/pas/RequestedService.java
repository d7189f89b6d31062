package org.careloop.billing.pas;

import java.util.Objects;

/** A service by its CPT code and a number of units, as asked for or as a payer approved it. */
public record RequestedService(String cpt, int units) {

    public RequestedService {
        Objects.requireNonNull(cpt, "cpt");
        if (cpt.isBlank()) {
            throw new IllegalArgumentException("a service needs a CPT code");
        }
        if (units < 1) {
            throw new IllegalArgumentException("a service needs at least one unit, not " + units);
        }
    }
}

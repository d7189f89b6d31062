package org.careloop.billing.coding;

import java.util.List;

/** The lines a session codes to, or the holds that keep it from being billed. */
public record Coding(List<ServiceLine> lines, List<CodingHold> holds) {

    public Coding {
        lines = lines == null ? List.of() : List.copyOf(lines);
        holds = holds == null ? List.of() : List.copyOf(holds);
    }

    static Coding held(CodingHold hold) {
        return new Coding(List.of(), List.of(hold));
    }

    /** No holds and at least one line. */
    public boolean billable() {
        return holds.isEmpty() && !lines.isEmpty();
    }
}

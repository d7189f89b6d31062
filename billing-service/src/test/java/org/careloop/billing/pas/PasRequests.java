package org.careloop.billing.pas;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A prior authorization request as billing would send it for a client in weekly therapy. */
final class PasRequests {

    static final LocalDate START = LocalDate.of(2027, 1, 4);
    static final LocalDate END = LocalDate.of(2027, 3, 28);

    private PasRequests() {}

    static PasRequest weeklyTherapy(Urgency urgency) {
        return new PasRequest(
                UUID.fromString("6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b"),
                UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
                "Rhea",
                "Okafor",
                LocalDate.of(1991, 5, 17),
                "MBR-778812",
                "60054",
                "Example Health Plan",
                "1245319599",
                "Dana Whitfield, LCSW",
                urgency,
                List.of(new RequestedService("90837", 12), new RequestedService("90846", 4)),
                START,
                END,
                List.of("F33.1", "F41.1"),
                "PHQ-9 of 19 at intake; weekly psychotherapy with family sessions for relapse"
                        + " prevention.");
    }
}

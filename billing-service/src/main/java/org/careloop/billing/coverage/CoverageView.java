package org.careloop.billing.coverage;

import java.time.Instant;
import java.time.LocalDate;

/** A coverage as staff read it back. */
public record CoverageView(
        String payerId,
        String memberId,
        String groupNumber,
        String relationship,
        RecordCoverage.Subscriber subscriber,
        String priority,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        Instant updatedAt,
        String updatedBy) {

    static CoverageView of(Coverage c) {
        return new CoverageView(
                c.payerId,
                c.memberId,
                c.groupNumber,
                c.relationship,
                c.subscriber(),
                c.priority,
                c.effectiveFrom,
                c.effectiveTo,
                c.updatedAt,
                c.updatedBy);
    }
}

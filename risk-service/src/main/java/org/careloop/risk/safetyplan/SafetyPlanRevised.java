package org.careloop.risk.safetyplan;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.EventType;

/** A new version of a client's safety plan; every version is kept, with who revised it and when. */
@EventType("risk.safetyplan.Revised")
public record SafetyPlanRevised(
        UUID clientId,
        int version,
        SafetyPlanSections sections,
        String revisedBy,
        Instant revisedAt) {}

package org.careloop.treatment.session;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.careloop.contracts.treatment.Diagnosis;

/** The client's active plan as a session needs it; {@link #NONE} when there is none. */
public record PlanInForce(UUID planId, List<Diagnosis> diagnoses, Set<String> objectives) {

    public static final PlanInForce NONE = new PlanInForce(null, List.of(), Set.of());
}

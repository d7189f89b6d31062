package org.careloop.risk.policy;

import java.time.Instant;
import java.util.List;
import org.careloop.contracts.EventType;

/** Changes to the escalation ladder of one priority, stored in one stream per priority. */
public sealed interface LadderEvent {

    String STREAM = "escalation-policy";

    @EventType("risk.policy.LadderSet")
    record LadderSet(Priority priority, List<EscalationStep> steps, String setBy, Instant setAt)
            implements LadderEvent {}

    /** Back to the clinic's configured default. */
    @EventType("risk.policy.LadderReset")
    record LadderReset(Priority priority, String resetBy, Instant resetAt) implements LadderEvent {}
}

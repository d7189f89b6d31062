package org.careloop.risk.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.risk.oncall.Tier;

/** The ladder an alert of one priority climbs. */
public record EscalationPolicy(Priority priority, List<EscalationStep> steps) {

    /** Checks a ladder as a supervisor wrote it; names the offending step. */
    public static EscalationPolicy validated(
            Priority priority, List<EscalationStep> steps, AckTimeoutBounds bounds) {
        if (steps == null || steps.isEmpty()) {
            throw new InvalidCommand("steps", "must list at least one step");
        }
        List<Tier> seen = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            EscalationStep step = steps.get(i);
            String field = "steps[" + i + "]";
            if (step == null || step.tier() == null) {
                throw new InvalidCommand(field + ".tier", "is required");
            }
            if (seen.contains(step.tier())) {
                throw new InvalidCommand(field + ".tier", step.tier() + " appears twice");
            }
            seen.add(step.tier());
            boolean last = i == steps.size() - 1;
            if (!last && step.ackTimeout() == null) {
                throw new InvalidCommand(
                        field + ".ackTimeout", "is required on every step but the last");
            }
            if (step.ackTimeout() != null && !bounds.admits(step.ackTimeout())) {
                throw new InvalidCommand(
                        field + ".ackTimeout",
                        "must be from "
                                + bounds.shortest()
                                + " to "
                                + bounds.longest()
                                + " (e.g. PT5M)");
            }
        }
        return new EscalationPolicy(priority, List.copyOf(steps));
    }

    /**
     * Reads {@code PRIMARY PT5M, BACKUP PT5M, SUPERVISOR PT10M, CRISIS_TEAM} from configuration.
     */
    public static EscalationPolicy parse(
            Priority priority, String ladder, AckTimeoutBounds bounds) {
        List<EscalationStep> steps = new ArrayList<>();
        for (String rung : ladder.split(",")) {
            String[] parts = rung.trim().split("\\s+");
            steps.add(
                    new EscalationStep(
                            Tier.valueOf(parts[0]),
                            parts.length > 1 ? Duration.parse(parts[1]) : null));
        }
        return validated(priority, steps, bounds);
    }
}

package org.careloop.risk.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.contracts.RiskLevel;
import org.careloop.risk.oncall.Tier;
import org.careloop.risk.policy.EscalationPolicy;
import org.careloop.risk.policy.EscalationStep;

/**
 * The escalation ladder's rules. A tier nobody holds right now is skipped (and the skip recorded)
 * rather than paged into the void; the crisis team always answers. Pure: the on-call holders and
 * the time come in as arguments.
 */
public final class AlertDecider {

    private AlertDecider() {}

    public static AlertEvent.Raised raise(
            UUID alertId,
            UUID clientId,
            UUID episodeId,
            RiskLevel riskLevel,
            String reason,
            EscalationPolicy policy,
            Map<Tier, String> holders,
            Instant now) {
        List<EscalationStep> ladder = policy.steps();
        List<Tier> skipped = new ArrayList<>();
        int index = staffed(ladder, 0, holders, skipped);
        if (index < 0) {
            // Nobody anywhere on the ladder: the alert stays on the first rung, visible to every
            // supervisor.
            index = 0;
        }
        Tier tier = ladder.get(index).tier();
        return new AlertEvent.Raised(
                alertId,
                clientId,
                episodeId,
                policy.priority(),
                riskLevel,
                reason,
                ladder,
                index + 1,
                tier,
                holders.get(tier),
                skipped,
                now);
    }

    /**
     * What the timer of {@code timedStep} means now: nothing if the alert moved on or is not yet
     * due.
     */
    public static List<AlertEvent> timeout(
            AlertState alert, int timedStep, Map<Tier, String> holders, Instant now) {
        if (alert.status() != AlertStatus.OPEN
                || alert.step() != timedStep
                || alert.dueAt() == null
                || now.isBefore(alert.dueAt())) {
            return List.of();
        }
        List<Tier> skipped = new ArrayList<>();
        int next = staffed(alert.ladder(), alert.step(), holders, skipped);
        if (next < 0) {
            return List.of(
                    new AlertEvent.Exhausted(
                            alert.alertId(), alert.clientId(), alert.step(), alert.tier(), now));
        }
        Tier tier = alert.ladder().get(next).tier();
        return List.of(
                new AlertEvent.Escalated(
                        alert.alertId(),
                        alert.clientId(),
                        alert.step(),
                        alert.tier(),
                        next + 1,
                        tier,
                        holders.get(tier),
                        skipped,
                        now));
    }

    /**
     * The addressed clinician or any supervisor may acknowledge; acknowledging twice changes
     * nothing. Anyone else is refused, after the acknowledgement too.
     */
    public static List<AlertEvent> acknowledge(
            AlertState alert, String who, boolean supervisor, Instant now) {
        if (!supervisor && !who.equals(alert.addressedTo())) {
            throw new NotAddressed();
        }
        if (alert.status() == AlertStatus.ACKNOWLEDGED) {
            return List.of();
        }
        return List.of(
                new AlertEvent.Acknowledged(
                        alert.alertId(), alert.clientId(), alert.step(), alert.tier(), who, now));
    }

    private static int staffed(
            List<EscalationStep> ladder, int from, Map<Tier, String> holders, List<Tier> skipped) {
        for (int i = from; i < ladder.size(); i++) {
            Tier tier = ladder.get(i).tier();
            if (tier == Tier.CRISIS_TEAM || holders.containsKey(tier)) {
                return i;
            }
            skipped.add(tier);
        }
        return -1;
    }

    /**
     * Someone other than the addressed clinician or a supervisor tried to acknowledge; says nothing
     * of the alert.
     */
    public static class NotAddressed extends RuntimeException {
        public NotAddressed() {
            super(
                    "only the clinician an alert is addressed to, or a supervisor, may acknowledge it");
        }
    }
}

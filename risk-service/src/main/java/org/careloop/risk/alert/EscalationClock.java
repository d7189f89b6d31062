package org.careloop.risk.alert;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.careloop.platform.deadline.Deadline;
import org.careloop.platform.deadline.DeadlineHandler;

/**
 * An alert step's deadline fell due: the alert climbs its ladder; the consoles hear of it from the
 * stored step, once committed.
 */
@ApplicationScoped
public class EscalationClock implements DeadlineHandler {

    private final Alerts alerts;

    EscalationClock(Alerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public String kind() {
        return Alerts.ESCALATION;
    }

    @Override
    public Uni<Runnable> due(Deadline deadline, Instant now) {
        return alerts.timedOut(deadline, now).replaceWith((Runnable) null);
    }
}

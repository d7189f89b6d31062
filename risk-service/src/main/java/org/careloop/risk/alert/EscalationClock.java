package org.careloop.risk.alert;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.careloop.platform.deadline.Deadline;
import org.careloop.platform.deadline.DeadlineHandler;

/**
 * An alert step's deadline fell due: the alert climbs its ladder, and the consoles hear of it after
 * the commit.
 */
@ApplicationScoped
public class EscalationClock implements DeadlineHandler {

    private final Alerts alerts;
    private final AlertFeed feed;

    EscalationClock(Alerts alerts, AlertFeed feed) {
        this.alerts = alerts;
        this.feed = feed;
    }

    @Override
    public String kind() {
        return Alerts.ESCALATION;
    }

    @Override
    public Uni<Runnable> due(Deadline deadline, Instant now) {
        return alerts.timedOut(deadline, now)
                .map(notice -> notice == null ? null : () -> feed.publish(List.of(notice)));
    }
}

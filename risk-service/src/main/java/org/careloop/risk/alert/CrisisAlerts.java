package org.careloop.risk.alert;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.careloop.risk.risklevel.CrisisResponse;
import org.careloop.risk.risklevel.RiskEvent;

/**
 * Every escalation raises a crisis alert; the consoles hear of it once the escalation committed.
 */
@ApplicationScoped
public class CrisisAlerts implements CrisisResponse {

    private final Alerts alerts;
    private final AlertFeed feed;

    CrisisAlerts(Alerts alerts, AlertFeed feed) {
        this.alerts = alerts;
        this.feed = feed;
    }

    @Override
    public Uni<Runnable> escalated(RiskEvent.Escalated escalation) {
        return alerts.raise(escalation).map(notice -> () -> feed.publish(List.of(notice)));
    }
}

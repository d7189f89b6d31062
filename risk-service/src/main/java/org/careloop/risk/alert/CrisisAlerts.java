package org.careloop.risk.alert;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.careloop.risk.risklevel.CrisisResponse;
import org.careloop.risk.risklevel.RiskEvent;

/** Every escalation raises a crisis alert, in the transaction that recorded the escalation. */
@ApplicationScoped
public class CrisisAlerts implements CrisisResponse {

    private final Alerts alerts;

    CrisisAlerts(Alerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public Uni<Void> escalated(RiskEvent.Escalated escalation) {
        return alerts.raise(escalation).replaceWithVoid();
    }
}

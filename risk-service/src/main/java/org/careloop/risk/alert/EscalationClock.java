package org.careloop.risk.alert;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

import org.jboss.logging.Logger;

/** Checks the alert timers; timers live in the database, so a restart picks up where the last run stopped. */
@ApplicationScoped
public class EscalationClock {

    private static final Logger LOG = Logger.getLogger(EscalationClock.class);

    private final Alerts alerts;
    private final AlertFeed feed;

    EscalationClock(Alerts alerts, AlertFeed feed) {
        this.alerts = alerts;
        this.feed = feed;
    }

    @Scheduled(every = "${careloop.alerts.timer-check}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return alerts.escalateDue()
                .invoke(feed::publish)
                .onFailure().invoke(e -> LOG.warn("alert timers could not be checked; next tick retries", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}

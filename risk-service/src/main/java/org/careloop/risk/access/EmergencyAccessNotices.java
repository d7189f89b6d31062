package org.careloop.risk.access;

import io.quarkus.hibernate.reactive.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.careloop.contracts.access.EmergencyAccessGranted;
import org.careloop.risk.alert.AlertNotice;
import org.careloop.risk.alert.AlertSteps;
import org.jboss.logging.Logger;

/**
 * Every emergency access, in any service, is announced on the supervisors' alert stream, stored as
 * a step so every instance's supervisors hear of it, once its receipt committed.
 */
@ApplicationScoped
public class EmergencyAccessNotices {

    static final String KIND = "EMERGENCY_ACCESS";

    private static final Logger LOG = Logger.getLogger(EmergencyAccessNotices.class);

    private final AlertSteps steps;

    EmergencyAccessNotices(AlertSteps steps) {
        this.steps = steps;
    }

    void announce(@Observes EmergencyAccessGranted granted) {
        AlertNotice notice =
                new AlertNotice(
                        KIND,
                        null,
                        granted.clientId(),
                        null,
                        null,
                        null,
                        null,
                        granted.username()
                                + " broke the glass in "
                                + granted.service()
                                + " until "
                                + granted.expiresAt()
                                + ": "
                                + granted.reason(),
                        null,
                        0,
                        null,
                        null,
                        true,
                        granted.grantedAt(),
                        granted.grantedAt());
        Panache.withTransaction(() -> steps.append(notice))
                .subscribe()
                .with(
                        stored -> {},
                        failure ->
                                LOG.warnf(
                                        failure,
                                        "The supervisors' streams missed %s's emergency access to"
                                                + " client %s",
                                        granted.username(),
                                        granted.clientId()));
    }
}

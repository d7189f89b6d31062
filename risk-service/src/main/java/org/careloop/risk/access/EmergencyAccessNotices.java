package org.careloop.risk.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.careloop.contracts.access.EmergencyAccessGranted;
import org.careloop.risk.alert.AlertFeed;
import org.careloop.risk.alert.AlertNotice;

/** Every emergency access, in any service, is announced on the supervisors' alert stream. */
@ApplicationScoped
public class EmergencyAccessNotices {

    static final String KIND = "EMERGENCY_ACCESS";

    private final AlertFeed feed;

    EmergencyAccessNotices(AlertFeed feed) {
        this.feed = feed;
    }

    void announce(@Observes EmergencyAccessGranted granted) {
        feed.publish(
                List.of(
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
                                granted.grantedAt())));
    }
}

package org.careloop.risk.alert;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Live alert notices for the Server-Sent Events stream. A notice is published only after the transaction that
 * recorded its step committed. This instance's subscribers see the steps this instance took.
 */
@ApplicationScoped
public class AlertFeed {

    private final BroadcastProcessor<AlertNotice> notices = BroadcastProcessor.create();

    public void publish(List<AlertNotice> batch) {
        batch.forEach(notices::onNext);
    }

    public Multi<AlertNotice> forClinician(String username, boolean supervisor) {
        return notices.filter(notice -> supervisor || username.equals(notice.addressedTo()));
    }
}

package org.careloop.risk.alert;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Live alert notices for the Server-Sent Events stream. A notice is published only after the
 * transaction that recorded its step committed. This instance's subscribers see the steps this
 * instance took. A step reaches its addressee, every supervisor, and the client's primary clinician
 * (for information).
 */
@ApplicationScoped
public class AlertFeed {

    /**
     * Notices a console may fall behind by; beyond that its stream ends, and on reconnecting it
     * reloads open alerts.
     */
    static final int BUFFERED_PER_CONSOLE = 10_000;

    private final BroadcastProcessor<AlertNotice> notices = BroadcastProcessor.create();

    /**
     * Steps come from the consumer, the escalation clock and acknowledging requests, on different
     * threads; a processor takes one item at a time, so they queue here.
     */
    public synchronized void publish(List<AlertNotice> batch) {
        batch.forEach(notices::onNext);
    }

    /**
     * One console's notices. Each console has its own buffer: a broadcast fails a subscriber that
     * has not yet asked for the next item, and a burst of alerts must never end a console's stream.
     */
    public Multi<AlertNotice> forClinician(String username, boolean supervisor) {
        return notices.filter(notice -> notice.reaches(username, supervisor))
                .map(notice -> notice.seenBy(username, supervisor))
                .onOverflow()
                .buffer(BUFFERED_PER_CONSOLE);
    }
}

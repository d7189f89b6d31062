package org.careloop.risk.alert;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Live alert steps for this instance's Server-Sent Events streams, as {@link AlertStepTail} reads
 * them from the store: every step any instance took, once committed, in commit order. A step
 * reaches its addressee, every supervisor, and the client's primary clinician (for information).
 */
@ApplicationScoped
public class AlertFeed {

    /**
     * Steps a console may fall behind by; beyond that its stream ends, and on reconnecting it is
     * sent what it missed.
     */
    static final int BUFFERED_PER_CONSOLE = 10_000;

    private final BroadcastProcessor<AlertStep> steps = BroadcastProcessor.create();

    /** Called by one thread at a time, in commit order; a processor takes one item at a time. */
    public synchronized void publish(List<AlertStep> batch) {
        batch.forEach(steps::onNext);
    }

    /**
     * One console's live steps. Each console has its own buffer: a broadcast fails a subscriber
     * that has not yet asked for the next item, and a burst of alerts must never end a console's
     * stream.
     */
    public Multi<AlertStep> forClinician(String username, boolean supervisor) {
        return steps.filter(step -> step.notice().reaches(username, supervisor))
                .map(step -> seenBy(step, username, supervisor))
                .onOverflow()
                .buffer(BUFFERED_PER_CONSOLE);
    }

    static AlertStep seenBy(AlertStep step, String username, boolean supervisor) {
        return new AlertStep(step.position(), step.notice().seenBy(username, supervisor));
    }
}

package org.careloop.platform.worker;

import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * A loop of blocking I/O on a thread of its own (the outbox relay, the webhook dispatcher), kept
 * away from the reactive request and consumer paths: rounds of work, an idle wait when a round
 * found nothing more, and a growing pause after a failure, until the application stops.
 */
public abstract class BackgroundWorker {

    private final Logger log = Logger.getLogger(getClass());
    private final String name;
    private final Duration firstBackoff;
    private final Duration maxBackoff;

    private volatile boolean running;
    private Thread thread;

    protected BackgroundWorker(String name, Duration firstBackoff, Duration maxBackoff) {
        this.name = name;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** One round of work; true when more is waiting, so the next round starts at once. */
    protected abstract boolean work() throws Exception;

    /**
     * Waits for more work after a round that found none (a poll interval, a database notification).
     */
    protected abstract void idle() throws Exception;

    /** Lets go of what a failed round may have left broken (a connection), before the pause. */
    protected void reset() {}

    protected void startWorker() {
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the loop and waits up to {@code grace} for the round under way to end. */
    protected void stopWorker(Duration grace) {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(grace.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        Duration backoff = firstBackoff;
        while (running) {
            try {
                if (!work()) {
                    idle();
                }
                backoff = firstBackoff;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                reset();
                if (!running) {
                    return;
                }
                log.warnf(
                        "%s failed (%s); next round in %d ms",
                        name, e.getMessage(), backoff.toMillis());
                if (!pause(backoff)) {
                    return;
                }
                backoff =
                        backoff.multipliedBy(2).compareTo(maxBackoff) > 0
                                ? maxBackoff
                                : backoff.multipliedBy(2);
            }
        }
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

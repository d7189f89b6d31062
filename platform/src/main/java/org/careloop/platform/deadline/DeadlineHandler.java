package org.careloop.platform.deadline;

import io.smallrye.mutiny.Uni;
import java.time.Instant;

/**
 * What happens when a deadline of one kind falls due. Runs in the transaction that claimed the
 * deadline; it must {@link Deadlines#clear clear} it or {@link Deadlines#set set} the next one, or
 * it falls due again at the next check.
 */
public interface DeadlineHandler {

    String kind();

    /** Handles the due deadline; the returned work runs after the transaction committed. */
    Uni<Runnable> due(Deadline deadline, Instant now);
}

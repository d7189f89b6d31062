package org.careloop.risk.policy;

import java.time.Duration;

/** The shortest and the longest time a ladder may give one tier to acknowledge an alert. */
public record AckTimeoutBounds(Duration shortest, Duration longest) {

    public AckTimeoutBounds {
        if (shortest.isNegative() || shortest.isZero() || longest.compareTo(shortest) < 0) {
            throw new IllegalArgumentException(
                    "acknowledgement bounds must be positive, shortest first: "
                            + shortest
                            + ", "
                            + longest);
        }
    }

    public boolean admits(Duration ackTimeout) {
        return ackTimeout.compareTo(shortest) >= 0 && ackTimeout.compareTo(longest) <= 0;
    }
}

package org.careloop.referral.referral;

import java.time.Duration;
import java.util.Map;

/** Within how long a partner should accept a referral and see its client, by urgency. */
public record Sla(Map<Urgency, Windows> byUrgency) {

    public record Windows(Duration acceptedWithin, Duration seenWithin) {}

    public Sla {
        byUrgency = Map.copyOf(byUrgency);
    }

    public Windows of(Urgency urgency) {
        return byUrgency.get(urgency);
    }
}

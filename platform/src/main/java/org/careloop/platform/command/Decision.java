package org.careloop.platform.command;

import java.util.List;
import org.careloop.contracts.IntegrationEvent;

/** What a decider decided: the stream's new events and the integration events they publish. */
public record Decision<E>(List<E> events, List<IntegrationEvent> publish) {

    public Decision {
        events = List.copyOf(events);
        publish = List.copyOf(publish);
    }

    public static <E> Decision<E> nothing() {
        return new Decision<>(List.of(), List.of());
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }
}

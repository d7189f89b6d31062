package org.careloop.contracts;

import java.util.UUID;

/**
 * An event one service publishes for the others. Nearly every event concerns one client: its id is
 * the Kafka key, so one client's events stay in order. An event about something else (a staff
 * member's credential) has no client and names its own key.
 */
public interface IntegrationEvent {

    UUID clientId();

    /** The Kafka key: the client's id unless the event says otherwise. */
    default String key() {
        UUID client = clientId();
        return client == null ? null : client.toString();
    }
}

package org.careloop.contracts;

import java.util.UUID;

/**
 * An event one service publishes for the others. Every event concerns one client: its id is the
 * Kafka key, so one client's events stay in order.
 */
public interface IntegrationEvent {

    UUID clientId();
}

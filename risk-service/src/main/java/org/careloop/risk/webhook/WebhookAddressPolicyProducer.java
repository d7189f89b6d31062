package org.careloop.risk.webhook;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.SocketException;
import java.util.List;
import java.util.Optional;
import org.careloop.platform.outbound.OutboundAddressPolicy;
import org.careloop.platform.outbound.OutboundAddresses;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the outbound address rule for webhooks from {@code careloop.webhooks.*}. */
public class WebhookAddressPolicyProducer {

    @Produces
    @Singleton
    OutboundAddressPolicy policy(
            @ConfigProperty(name = "careloop.webhooks.refused-endpoints")
                    List<String> refusedEndpoints,
            @ConfigProperty(name = "careloop.webhooks.admitted-networks")
                    Optional<List<String>> admittedNetworks,
            @ConfigProperty(name = "careloop.db.host") String databaseHost,
            @ConfigProperty(name = "careloop.db.port") int databasePort,
            @ConfigProperty(name = "careloop.kafka") List<String> brokers)
            throws SocketException {
        return OutboundAddresses.policy(
                refusedEndpoints,
                admittedNetworks.orElse(List.of()),
                databaseHost,
                databasePort,
                brokers);
    }
}

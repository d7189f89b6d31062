package org.careloop.risk.webhook;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.careloop.platform.outbound.OutboundAddressPolicy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the outbound address rule for webhooks from {@code careloop.webhooks.*}, with DNS and this
 * machine's interface addresses.
 */
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
        // The service's own database and brokers are always among them, wherever the deployment
        // puts them.
        List<String> refused = new ArrayList<>(refusedEndpoints);
        refused.add(databaseHost + ":" + databasePort);
        refused.addAll(brokers);
        return new OutboundAddressPolicy(
                refused,
                admittedNetworks.orElse(List.of()),
                thisMachine(),
                host -> Arrays.asList(InetAddress.getAllByName(host)));
    }

    private static Set<InetAddress> thisMachine() throws SocketException {
        Set<InetAddress> addresses = new HashSet<>();
        NetworkInterface.networkInterfaces()
                .forEach(nic -> nic.inetAddresses().forEach(addresses::add));
        return addresses;
    }
}

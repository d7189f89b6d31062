package org.careloop.platform.outbound;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a service's outbound address rule for real use: names resolved by DNS, this machine's
 * interface addresses known, and the service's own database and brokers always refused, wherever
 * the deployment puts them.
 */
public final class OutboundAddresses {

    private OutboundAddresses() {}

    public static OutboundAddressPolicy policy(
            List<String> refusedEndpoints,
            List<String> admittedNetworks,
            String databaseHost,
            int databasePort,
            List<String> brokers)
            throws SocketException {
        List<String> refused = new ArrayList<>(refusedEndpoints);
        refused.add(databaseHost + ":" + databasePort);
        refused.addAll(brokers);
        return new OutboundAddressPolicy(
                refused,
                admittedNetworks,
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

package org.careloop.billing.payer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.careloop.billing.pas.PayerExchange;
import org.careloop.platform.outbound.OutboundAddressPolicy;
import org.careloop.platform.outbound.OutboundAddresses;
import org.careloop.platform.problem.InvalidCommand;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a payer's PAS endpoint may be: the platform's outbound address rule from {@code
 * careloop.payers.*}, applied when staff set the endpoint and again before every call.
 */
@ApplicationScoped
public class PayerEndpoints {

    private final OutboundAddressPolicy policy;

    PayerEndpoints(OutboundAddressPolicy policy) {
        this.policy = policy;
    }

    /** Refuses an endpoint the rule does not admit, naming the field. */
    public void check(String field, String baseUrl) {
        switch (policy.check(baseUrl)) {
            case OutboundAddressPolicy.Admitted admitted -> {}
            case OutboundAddressPolicy.Refused refused ->
                    throw new InvalidCommand(field, refused.reason());
            case OutboundAddressPolicy.Unresolved unresolved ->
                    throw new InvalidCommand(field, unresolved.reason());
        }
    }

    /** The rule and the exchange built on it. */
    static class Producers {

        @Produces
        @Singleton
        OutboundAddressPolicy policy(
                @ConfigProperty(name = "careloop.payers.refused-endpoints")
                        List<String> refusedEndpoints,
                @ConfigProperty(name = "careloop.payers.admitted-networks")
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

        @Produces
        @Singleton
        PayerExchange exchange(
                OutboundAddressPolicy policy,
                @ConfigProperty(name = "careloop.pas.timeout") Duration timeout) {
            return new PayerExchange(policy, timeout);
        }
    }
}

package org.careloop.referral.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.SocketException;
import java.util.List;
import java.util.Optional;
import org.careloop.platform.outbound.OutboundAddressPolicy;
import org.careloop.platform.outbound.OutboundAddresses;
import org.careloop.platform.problem.InvalidCommand;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a partner's subscription may point: the platform's outbound address rule from {@code
 * careloop.webhooks.*}, applied when it is set and again before every delivery.
 */
@ApplicationScoped
public class SubscriptionAddresses {

    private final OutboundAddressPolicy policy;

    SubscriptionAddresses(OutboundAddressPolicy policy) {
        this.policy = policy;
    }

    /** The URL the rule admits, or a refusal naming the field. May block on DNS. */
    public String admitted(String field, String url) {
        return switch (policy.check(url)) {
            case OutboundAddressPolicy.Admitted admitted -> admitted.uri().toString();
            case OutboundAddressPolicy.Refused refused ->
                    throw new InvalidCommand(field, refused.reason());
            case OutboundAddressPolicy.Unresolved unresolved ->
                    throw new InvalidCommand(field, unresolved.reason());
        };
    }

    /** The rule, built from configuration. */
    static class Producers {

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
}

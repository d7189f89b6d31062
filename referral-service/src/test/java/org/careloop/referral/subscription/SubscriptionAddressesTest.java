package org.careloop.referral.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careloop.platform.outbound.OutboundAddressPolicy;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A subscription's URL under the outbound address rule as a deployment sets it (no network
 * admitted). Names resolve from a table: nothing here touches a network.
 */
class SubscriptionAddressesTest {

    static final Map<String, List<InetAddress>> DNS =
            Map.of(
                    "partner.example.org", List.of(address("203.0.113.20")),
                    "localhost", List.of(address("127.0.0.1")),
                    "internal.example.org", List.of(address("10.4.5.6")),
                    "rebound.example.org", List.of(address("169.254.169.254")));

    final SubscriptionAddresses production =
            new SubscriptionAddresses(
                    new OutboundAddressPolicy(
                            List.of("127.0.0.1:5432", "127.0.0.1:19092"),
                            List.of(),
                            Set.of(),
                            SubscriptionAddressesTest::resolve));

    @Test
    void aPublicHttpsAddressIsAdmitted() {
        assertEquals(
                "https://partner.example.org/careloop/referrals",
                production.admitted("url", "https://partner.example.org/careloop/referrals"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:9000/hook",
                "https://localhost/hook",
                "https://10.0.0.7/hook",
                "https://192.168.1.20/hook",
                "https://internal.example.org/hook",
                "http://169.254.169.254/latest/meta-data",
                "https://rebound.example.org/hook",
                "https://[::1]/hook",
                "ftp://partner.example.org/hook",
                "partner.example.org/hook"
            })
    void aLoopbackPrivateMetadataOrNonHttpAddressIsRefusedNamingTheUrl(String url) {
        InvalidCommand refused =
                assertThrows(InvalidCommand.class, () -> production.admitted("url", url));
        Problem problem = refused.problem();
        assertEquals(400, problem.status());
        assertEquals("url", problem.errors().getFirst().field());
    }

    static List<InetAddress> resolve(String host) throws UnknownHostException {
        List<InetAddress> found = DNS.get(host);
        if (found == null) {
            throw new UnknownHostException(host);
        }
        return found;
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByAddress(InetAddress.getByName(literal).getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}

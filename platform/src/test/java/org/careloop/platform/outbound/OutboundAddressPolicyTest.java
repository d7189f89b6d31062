package org.careloop.platform.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.careloop.platform.outbound.OutboundAddressPolicy.Admitted;
import org.careloop.platform.outbound.OutboundAddressPolicy.Refused;
import org.careloop.platform.outbound.OutboundAddressPolicy.Unresolved;
import org.careloop.platform.outbound.OutboundAddressPolicy.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The outbound address rule on every class of address. Names resolve from a table: nothing here
 * touches a network.
 */
class OutboundAddressPolicyTest {

    static final List<String> OWN_ENDPOINTS =
            List.of("127.0.0.1:5432", "127.0.0.1:19092", "localhost:18180", "10.1.2.3:8443");

    /**
     * This machine's own (non-loopback) interface address, for "the database is reachable through
     * it too".
     */
    static final Set<InetAddress> THIS_MACHINE = Set.of(address("192.0.2.10"));

    static final Map<String, List<InetAddress>> DNS =
            Map.of(
                    "pager.example.com", List.of(address("203.0.113.7"), address("2001:db8::7")),
                    "localhost", List.of(address("127.0.0.1"), address("::1")),
                    "rebound.example.com", List.of(address("169.254.169.254")),
                    "linklocal.example.com", List.of(address("fe80::1")),
                    "half-internal.example.com",
                            List.of(address("203.0.113.8"), address("10.0.0.8")),
                    "office.example.com", List.of(address("192.168.10.20")));

    /** Every name the rule asked to resolve. */
    final List<String> lookedUp = new CopyOnWriteArrayList<>();

    final OutboundAddressPolicy production = policy(List.of());
    final OutboundAddressPolicy localStack = policy(List.of("127.0.0.0/8", "::1/128"));
    final OutboundAddressPolicy clinicNetwork = policy(List.of("10.0.0.0/8", "100.64.0.0/10"));

    @Test
    void aPublicHttpsPagerIsAdmitted() {
        Admitted admitted =
                assertInstanceOf(
                        Admitted.class, production.check("https://pager.example.com/hooks/42"));
        assertEquals("pager.example.com", admitted.uri().getHost());
        assertInstanceOf(Admitted.class, production.check("http://pager.example.com:8443/hooks"));
        assertInstanceOf(Admitted.class, production.check("HTTPS://PAGER.EXAMPLE.COM./hooks"));
        assertInstanceOf(Admitted.class, production.check("http://203.0.113.9/hooks"));
        assertInstanceOf(Admitted.class, production.check("http://[2001:db8::9]/hooks"));
        assertInstanceOf(
                Admitted.class, production.check("http://172.32.0.1/just-outside-172.16/12"));
    }

    @Test
    void aLinkLocalAddressIsRefused() {
        refused(production, "http://169.254.1.1/", "link-local");
        refused(production, "http://[fe80::1]/", "link-local");
        refused(production, "http://linklocal.example.com/", "link-local");
        refused(localStack, "http://169.254.10.10:8080/", "link-local");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://169.254.169.254/latest/meta-data/",
                "http://169.254.170.2/v2/credentials",
                "http://[fd00:ec2::254]/latest/meta-data/",
                "http://[::ffff:169.254.169.254]/",
                "http://[::ffff:a9fe:a9fe]/",
                "http://[::169.254.169.254]/",
                "http://[64:ff9b::a9fe:a9fe]/",
                "http://[2002:a9fe:a9fe::1]/",
                "http://rebound.example.com/",
                "http://100.100.100.200/",
                "http://192.0.0.192/"
            })
    void aCloudMetadataAddressIsRefusedWhateverTheAdmittedNetworks(String url) {
        refused(production, url, "metadata");
        refused(clinicNetwork, url, "metadata");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://metadata.google.internal/computeMetadata/v1/",
                "http://METADATA.GOOGLE.INTERNAL./",
                "http://metadata/computeMetadata/v1/",
                "http://metadata.goog/",
                "http://instance-data/latest/"
            })
    void aCloudMetadataNameIsRefusedWithoutLookingItUp(String url) {
        refused(production, url, "metadata");
        assertEquals(List.of(), lookedUp);
    }

    @Test
    void anUnspecifiedAddressIsRefused() {
        refused(localStack, "http://0.0.0.0:8099/", "unspecified");
        refused(localStack, "http://0.1.2.3/", "unspecified");
        refused(localStack, "http://[::]:8099/", "unspecified");
    }

    @Test
    void aMulticastOrReservedAddressIsRefused() {
        refused(production, "http://224.0.0.1/", "multicast");
        refused(production, "http://239.255.255.250:1900/", "multicast");
        refused(production, "http://[ff02::1]/", "multicast");
        refused(production, "http://255.255.255.255/", "reserved");
        refused(production, "http://240.0.0.1/", "reserved");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8099/",
                "http://127.5.5.5:8099/",
                "http://[::1]:8099/",
                "http://localhost:8099/",
                "http://[::ffff:127.0.0.1]:8099/",
                "http://[::ffff:7f00:1]:8099/"
            })
    void loopbackIsRefusedUnlessAnAdmittedNetworkIncludesIt(String url) {
        refused(production, url, "loopback");
        assertInstanceOf(Admitted.class, localStack.check(url));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:5432/",
                "http://localhost:5432/",
                "http://127.0.0.2:5432/",
                "http://[::1]:5432/",
                "http://192.0.2.10:5432/",
                "http://127.0.0.1:19092/",
                "http://localhost:18180/admin/",
                "http://127.0.0.1:18180/admin/master/console/",
                "http://[::1]:18180/"
            })
    void oneOfTheStacksOwnEndpointsIsRefusedEvenWhereLoopbackIsAdmitted(String url) {
        refused(localStack, url, "own endpoint");
        refused(production, url, "own endpoint");
    }

    @Test
    void anOwnEndpointOnAnotherHostIsRefusedWhileItsNetworkIsAdmitted() {
        refused(clinicNetwork, "https://10.1.2.3:8443/", "own endpoint");
        assertInstanceOf(Admitted.class, clinicNetwork.check("https://10.1.2.3:9443/"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://10.0.0.1/",
                "http://172.16.0.1/",
                "http://172.31.255.255/",
                "http://192.168.1.1/",
                "http://100.64.0.1/",
                "http://[fc00::1]/",
                "http://[fd12:3456::1]/",
                "http://[::ffff:10.0.0.1]/",
                "http://office.example.com/"
            })
    void aPrivateAddressIsRefusedByDefault(String url) {
        refused(production, url, "private");
    }

    @Test
    void anAdmittedNetworkLetsItsPrivateAddressesThroughAndNoOthers() {
        assertInstanceOf(Admitted.class, clinicNetwork.check("http://10.20.30.40/pager"));
        assertInstanceOf(Admitted.class, clinicNetwork.check("http://100.64.0.1/pager"));
        refused(clinicNetwork, "http://192.168.1.1/pager", "private");
        refused(clinicNetwork, "http://127.0.0.1:8099/pager", "loopback");
    }

    @Test
    void aNameWithOnePublicAndOneInternalAddressIsRefused() {
        refused(production, "https://half-internal.example.com/", "10.0.0.8");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://2130706433/",
                "http://0177.0.0.1/",
                "http://0x7f.0.0.1/",
                "http://0x7f000001/",
                "http://127.1/",
                "http://017700000001/",
                "http://169.254.43518/",
                "http://0xa9.0xfe.0xa9.0xfe/",
                "http://127.0.0.01/",
                "http://0/",
                "http://0x/"
            })
    void anIpAddressInANonStandardSpellingIsRefusedWithoutLookingItUp(String url) {
        refused(localStack, url, "non-standard");
        assertEquals(List.of(), lookedUp);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://pager.example.com/",
                "file:///etc/passwd",
                "gopher://pager.example.com/",
                "javascript:alert(1)",
                "mailto:oncall@example.com",
                "//pager.example.com/hooks",
                "/hooks",
                "pager.example.com/hooks"
            })
    void aUrlThatIsNotAbsoluteHttpIsRefused(String url) {
        refused(production, url, "http or https");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http:///hooks",
                "https:/hooks",
                "http://exa_mple.com/hooks",
                "http://:8080/hooks"
            })
    void aUrlWithoutAHostIsRefused(String url) {
        refused(production, url, "host");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://pager example.com/",
                "http://[::1/",
                "http://pager.example.com/a b",
                ""
            })
    void anUnparseableUrlIsRefused(String url) {
        Verdict verdict = production.check(url);
        assertInstanceOf(Refused.class, verdict, url);
    }

    @Test
    void aMissingUrlIsRefused() {
        refused(production, null, "not a valid URL");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://user:secret@pager.example.com/",
                "https://user@pager.example.com/",
                "https://@pager.example.com/",
                "http://pager.example.com@169.254.169.254/"
            })
    void aUrlWithUserInfoIsRefused(String url) {
        refused(production, url, "user name or password");
    }

    @Test
    void aPortOutsideTheRangeOrAZoneIsRefused() {
        refused(production, "http://pager.example.com:0/", "port");
        refused(production, "http://pager.example.com:65536/", "port");
        assertInstanceOf(Refused.class, production.check("http://[fe80::1%25eth0]/"));
    }

    @Test
    void aNameThatDoesNotResolveIsUnresolvedNotAdmitted() {
        Unresolved unresolved =
                assertInstanceOf(
                        Unresolved.class, production.check("https://nowhere.example.com/"));
        assertTrue(unresolved.reason().contains("nowhere.example.com"), unresolved.reason());
    }

    @Test
    void aMisconfiguredNetworkOrEndpointStopsTheRuleFromBeingBuilt() {
        assertThrows(IllegalArgumentException.class, () -> policy(List.of("10.0.0.0")));
        assertThrows(IllegalArgumentException.class, () -> policy(List.of("10.0.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> policy(List.of("intranet/8")));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new OutboundAddressPolicy(
                                List.of("localhost"), List.of(), THIS_MACHINE, this::resolve));
    }

    @Test
    void anAddressBlockHoldsExactlyItsPrefix() {
        AddressBlock block = AddressBlock.parse("172.16.0.0/12");
        assertTrue(block.contains(address("172.16.0.0")));
        assertTrue(block.contains(address("172.31.255.255")));
        assertEquals(false, block.contains(address("172.32.0.0")));
        assertEquals(false, block.contains(address("172.15.255.255")));
        assertEquals(false, block.contains(address("::ac10:1")));
        assertTrue(AddressBlock.parse("0.0.0.0/0").contains(address("203.0.113.1")));
    }

    private OutboundAddressPolicy policy(List<String> admittedNetworks) {
        return new OutboundAddressPolicy(
                OWN_ENDPOINTS, admittedNetworks, THIS_MACHINE, this::resolve);
    }

    private List<InetAddress> resolve(String host) throws UnknownHostException {
        lookedUp.add(host);
        List<InetAddress> addresses = DNS.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        return addresses;
    }

    private static void refused(OutboundAddressPolicy policy, String url, String because) {
        Verdict verdict = policy.check(url);
        Refused refused = assertInstanceOf(Refused.class, verdict, url + " should be refused");
        assertTrue(refused.reason().contains(because), url + ": " + refused.reason());
    }

    private static InetAddress address(String literal) {
        InetAddress address = OutboundAddressPolicy.literal(literal);
        if (address == null) {
            throw new IllegalArgumentException("not a literal address: " + literal);
        }
        return address;
    }
}

package org.careloop.platform.outbound;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where an outbound address (a pager's webhook, a payer's endpoint) may point: an absolute http(s)
 * URL whose host resolves only to public addresses, never to CareLoop's own endpoints, cloud
 * metadata, link-local, unspecified or multicast addresses; loopback and private addresses only
 * when a configured network admits them. Pure: names are resolved by the {@link Resolver} it is
 * given.
 */
public final class OutboundAddressPolicy {

    /** Turns a host name into its addresses: DNS in the service, a table in tests. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** What the rule says about a URL. */
    public sealed interface Verdict permits Admitted, Refused, Unresolved {}

    /** The URL may be used. */
    public record Admitted(URI uri) implements Verdict {}

    /** The URL must not be used; the reason says why, without secrets. */
    public record Refused(String reason) implements Verdict {}

    /** The host did not resolve now; it may later. */
    public record Unresolved(String reason) implements Verdict {}

    private static final Pattern DOTTED_QUAD =
            Pattern.compile(
                    "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    /**
     * A last label no DNS name has (top-level domains are never numeric): an IP address in some
     * spelling.
     */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("(0x[0-9a-f]*|[0-9]+)");

    private static final Set<String> METADATA_NAMES =
            Set.of(
                    "metadata",
                    "metadata.google.internal",
                    "metadata.goog",
                    "instance-data",
                    "instance-data.ec2.internal");
    private static final List<InetAddress> METADATA_ADDRESSES =
            List.of(
                    literal("169.254.169.254"),
                    literal("169.254.170.2"),
                    literal("fd00:ec2::254"),
                    literal("100.100.100.200"),
                    literal("192.0.0.192"));
    private static final List<AddressBlock> UNSPECIFIED = blocks("0.0.0.0/8", "::/128");
    private static final List<AddressBlock> RESERVED = blocks("240.0.0.0/4");
    private static final List<AddressBlock> PRIVATE =
            blocks(
                    "10.0.0.0/8",
                    "172.16.0.0/12",
                    "192.168.0.0/16",
                    "100.64.0.0/10",
                    "fc00::/7",
                    "fec0::/10");
    private static final List<AddressBlock> NAT64 = blocks("64:ff9b::/96");
    private static final List<AddressBlock> SIX_TO_FOUR = blocks("2002::/16");

    private final List<String> ownEndpoints;
    private final List<AddressBlock> admitted;
    private final Set<InetAddress> thisMachine;
    private final Resolver resolver;

    /**
     * @param ownEndpoints {@code host:port} of the stack's own parts (database, broker, identity
     *     provider, services, gateway), refused whatever the admitted networks say
     * @param admittedNetworks CIDR blocks of loopback or private addresses an outbound address may
     *     reach all the same
     * @param thisMachine the addresses of this machine's interfaces: an own endpoint on one of
     *     them, or on loopback, is reachable through any of them
     */
    public OutboundAddressPolicy(
            List<String> ownEndpoints,
            List<String> admittedNetworks,
            Set<InetAddress> thisMachine,
            Resolver resolver) {
        ownEndpoints.forEach(OutboundAddressPolicy::endpoint);
        this.ownEndpoints = List.copyOf(ownEndpoints);
        this.admitted = admittedNetworks.stream().map(AddressBlock::parse).toList();
        this.thisMachine = Set.copyOf(thisMachine);
        this.resolver = resolver;
    }

    public Verdict check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return new Refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute()
                || uri.isOpaque()
                || !(scheme.equals("http") || scheme.equals("https"))) {
            return new Refused("must be an absolute http or https URL");
        }
        if (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            return new Refused("must not carry a user name or password");
        }
        // java.net.URI reads no host from some spellings of an address (127.1, 0x7f.0.0.1): look at
        // the authority.
        String written =
                uri.getHost() != null
                        ? uri.getHost()
                        : uri.getRawAuthority() == null
                                ? ""
                                : uri.getRawAuthority().replaceFirst(":[0-9]*$", "");
        String host = written.toLowerCase(Locale.ROOT);
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (!name.isEmpty()
                && !name.startsWith("[")
                && NUMERIC_LABEL.matcher(name.substring(name.lastIndexOf('.') + 1)).matches()
                && !DOTTED_QUAD.matcher(name).matches()) {
            return new Refused(
                    "writes an IP address in a non-standard form; use four decimal numbers such as "
                            + "203.0.113.10");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return new Refused("must name a host");
        }
        int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
        if (port < 1 || port > 65535) {
            return new Refused("must use a port from 1 to 65535");
        }
        if (host.contains("%")) {
            return new Refused("must not carry an IPv6 zone");
        }
        if (METADATA_NAMES.stream()
                .anyMatch(meta -> name.equals(meta) || name.endsWith("." + meta))) {
            return new Refused("names a cloud metadata service, which CareLoop may not send to");
        }
        List<InetAddress> addresses;
        try {
            addresses = addresses(name);
        } catch (UnknownHostException e) {
            return new Unresolved("host " + name + " does not resolve");
        }
        if (addresses.isEmpty()) {
            return new Unresolved("host " + name + " does not resolve");
        }
        // Every address must pass: a name with one public and one internal address could be sent to
        // either.
        for (InetAddress address : addresses) {
            String refusal = refusal(address, port);
            if (refusal != null) {
                return new Refused(refusal);
            }
        }
        return new Admitted(uri);
    }

    private String refusal(InetAddress resolved, int port) {
        InetAddress address = embeddedIpv4(resolved);
        String what =
                address.getHostAddress()
                        + (address == resolved
                                ? ""
                                : " (inside " + resolved.getHostAddress() + ")");
        if (METADATA_ADDRESSES.contains(address)) {
            return "points at "
                    + what
                    + ", a cloud metadata address, which CareLoop may not send to";
        }
        if (address.isAnyLocalAddress() || in(UNSPECIFIED, address)) {
            return "points at " + what + ", an unspecified address, which CareLoop may not send to";
        }
        if (address.isMulticastAddress()) {
            return "points at " + what + ", a multicast address, which CareLoop may not send to";
        }
        if (address.isLinkLocalAddress()) {
            return "points at " + what + ", a link-local address, which CareLoop may not send to";
        }
        if (in(RESERVED, address)) {
            return "points at " + what + ", a reserved address, which CareLoop may not send to";
        }
        String endpoint = ownEndpoint(address, port);
        if (endpoint != null) {
            return "points at "
                    + what
                    + " port "
                    + port
                    + ", CareLoop's own endpoint "
                    + endpoint
                    + ", which CareLoop may not send to";
        }
        if (address.isLoopbackAddress() && !in(admitted, address)) {
            return "points at " + what + ", a loopback address, which no admitted network includes";
        }
        if ((address.isSiteLocalAddress() || in(PRIVATE, address)) && !in(admitted, address)) {
            return "points at " + what + ", a private address, which no admitted network includes";
        }
        return null;
    }

    /** The configured endpoint this address and port reach, if any. */
    private String ownEndpoint(InetAddress address, int port) {
        for (String endpoint : ownEndpoints) {
            URI parsed = endpoint(endpoint);
            if (parsed.getPort() != port) {
                continue;
            }
            List<InetAddress> targets;
            try {
                targets = addresses(parsed.getHost());
            } catch (UnknownHostException e) {
                // A part that has no address now cannot be reached through one either.
                continue;
            }
            for (InetAddress target : targets) {
                InetAddress own = embeddedIpv4(target);
                if (own.equals(address) || onThisMachine(own) && onThisMachine(address)) {
                    return endpoint;
                }
            }
        }
        return null;
    }

    private boolean onThisMachine(InetAddress address) {
        return address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || thisMachine.contains(address);
    }

    private List<InetAddress> addresses(String host) throws UnknownHostException {
        InetAddress literal = literal(host);
        return literal != null ? List.of(literal) : List.copyOf(resolver.resolve(host));
    }

    /**
     * The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), or the address
     * itself.
     */
    static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible =
                zeroPrefix
                        && b[10] == 0
                        && b[11] == 0
                        && (b[12] != 0 || b[13] != 0 || b[14] != 0 || (b[15] & 0xff) > 1);
        int from =
                mapped || compatible || in(NAT64, address) ? 12 : in(SIX_TO_FOUR, address) ? 2 : -1;
        if (from < 0) {
            return address;
        }
        try {
            return InetAddress.getByAddress(
                    new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    /**
     * An IP address written literally (a canonical dotted quad, or IPv6 with or without brackets),
     * or null for a name. Never looks anything up: the JDK only checks the format of a literal.
     */
    static InetAddress literal(String host) {
        String inner =
                host.startsWith("[") && host.endsWith("]")
                        ? host.substring(1, host.length() - 1)
                        : host;
        try {
            if (inner.contains(":")) {
                return inner.contains("%") ? null : InetAddress.getByName("[" + inner + "]");
            }
            if (DOTTED_QUAD.matcher(inner).matches()) {
                String[] parts = inner.split("\\.");
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    bytes[i] = (byte) Integer.parseInt(parts[i]);
                }
                return InetAddress.getByAddress(bytes);
            }
            return null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static URI endpoint(String endpoint) {
        URI parsed = URI.create("tcp://" + endpoint.trim());
        if (parsed.getHost() == null || parsed.getPort() < 1) {
            throw new IllegalArgumentException(
                    "an own endpoint must be host:port, not " + endpoint);
        }
        return parsed;
    }

    private static boolean in(List<AddressBlock> blocks, InetAddress address) {
        return blocks.stream().anyMatch(block -> block.contains(address));
    }

    private static List<AddressBlock> blocks(String... cidrs) {
        List<AddressBlock> blocks = new ArrayList<>();
        for (String cidr : cidrs) {
            blocks.add(AddressBlock.parse(cidr));
        }
        return List.copyOf(blocks);
    }
}

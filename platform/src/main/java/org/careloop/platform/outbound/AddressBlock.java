package org.careloop.platform.outbound;

import java.net.InetAddress;
import java.util.Arrays;

/** A block of IP addresses written as CIDR, such as {@code 10.0.0.0/8} or {@code fc00::/7}. */
final class AddressBlock {

    private final byte[] base;
    private final int prefix;
    private final String text;

    private AddressBlock(byte[] base, int prefix, String text) {
        this.base = base;
        this.prefix = prefix;
        this.text = text;
    }

    /** Reads a CIDR of literal addresses only; a name is never looked up. */
    static AddressBlock parse(String cidr) {
        String trimmed = cidr.trim();
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a CIDR block (address/prefix): " + cidr);
        }
        InetAddress address = OutboundAddressPolicy.literal(trimmed.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("not an IP address in CIDR block: " + cidr);
        }
        int prefix;
        try {
            prefix = Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a prefix length in CIDR block: " + cidr, e);
        }
        byte[] base = address.getAddress();
        if (prefix < 0 || prefix > base.length * 8) {
            throw new IllegalArgumentException("prefix length out of range in CIDR block: " + cidr);
        }
        return new AddressBlock(base, prefix, trimmed);
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != base.length) {
            return false;
        }
        int whole = prefix / 8;
        if (!Arrays.equals(bytes, 0, whole, base, 0, whole)) {
            return false;
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (bytes[whole] & mask) == (base[whole] & mask);
    }

    @Override
    public String toString() {
        return text;
    }
}

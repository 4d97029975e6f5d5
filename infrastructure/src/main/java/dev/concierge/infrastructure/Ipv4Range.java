package dev.concierge.infrastructure;

import java.util.List;

/** An IPv4 CIDR block, for the checks synthesis makes on the VPC's range and the ranges allowed in. */
record Ipv4Range(String cidr, long first, long last) {
    /** RFC 1918: addresses that only a private network (VPN, Direct Connect) can come from. */
    private static final List<Ipv4Range> PRIVATE = List.of(parse("10.0.0.0/8"), parse("172.16.0.0/12"), parse("192.168.0.0/16"));

    static Ipv4Range parse(String cidr) {
        String[] parts = cidr.strip().split("/");
        String[] octets = parts[0].split("\\.");
        if (parts.length != 2 || octets.length != 4) throw new IllegalArgumentException("'" + cidr + "' is not an IPv4 CIDR such as 203.0.113.0/24");
        long address = 0;
        for (String octet : octets) {
            int value = Integer.parseInt(octet);
            if (value < 0 || value > 255) throw new IllegalArgumentException("'" + cidr + "' is not an IPv4 CIDR such as 203.0.113.0/24");
            address = address << 8 | value;
        }
        int bits = Integer.parseInt(parts[1]);
        if (bits < 0 || bits > 32) throw new IllegalArgumentException("'" + cidr + "' is not an IPv4 CIDR such as 203.0.113.0/24");
        long size = 1L << (32 - bits);
        long first = address & ~(size - 1) & 0xFFFFFFFFL;
        return new Ipv4Range(cidr.strip(), first, first + size - 1);
    }

    boolean overlaps(Ipv4Range other) {
        return first <= other.last && other.first <= last;
    }

    boolean isPrivate() {
        return PRIVATE.stream().anyMatch(range -> range.first <= first && last <= range.last);
    }
}

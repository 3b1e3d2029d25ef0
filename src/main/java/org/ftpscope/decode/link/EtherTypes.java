package org.ftpscope.decode.link;

/** Names of the EtherTypes a link header can carry, as Wireshark shows them. */
final class EtherTypes {
    private EtherTypes() {}

    static String name(int t) {
        return switch (t) {
            case 0x0800 -> "IPv4";
            case 0x86DD -> "IPv6";
            case 0x0806 -> "ARP";
            case 0x8100 -> "802.1Q Virtual LAN";
            case 0x88A8 -> "802.1ad Provider Bridge (Q-in-Q)";
            default -> "Unknown";
        };
    }
}

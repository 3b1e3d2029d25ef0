package org.ftpscope.fields;

import java.util.List;

import static org.ftpscope.fields.FieldType.*;

/** Link layers: Ethernet II, 802.1Q VLAN tags, Linux cooked captures v1/v2, BSD loopback, ARP. */
public final class LinkFields {
    private static final FieldGroup ETH = FieldGroup.protocol("eth", "Ethernet II");
    public static final FieldDef ETHERNET = ETH.protocol();
    public static final FieldDef ETH_DST = ETH.field("eth.dst", ETHER, "Destination");
    public static final FieldDef ETH_SRC = ETH.field("eth.src", ETHER, "Source");
    public static final FieldDef ETH_TYPE = ETH.field("eth.type", UINT, "Type", "The EtherType of the payload (0x0800 IPv4, 0x86dd IPv6, 0x8100 VLAN)");

    private static final FieldGroup VLAN_G = FieldGroup.protocol("vlan", "802.1Q Virtual LAN");
    public static final FieldDef VLAN = VLAN_G.protocol();
    public static final FieldDef VLAN_PRIORITY = VLAN_G.field("vlan.priority", UINT, "Priority");
    public static final FieldDef VLAN_ID = VLAN_G.field("vlan.id", UINT, "ID");
    public static final FieldDef VLAN_ETYPE = VLAN_G.field("vlan.etype", UINT, "Type");

    private static final FieldGroup SLL_G = FieldGroup.protocol("sll", "Linux cooked capture");
    public static final FieldDef SLL = SLL_G.protocol();
    public static final FieldDef SLL_PKTTYPE = SLL_G.field("sll.pkttype", UINT, "Packet type", "0 to us, 1 broadcast, 2 multicast, 3 to another host, 4 sent by us");
    public static final FieldDef SLL_HATYPE = SLL_G.field("sll.hatype", UINT, "Link-layer address type");
    public static final FieldDef SLL_HALEN = SLL_G.field("sll.halen", UINT, "Link-layer address length");
    public static final FieldDef SLL_SRC = SLL_G.field("sll.src.eth", ETHER, "Source");
    public static final FieldDef SLL_ETYPE = SLL_G.field("sll.etype", UINT, "Protocol");
    public static final FieldDef SLL_RESERVED = SLL_G.field("sll.reserved", NONE, "Reserved");
    public static final FieldDef SLL_IFINDEX = SLL_G.field("sll.ifindex", UINT, "Interface index");

    private static final FieldGroup NULL_G = FieldGroup.protocol("null", "Null/Loopback");
    public static final FieldDef NULL = NULL_G.protocol();
    public static final FieldDef NULL_FAMILY = NULL_G.field("null.family", NONE, "Family", "The address family word; ftpscope tests it for presence only");

    private static final FieldGroup ARP_G = FieldGroup.protocol("arp", "Address Resolution Protocol");
    public static final FieldDef ARP = ARP_G.protocol();

    private LinkFields() {}

    public static List<List<FieldDef>> all() { return List.of(ETH.all(), VLAN_G.all(), SLL_G.all(), NULL_G.all(), ARP_G.all()); }
}

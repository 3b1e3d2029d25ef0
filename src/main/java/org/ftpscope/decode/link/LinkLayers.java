package org.ftpscope.decode.link;

import java.util.List;

/** The link types ftpscope decodes: this list is the only place that names them. */
public final class LinkLayers {
    public static final List<LinkLayer> ALL = List.of(
            new Ethernet(),
            new LinuxSll(),
            new LinuxSll2(),
            Loopback.NULL,
            Loopback.LOOP,
            RawIp.RAW,
            RawIp.RAW_BSD_12,
            RawIp.RAW_BSD_14,
            RawIp.IPV4,
            RawIp.IPV6);

    /** Indexed by link type: the per-frame lookup is one array read. */
    private static final LinkLayer[] BY_TYPE;

    static {
        int max = 0;
        for (LinkLayer l : ALL) max = Math.max(max, l.linkType());
        BY_TYPE = new LinkLayer[max + 1];
        for (LinkLayer l : ALL) {
            if (l.linkType() < 0) throw new IllegalStateException("negative link type: " + l.name());
            if (BY_TYPE[l.linkType()] != null) throw new IllegalStateException("link type listed twice: " + l.linkType());
            BY_TYPE[l.linkType()] = l;
        }
    }

    private LinkLayers() {}

    /** The layer of that LINKTYPE_ number, or null when ftpscope does not decode it. */
    public static LinkLayer of(int linkType) {
        return linkType >= 0 && linkType < BY_TYPE.length ? BY_TYPE[linkType] : null;
    }

    /** The link type's name ({@code EN10MB}), or {@code LINKTYPE_n} for one ftpscope does not decode. */
    public static String name(int linkType) {
        LinkLayer l = of(linkType);
        return l != null ? l.name() : "LINKTYPE_" + linkType;
    }
}

package org.ftpscope.capture;

/** LINKTYPE_ values (tcpdump.org/linktypes.html) that ftpscope decodes. */
public final class LinkType {
    public static final int NULL = 0;
    public static final int ETHERNET = 1;
    /** DLT_RAW as written by some BSDs; treated like {@link #RAW}. */
    public static final int RAW_BSD_12 = 12;
    public static final int RAW_BSD_14 = 14;
    public static final int RAW = 101;
    public static final int LOOP = 108;
    public static final int LINUX_SLL = 113;
    public static final int IPV4 = 228;
    public static final int IPV6 = 229;
    public static final int LINUX_SLL2 = 276;

    private LinkType() {}

    public static String name(int linkType) {
        return switch (linkType) {
            case NULL -> "NULL";
            case ETHERNET -> "EN10MB";
            case RAW, RAW_BSD_12, RAW_BSD_14 -> "RAW";
            case LOOP -> "LOOP";
            case LINUX_SLL -> "LINUX_SLL";
            case LINUX_SLL2 -> "LINUX_SLL2";
            case IPV4 -> "IPV4";
            case IPV6 -> "IPV6";
            default -> "LINKTYPE_" + linkType;
        };
    }

    public static boolean isSupported(int linkType) {
        return switch (linkType) {
            case NULL, ETHERNET, RAW, RAW_BSD_12, RAW_BSD_14, LOOP, LINUX_SLL, LINUX_SLL2, IPV4, IPV6 -> true;
            default -> false;
        };
    }
}

package org.ftpscope.decode;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 address as two longs: cheap to compare and hash, and printed the way
 * Wireshark prints it (dotted quad; RFC 5952 compressed IPv6).
 */
public record IpAddr(boolean v6, long hi, long lo) implements Comparable<IpAddr> {

    public static IpAddr v4(int addr) { return new IpAddr(false, 0, addr & 0xFFFFFFFFL); }

    public static IpAddr v4(int a, int b, int c, int d) { return v4(a << 24 | b << 16 | c << 8 | d); }

    public static IpAddr v6(long hi, long lo) { return new IpAddr(true, hi, lo); }

    /** Reads 4 or 16 address bytes starting at {@code off}. */
    public static IpAddr of(byte[] buf, int off, boolean v6) {
        if (!v6) return v4(Bytes.int32(buf, off));
        return v6(Bytes.int64(buf, off), Bytes.int64(buf, off + 8));
    }

    /** Parses a literal IPv4 or IPv6 address; null if it is not one (never does a DNS lookup). */
    public static IpAddr parse(String s) {
        if (s == null || s.isEmpty()) return null;
        s = s.trim();
        if (s.indexOf(':') < 0) {
            String[] p = s.split("\\.", -1);
            if (p.length != 4) return null;
            int v = 0;
            for (String part : p) {
                if (part.length() > 3 || !Ascii.allDigits(part)) return null;
                int o = Integer.parseInt(part);
                if (o > 255) return null;
                v = v << 8 | o;
            }
            return v4(v);
        }
        if (!s.chars().allMatch(c -> Ascii.isHexDigit(c) || c == ':' || c == '.')) return null;
        try {
            byte[] b = InetAddress.getByName(s).getAddress(); // a literal: no lookup happens
            if (b.length == 4) return v4(Bytes.int32(b, 0));
            return v6(Bytes.int64(b, 0), Bytes.int64(b, 8));
        } catch (UnknownHostException | RuntimeException e) {
            return null;
        }
    }

    public byte[] bytes() {
        if (!v6) return new byte[] {(byte) (lo >>> 24), (byte) (lo >>> 16), (byte) (lo >>> 8), (byte) lo};
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (hi >>> (56 - 8 * i));
            b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return b;
    }

    /** RFC 1918, RFC 6598 shared, loopback, link-local, and IPv6 unique-local addresses. */
    public boolean isPrivate() {
        if (!v6) {
            long a = lo;
            return (a >>> 24) == 10 || (a >>> 20) == 0xAC1 || (a >>> 16) == 0xC0A8
                    || (a >>> 22) == (100 << 2 | 1) || (a >>> 24) == 127 || (a >>> 16) == 0xA9FE;
        }
        return (hi >>> 57) == (0xfc >>> 1) || (hi >>> 54) == (0xfe80 >>> 6) || (hi == 0 && lo == 1);
    }

    /** 0.0.0.0 or :: — an address nobody can connect to. */
    public boolean isUnspecified() { return hi == 0 && lo == 0; }

    @Override
    public String toString() {
        if (!v6) return (lo >>> 24 & 255) + "." + (lo >>> 16 & 255) + "." + (lo >>> 8 & 255) + "." + (lo & 255);
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) {
            g[i] = (int) (hi >>> (48 - 16 * i)) & 0xFFFF;
            g[4 + i] = (int) (lo >>> (48 - 16 * i)) & 0xFFFF;
        }
        // RFC 5952: compress the longest run (length >= 2) of zero groups, the first one on a tie.
        int bestStart = -1, bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) { bestStart = i; bestLen = j - i; }
            i = j;
        }
        if (bestStart == 0 && bestLen == 5 && g[5] == 0xFFFF) {
            return "::ffff:" + (g[6] >>> 8) + "." + (g[6] & 255) + "." + (g[7] >>> 8) + "." + (g[7] & 255);
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    // Written out: the generated record methods bootstrap method handles, which costs a fresh JVM
    // (the `analyze` process) compile time on its hottest path.
    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddr a && a.lo == lo && a.hi == hi && a.v6 == v6;
    }

    @Override
    public int hashCode() { return Long.hashCode(lo) * 31 + Long.hashCode(hi) + (v6 ? 17 : 0); }

    @Override
    public int compareTo(IpAddr o) {
        if (v6 != o.v6) return v6 ? 1 : -1;
        int c = Long.compareUnsigned(hi, o.hi);
        return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
    }
}

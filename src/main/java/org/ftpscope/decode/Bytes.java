package org.ftpscope.decode;

/** Big-endian reads from byte arrays. */
public final class Bytes {
    private Bytes() {}

    public static int uint8(byte[] b, int i) { return b[i] & 0xFF; }

    public static int uint16(byte[] b, int i) { return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF); }

    public static int int32(byte[] b, int i) {
        return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
    }

    public static long uint32(byte[] b, int i) { return int32(b, i) & 0xFFFFFFFFL; }

    public static long int64(byte[] b, int i) { return (uint32(b, i) << 32) | uint32(b, i + 4); }

    public static String hex(byte[] b, int off, int len, char sep) {
        StringBuilder sb = new StringBuilder(len * 3);
        for (int i = 0; i < len; i++) {
            if (i > 0 && sep != 0) sb.append(sep);
            sb.append(Character.forDigit((b[off + i] >> 4) & 0xF, 16)).append(Character.forDigit(b[off + i] & 0xF, 16));
        }
        return sb.toString();
    }
}

package org.ftpscope.tcp;

import org.ftpscope.decode.PacketInfo;

/**
 * The open connection of each address/port pair, whichever direction a frame travels. Open
 * addressing over the primitive fields of {@link PacketInfo}: a lookup per frame allocates nothing
 * (a key object per frame was half of everything a pass allocated).
 */
final class ConnectionTable {
    private static final int FIELDS = 5; // aHi, aLo, bHi, bLo, ports and IP version

    private long[] keys = new long[FIELDS * 1024];
    private TcpStream[] values = new TcpStream[1024];
    private int size;

    /** The connection of {@code p}'s address/port pair, or null. */
    TcpStream get(PacketInfo p) {
        int slot = find(p);
        return slot >= 0 ? values[slot] : null;
    }

    /** Makes {@code s} the connection of {@code p}'s address/port pair (replacing one that ended). */
    void put(PacketInfo p, TcpStream s) {
        int slot = find(p);
        if (slot >= 0) {
            values[slot] = s;
            return;
        }
        if ((size + 1) * 4 > values.length * 3) grow();
        insert(p, s);
        size++;
    }

    /** Both directions give the same key: the lower endpoint first, as Wireshark orders a conversation. */
    private static boolean srcFirst(PacketInfo p) {
        int c = Long.compare(p.srcHi, p.dstHi);
        if (c == 0) c = Long.compare(p.srcLo, p.dstLo);
        if (c == 0) c = Integer.compare(p.srcPort, p.dstPort);
        return c <= 0;
    }

    private static long meta(PacketInfo p, boolean srcFirst) {
        int aPort = srcFirst ? p.srcPort : p.dstPort, bPort = srcFirst ? p.dstPort : p.srcPort;
        return (p.ipVersion == 6 ? 1L << 32 : 0) | (long) aPort << 16 | bPort;
    }

    private static int hash(long aLo, long bLo, long aHi, long bHi, long meta) {
        long h = aLo * 0x9E3779B97F4A7C15L + bLo;
        h = (h ^ h >>> 32) * 0x9E3779B97F4A7C15L + (aHi ^ bHi * 31);
        h = (h ^ h >>> 32) * 0x9E3779B97F4A7C15L + meta;
        // murmur3's finaliser: linear probing needs every key bit to reach the low bits
        h = (h ^ h >>> 33) * 0xFF51AFD7ED558CCDL;
        h = (h ^ h >>> 33) * 0xC4CEB9FE1A85EC53L;
        return (int) (h ^ h >>> 33);
    }

    private int find(PacketInfo p) {
        boolean sf = srcFirst(p);
        long aHi = sf ? p.srcHi : p.dstHi, aLo = sf ? p.srcLo : p.dstLo;
        long bHi = sf ? p.dstHi : p.srcHi, bLo = sf ? p.dstLo : p.srcLo;
        long meta = meta(p, sf);
        int mask = values.length - 1;
        for (int i = hash(aLo, bLo, aHi, bHi, meta) & mask; ; i = (i + 1) & mask) {
            if (values[i] == null) return -1;
            int k = i * FIELDS;
            if (keys[k + 1] == aLo && keys[k + 3] == bLo && keys[k + 4] == meta && keys[k] == aHi && keys[k + 2] == bHi) {
                return i;
            }
        }
    }

    private void insert(PacketInfo p, TcpStream s) {
        boolean sf = srcFirst(p);
        long aHi = sf ? p.srcHi : p.dstHi, aLo = sf ? p.srcLo : p.dstLo;
        long bHi = sf ? p.dstHi : p.srcHi, bLo = sf ? p.dstLo : p.srcLo;
        place(aHi, aLo, bHi, bLo, meta(p, sf), s);
    }

    private void place(long aHi, long aLo, long bHi, long bLo, long meta, TcpStream s) {
        int mask = values.length - 1;
        int i = hash(aLo, bLo, aHi, bHi, meta) & mask;
        while (values[i] != null) i = (i + 1) & mask;
        int k = i * FIELDS;
        keys[k] = aHi;
        keys[k + 1] = aLo;
        keys[k + 2] = bHi;
        keys[k + 3] = bLo;
        keys[k + 4] = meta;
        values[i] = s;
    }

    private void grow() {
        long[] oldKeys = keys;
        TcpStream[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new TcpStream[oldValues.length * 2];
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] == null) continue;
            int k = i * FIELDS;
            place(oldKeys[k], oldKeys[k + 1], oldKeys[k + 2], oldKeys[k + 3], oldKeys[k + 4], oldValues[i]);
        }
    }
}

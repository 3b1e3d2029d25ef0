package org.ftpscope.ftp.session;

import org.ftpscope.decode.IpAddr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Expected data channels of all sessions. A new TCP connection claims at most one entry.
 *
 * <p>Tie-break rule when several entries fit a connection to (address, port): prefer an entry
 * whose expected connector is the connection's source host; then one whose advertised address is
 * the destination (over the control-address fallback); then the most recent setup. The most
 * recent wins because a client connects for its latest PASV/PORT; an older unclaimed entry for
 * the same target is a setup that never got its connection. Concurrent sessions between the same
 * two hosts are kept apart by the port each setup named.
 *
 * <p>Only the expected connector (the control client for passive modes, the control server for
 * active ones) claims an entry. A connection from any other host to the same address and port is
 * a foreign connection (a third party taking the passive port, or racing the client): it is
 * returned marked {@code foreign} and the entry stays for the expected host. Claimed entries are
 * kept a while longer so that a foreign connection arriving after the real one is still recognised.
 *
 * <p>Entries are found by hash on the (address, port) a connection goes to, forgotten by hash on
 * their setup, and expire in order of expiry: a new connection costs the entries for its target,
 * not a scan of every pending setup (32 k pending setups and 100 k SYNs were quadratic).
 */
public final class ExpectedChannelTable {
    /** Bound on entries kept; past it the oldest is dropped (a flood of PORT commands). */
    public static final int MAX_ENTRIES = org.ftpscope.capture.Limit.EXPECTED_CHANNELS.intValue();

    /**
     * How long after its connector claimed an entry a connection from another host to the same port
     * is still taken as racing for it; later, it is more likely another session reusing the port.
     */
    public static final long RACE_WINDOW_NANOS = 30L * 1_000_000_000L;

    private final Entries entries = new Entries();
    /** Entries already claimed by their connector, kept only to recognise later foreign connections. */
    private final Entries claimed = new Entries();
    private long dropped;
    private int firstDropFrame;

    public void add(ExpectedChannel e) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.removeOldest();
            if (dropped++ == 0) firstDropFrame = e.setupFrame();
        }
        entries.add(e);
    }

    /** Entries dropped because the table was full. */
    public long dropped() { return dropped; }

    /** The setup frame of the entry whose arrival first dropped another. */
    public int firstDropFrame() { return firstDropFrame; }

    /**
     * Finds and removes the entry a connection from {@code src} to {@code dst:dstPort} claims; or,
     * for a connection from a host that is not the entry's connector, returns it marked foreign
     * without removing it.
     */
    public DataChannelMatch claim(IpAddr src, int srcPort, IpAddr dst, int dstPort, long nowNanos,
                                  int stream, int synFrame) {
        Slot slot = entries.best(src, dst, dstPort, nowNanos);
        ExpectedChannel best = slot == null ? null : slot.e;
        if (best != null && src.equals(best.connector())) {
            entries.remove(slot);
            if (claimed.size() >= MAX_ENTRIES) claimed.removeOldest();
            claimed.add(new ExpectedChannel(best.session(), best.setupId(), best.mode(), best.setupFrame(),
                    best.connector(), best.advertised(), best.controlPeer(),
                    Math.min(best.expiresNanos(), nowNanos + RACE_WINDOW_NANOS)));
            return match(best, stream, synFrame, dst, srcPort, false);
        }
        if (best == null) {
            Slot c = claimed.best(src, dst, dstPort, nowNanos);
            best = c == null ? null : c.e;
        }
        if (best == null || src.equals(best.connector())) return null;
        return match(best, stream, synFrame, dst, srcPort, true);
    }

    private static DataChannelMatch match(ExpectedChannel e, int stream, int synFrame, IpAddr dst, int srcPort,
                                          boolean foreign) {
        return new DataChannelMatch(e, stream, synFrame, dst.equals(e.advertised().ip()),
                !e.mode().passive() && srcPort == 20, foreign);
    }

    /** Removes every entry of a session's setup (the setup was superseded or its transfer ended). */
    public void forget(int session, int setupId) { entries.forget(session, setupId); }

    public int size() { return entries.size(); }

    /** One entry (compared by identity); {@code seq} is its place in arrival order. */
    private static final class Slot {
        final ExpectedChannel e;
        final long seq;

        Slot(ExpectedChannel e, long seq) {
            this.e = e;
            this.seq = seq;
        }
    }

    /** Equality written out: the record's generated one spins method-handle classes in a fresh JVM (docs/performance.md). */
    private record Target(IpAddr ip, int port) {
        @Override
        public boolean equals(Object o) { return o instanceof Target t && t.port == port && t.ip.equals(ip); }

        @Override
        public int hashCode() { return ip.hashCode() * 31 + port; }
    }

    /** Entries in arrival order, indexed by target, by setup and by expiry. */
    private static final class Entries {
        private final LinkedHashMap<Long, Slot> bySeq = new LinkedHashMap<>();
        /** By the endpoints an entry may be reached at: the advertised one and the control peer's. */
        private final Map<Target, Set<Slot>> byTarget = new HashMap<>();
        private final Map<Long, List<Slot>> bySetup = new HashMap<>();
        private final TreeSet<Slot> byExpiry = new TreeSet<>(
                Comparator.comparingLong((Slot s) -> s.e.expiresNanos()).thenComparingLong(s -> s.seq));
        private long nextSeq;

        int size() { return bySeq.size(); }

        void add(ExpectedChannel e) {
            Slot s = new Slot(e, nextSeq++);
            bySeq.put(s.seq, s);
            for (Target t : targets(e)) byTarget.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(s);
            bySetup.computeIfAbsent(setupKey(e.session(), e.setupId()), k -> new ArrayList<>(1)).add(s);
            byExpiry.add(s);
        }

        void removeOldest() { remove(bySeq.values().iterator().next()); }

        /** The best entry for the connection, after dropping every expired one (as a full scan did). */
        Slot best(IpAddr src, IpAddr dst, int dstPort, long nowNanos) {
            while (!byExpiry.isEmpty() && nowNanos > byExpiry.first().e.expiresNanos()) remove(byExpiry.first());
            Set<Slot> candidates = byTarget.get(new Target(dst, dstPort));
            if (candidates == null) return null;
            Slot best = null;
            int bestRank = -1;
            for (Slot s : candidates) { // arrival order, as the scan went
                ExpectedChannel e = s.e;
                if (!e.targets(dst, dstPort)) continue;
                int rank = (src.equals(e.connector()) ? 2 : 0) + (dst.equals(e.advertised().ip()) ? 1 : 0);
                if (rank > bestRank || (rank == bestRank && e.setupFrame() > best.e.setupFrame())) {
                    best = s;
                    bestRank = rank;
                }
            }
            return best;
        }

        void forget(int session, int setupId) {
            List<Slot> slots = bySetup.get(setupKey(session, setupId));
            if (slots != null) for (Slot s : new ArrayList<>(slots)) remove(s);
        }

        void remove(Slot s) {
            bySeq.remove(s.seq);
            byExpiry.remove(s);
            for (Target t : targets(s.e)) {
                Set<Slot> set = byTarget.get(t);
                if (set != null && set.remove(s) && set.isEmpty()) byTarget.remove(t);
            }
            Long key = setupKey(s.e.session(), s.e.setupId());
            List<Slot> list = bySetup.get(key);
            if (list != null && list.remove(s) && list.isEmpty()) bySetup.remove(key);
        }

        private static List<Target> targets(ExpectedChannel e) {
            Target a = new Target(e.advertised().ip(), e.advertised().port());
            if (e.controlPeer() == null || e.controlPeer().ip().equals(a.ip())) return List.of(a);
            return List.of(a, new Target(e.controlPeer().ip(), e.advertised().port()));
        }

        private static long setupKey(int session, int setupId) { return (long) session << 32 | (setupId & 0xFFFFFFFFL); }
    }
}

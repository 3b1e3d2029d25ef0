package org.ftpscope.ftp.session;

import org.ftpscope.decode.IpAddr;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The table as it was before the hash lookup, kept as the reference ExpectedChannelTableTest compares with.
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
 */
final class ScanningExpectedChannelTable {
    /** Bound on entries kept; past it the oldest is dropped (a flood of PORT commands). */
    public static final int MAX_ENTRIES = org.ftpscope.capture.Limit.EXPECTED_CHANNELS.intValue();

    private final List<ExpectedChannel> entries = new ArrayList<>();
    /**
     * How long after its connector claimed an entry a connection from another host to the same port
     * is still taken as racing for it; later, it is more likely another session reusing the port.
     */
    public static final long RACE_WINDOW_NANOS = 30L * 1_000_000_000L;

    /** Entries already claimed by their connector, kept only to recognise later foreign connections. */
    private final List<ExpectedChannel> claimed = new ArrayList<>();
    private long dropped;
    private int firstDropFrame;

    public void add(ExpectedChannel e) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.remove(0);
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
        ExpectedChannel best = best(entries, src, dst, dstPort, nowNanos);
        if (best != null && src.equals(best.connector())) {
            entries.remove(best);
            if (claimed.size() >= MAX_ENTRIES) claimed.remove(0);
            claimed.add(new ExpectedChannel(best.session(), best.setupId(), best.mode(), best.setupFrame(),
                    best.connector(), best.advertised(), best.controlPeer(),
                    Math.min(best.expiresNanos(), nowNanos + RACE_WINDOW_NANOS)));
            return match(best, stream, synFrame, dst, srcPort, false);
        }
        if (best == null) best = best(claimed, src, dst, dstPort, nowNanos);
        if (best == null || src.equals(best.connector())) return null;
        return match(best, stream, synFrame, dst, srcPort, true);
    }

    private static DataChannelMatch match(ExpectedChannel e, int stream, int synFrame, IpAddr dst, int srcPort,
                                          boolean foreign) {
        return new DataChannelMatch(e, stream, synFrame, dst.equals(e.advertised().ip()),
                !e.mode().passive() && srcPort == 20, foreign);
    }

    private static ExpectedChannel best(List<ExpectedChannel> list, IpAddr src, IpAddr dst, int dstPort, long nowNanos) {
        ExpectedChannel best = null;
        int bestRank = -1;
        for (Iterator<ExpectedChannel> it = list.iterator(); it.hasNext(); ) {
            ExpectedChannel e = it.next();
            if (nowNanos > e.expiresNanos()) {
                it.remove();
                continue;
            }
            if (!e.targets(dst, dstPort)) continue;
            int rank = (src.equals(e.connector()) ? 2 : 0) + (dst.equals(e.advertised().ip()) ? 1 : 0);
            if (rank > bestRank || (rank == bestRank && e.setupFrame() > best.setupFrame())) {
                best = e;
                bestRank = rank;
            }
        }
        return best;
    }

    /** Removes every entry of a session's setup (the setup was superseded or its transfer ended). */
    public void forget(int session, int setupId) {
        entries.removeIf(e -> e.session() == session && e.setupId() == setupId);
    }

    public int size() { return entries.size(); }
}

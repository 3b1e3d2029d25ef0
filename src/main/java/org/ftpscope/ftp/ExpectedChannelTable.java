package org.ftpscope.ftp;

import org.ftpscope.decode.IpAddr;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Expected data channels of all sessions. A new TCP connection claims at most one entry.
 *
 * <p>Tie-break rule when several entries fit a connection to (address, port): prefer an entry
 * whose expected connector is the connection's source host; then one whose advertised address is
 * the destination (over the control-address fallback); then the most recent setup. The most
 * recent wins because a client connects for its latest PASV/PORT; an older unclaimed entry for
 * the same target is a setup that never got its connection. Concurrent sessions between the same
 * two hosts are kept apart by the port each setup named.
 */
public final class ExpectedChannelTable {
    /** Bound on entries kept; past it the oldest is dropped (a flood of PORT commands). */
    public static final int MAX_ENTRIES = org.ftpscope.capture.Limit.EXPECTED_CHANNELS.intValue();

    private final List<ExpectedChannel> entries = new ArrayList<>();
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

    /** Finds and removes the entry a connection from {@code src} to {@code dst:dstPort} claims. */
    public DataChannelMatch claim(IpAddr src, int srcPort, IpAddr dst, int dstPort, long nowNanos,
                                  int stream, int synFrame) {
        ExpectedChannel best = null;
        int bestRank = -1;
        for (Iterator<ExpectedChannel> it = entries.iterator(); it.hasNext(); ) {
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
        if (best == null) return null;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) == best) {
                entries.remove(i);
                break;
            }
        }
        return new DataChannelMatch(best, stream, synFrame, dst.equals(best.advertised().ip()),
                !best.mode().passive() && srcPort == 20);
    }

    /** Removes every entry of a session's setup (the setup was superseded or its transfer ended). */
    public void forget(int session, int setupId) {
        entries.removeIf(e -> e.session() == session && e.setupId() == setupId);
    }

    public int size() { return entries.size(); }
}

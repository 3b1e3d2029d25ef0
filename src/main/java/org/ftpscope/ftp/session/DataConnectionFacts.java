package org.ftpscope.ftp.session;

import org.ftpscope.decode.IpAddr;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.findings.FindingKind;
import org.ftpscope.ftp.model.DataSetup;
import org.ftpscope.ftp.model.DataState;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.OrphanDataConnection;
import org.ftpscope.ftp.model.Severity;
import org.ftpscope.ftp.model.Shortfall;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.ftp.parse.IcmpUnreachable;
import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.StreamState;
import org.ftpscope.tcp.TcpStream;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Capture-wide facts about data and control connections that no single session can state: a
 * capture without any data connection, FTP servers that never answered, and data connections
 * whose control connection is not in the capture.
 */
final class DataConnectionFacts {
    private DataConnectionFacts() {}

    /**
     * An unanswered SYN says the server is unreachable only when the client retransmitted it or the
     * capture went on this long after it (Linux retransmits an unanswered SYN after 1 s).
     */
    static final long SYN_ANSWER_WAIT_NANOS = 1_000_000_000L;

    /** The FTP data port of active mode; tshark labels any connection on it FTP-DATA. */
    static final int ACTIVE_DATA_PORT = 20;

    /**
     * When no transfer's data connection is in the capture at all, the per-transfer
     * {@code data-connection-missing} findings become one: the capture, not the network, lacks them.
     */
    static void groupNotCaptured(List<FtpSession> sessions, List<Finding> findings, boolean onlyControlConnections) {
        int confirmed = 0, transfers = 0;
        for (FtpSession s : sessions) {
            for (DataSetup d : s.setups()) {
                if (d.data() != null || !d.foreignConnections().isEmpty()) return;
            }
            for (Transfer t : s.transfers()) {
                if (t.data().state() != DataState.MISSING) return;
                if (t.shortfalls().stream().anyMatch(x -> x.cause() == Shortfall.Cause.NOT_IN_CAPTURE)) {
                    transfers++;
                    if (t.replyCode() >= 200 && t.replyCode() < 300) confirmed++;
                }
            }
        }
        List<Finding> missing = findings.stream().filter(f -> f.kind() == FindingKind.DATA_CONNECTION_MISSING).toList();
        if (missing.isEmpty()) return;
        findings.removeAll(missing);
        List<Integer> frames = missing.stream().map(Finding::frame).sorted().toList();
        findings.add(new Finding(FindingKind.DATA_CONNECTIONS_NOT_CAPTURED, FindingKind.DATA_CONNECTIONS_NOT_CAPTURED.severity(),
                -1, frames.get(0), "No data connection of any of the " + transfers + " transfers is in the capture"
                + (onlyControlConnections ? ": it holds only FTP control connections, likely because of a capture filter "
                        + "such as `port 21`." : ": they were filtered out or took a path the capture did not see.")
                + " The server confirmed " + confirmed + " of them (2xx); their outcomes are taken from its replies.", frames));
    }

    /** Connections to an FTP control port that were never answered or were refused, one finding per client and server. */
    static List<Finding> unreachableServers(List<SessionState> sessions, long captureEndNanos,
                                            List<IcmpUnreachable> icmp) {
        Map<String, List<SessionState>> byPair = new TreeMap<>();
        Map<String, List<IcmpUnreachable>> icmpByPair = new TreeMap<>();
        for (SessionState st : sessions) {
            StreamState state = st.control.state();
            if (state != StreamState.SYN_SENT && state != StreamState.REFUSED) continue;
            IcmpUnreachable answer = state == StreamState.SYN_SENT ? icmpFor(st.control, icmp) : null;
            String key = st.client().ip() + " " + st.server() + " " + state
                    + (answer == null ? "" : " icmp " + answer.reporter() + " " + answer.code());
            byPair.computeIfAbsent(key, k -> new ArrayList<>()).add(st);
            if (answer != null) icmpByPair.computeIfAbsent(key, k -> new ArrayList<>()).add(answer);
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<IcmpUnreachable>> e : icmpByPair.entrySet()) {
            List<SessionState> group = byPair.remove(e.getKey());
            SessionState first = group.get(0);
            IcmpUnreachable u = e.getValue().get(0);
            List<Integer> frames = new ArrayList<>();
            for (SessionState st : group) frames.add(st.control.synFrame());
            for (IcmpUnreachable x : e.getValue()) frames.add(x.frame());
            frames.sort(null);
            out.add(new Finding(FindingKind.SERVER_UNREACHABLE, FindingKind.SERVER_UNREACHABLE.severity(),
                    group.size() == 1 ? first.id : -1, frames.get(0),
                    (group.size() == 1 ? "The connection" : group.size() + " connections") + " from " + first.client().ip()
                            + " to the FTP server " + first.server() + " got an ICMP" + (u.v6() ? "v6" : "")
                            + " destination unreachable (" + u.codeText() + ") from " + u.reporter() + " in frame " + u.frame()
                            + " instead of a SYN-ACK" + (u.reporter().equals(first.server().ip()) ? "."
                            : ": a router on the path cannot or will not reach the server."), frames));
        }
        for (List<SessionState> group : byPair.values()) {
            SessionState first = group.get(0);
            boolean refused = first.control.state() == StreamState.REFUSED;
            List<Integer> frames = new ArrayList<>();
            int syns = 0;
            for (SessionState st : group) {
                frames.add(st.control.synFrame());
                if (refused) frames.add(st.control.rstFrame(Direction.SERVER_TO_CLIENT));
                syns += st.control.synCount();
            }
            frames.sort(null);
            String who = group.size() == 1 ? "The connection" : group.size() + " connections";
            long lastSyn = group.get(group.size() - 1).control.lastTimeNanos();
            double waited = (captureEndNanos - lastSyn) / 1e9;
            double span = (lastSyn - first.control.firstTimeNanos()) / 1e9;
            boolean tooSoon = !refused && syns == group.size() && captureEndNanos - lastSyn < SYN_ANSWER_WAIT_NANOS;
            String what;
            if (refused) {
                what = (group.size() == 1 ? " was" : " were") + " refused with a reset (frame "
                        + first.control.rstFrame(Direction.SERVER_TO_CLIENT) + "): nothing listens there, or a firewall rejects it.";
            } else if (tooSoon) {
                what = " got no answer to its SYN before the capture ended, "
                        + String.format(Locale.ROOT, "%.3f", waited) + " s later: too soon to tell whether the server is reachable.";
            } else {
                what = " got no answer to " + syns + (syns == 1 ? " SYN" : " SYNs")
                        + (syns > group.size() ? " (retransmitted, over " + String.format(Locale.ROOT, "%.1f", span) + " s)"
                        : " (the capture ran " + String.format(Locale.ROOT, "%.1f", waited) + " s after the last one)")
                        + ": the server is down or unreachable, or a firewall drops port " + first.server().port() + ".";
            }
            out.add(new Finding(FindingKind.SERVER_UNREACHABLE, tooSoon ? Severity.INFO : FindingKind.SERVER_UNREACHABLE.severity(),
                    group.size() == 1 ? first.id : -1, frames.get(0),
                    who + " from " + first.client().ip() + " to the FTP server " + first.server() + what, frames));
        }
        return out;
    }

    /** The first ICMP unreachable after the stream's SYN that quotes one of its segments. */
    private static IcmpUnreachable icmpFor(TcpStream t, List<IcmpUnreachable> icmp) {
        for (IcmpUnreachable u : icmp) {
            if (u.frame() > t.synFrame() && u.from().equals(t.client()) && u.to().equals(t.server())) return u;
        }
        return null;
    }

    /**
     * Unclaimed connections that are FTP data by their ports: port 20 (as tshark labels them), or a
     * port inside the passive ports an FTP server of this capture advertised.
     */
    static List<OrphanDataConnection> orphans(List<TcpStream> unclaimed, Collection<Integer> controlStreams,
                                              List<FtpSession> sessions) {
        Map<IpAddr, int[]> passiveRange = new java.util.HashMap<>();
        for (FtpSession s : sessions) {
            for (DataSetup d : s.setups()) {
                if (!d.mode().passive() || !d.endpointKnown()) continue;
                int p = d.advertised().port();
                for (IpAddr ip : List.of(s.server().ip(), d.advertised().ip())) {
                    passiveRange.merge(ip, new int[] {p, p}, (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                }
            }
        }
        List<OrphanDataConnection> out = new ArrayList<>();
        for (TcpStream t : unclaimed) {
            if (controlStreams.contains(t.index())) continue;
            String reason = null;
            if (t.client().port() == ACTIVE_DATA_PORT || t.server().port() == ACTIVE_DATA_PORT) {
                reason = "port " + ACTIVE_DATA_PORT + ", the FTP data port of active mode";
            } else {
                int[] r = passiveRange.get(t.server().ip());
                if (r != null && t.server().port() >= r[0] && t.server().port() <= r[1]) {
                    reason = "to port " + t.server().port() + " of the FTP server " + t.server().ip()
                            + ", inside the passive ports " + r[0] + "–" + r[1] + " its replies in this capture advertise";
                }
            }
            if (reason == null) continue;
            out.add(new OrphanDataConnection(t.index(), t.client(), t.server(), t.firstFrame(), t.lastFrame(),
                    t.bytes(Direction.CLIENT_TO_SERVER), t.bytes(Direction.SERVER_TO_CLIENT), reason));
        }
        return out;
    }

    static List<Finding> orphanFindings(List<OrphanDataConnection> orphans) {
        List<Finding> out = new ArrayList<>();
        for (OrphanDataConnection o : orphans) {
            out.add(new Finding(FindingKind.ORPHAN_DATA_CONNECTION, FindingKind.ORPHAN_DATA_CONNECTION.severity(), -1,
                    o.firstFrame(), "tcp.stream " + o.stream() + " " + o.client() + " → " + o.server() + " (frames "
                    + o.firstFrame() + "–" + o.lastFrame() + ", " + o.bytesToServer() + " + " + o.bytesToClient()
                    + " bytes) is an FTP data connection by its ports (" + o.reason() + "), but its control connection "
                    + "or setup is not in the capture, so no command can be tied to it.", List.of(o.firstFrame(), o.lastFrame())));
        }
        return out;
    }
}

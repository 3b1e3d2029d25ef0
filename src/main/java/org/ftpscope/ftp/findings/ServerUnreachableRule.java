package org.ftpscope.ftp.findings;

import org.ftpscope.ftp.model.Severity;
import org.ftpscope.ftp.parse.IcmpUnreachable;
import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.StreamState;
import org.ftpscope.tcp.TcpStream;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code server-unreachable}: connections to an FTP control port that were never answered, refused,
 * or answered by an ICMP unreachable; one finding per client and server.
 */
public final class ServerUnreachableRule implements PatternRule {
    /**
     * An unanswered SYN says the server is unreachable only when the client retransmitted it or the
     * capture went on this long after it (Linux retransmits an unanswered SYN after 1 s).
     */
    static final long SYN_ANSWER_WAIT_NANOS = 1_000_000_000L;

    @Override
    public List<Finding> find(CaptureFacts capture) {
        Map<String, List<SessionFacts>> byPair = new TreeMap<>();
        Map<String, List<IcmpUnreachable>> icmpByPair = new TreeMap<>();
        for (SessionFacts st : capture.sessionFacts()) {
            StreamState state = st.control().state();
            if (state != StreamState.SYN_SENT && state != StreamState.REFUSED) continue;
            IcmpUnreachable answer = state == StreamState.SYN_SENT ? icmpFor(st.control(), capture.icmp()) : null;
            String key = st.session().client().ip() + " " + st.session().server() + " " + state
                    + (answer == null ? "" : " icmp " + answer.reporter() + " " + answer.code());
            byPair.computeIfAbsent(key, k -> new ArrayList<>()).add(st);
            if (answer != null) icmpByPair.computeIfAbsent(key, k -> new ArrayList<>()).add(answer);
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<IcmpUnreachable>> e : icmpByPair.entrySet()) {
            List<SessionFacts> group = byPair.remove(e.getKey());
            SessionFacts first = group.get(0);
            IcmpUnreachable u = e.getValue().get(0);
            List<Integer> frames = new ArrayList<>();
            for (SessionFacts st : group) frames.add(st.control().synFrame());
            for (IcmpUnreachable x : e.getValue()) frames.add(x.frame());
            frames.sort(null);
            out.add(new Finding(FindingKind.SERVER_UNREACHABLE, FindingKind.SERVER_UNREACHABLE.severity(),
                    group.size() == 1 ? first.session().id() : -1, frames.get(0),
                    (group.size() == 1 ? "The connection" : group.size() + " connections") + " from " + first.session().client().ip()
                            + " to the FTP server " + first.session().server() + " got an ICMP" + (u.v6() ? "v6" : "")
                            + " destination unreachable (" + u.codeText() + ") from " + u.reporter() + " in frame " + u.frame()
                            + " instead of a SYN-ACK" + (u.reporter().equals(first.session().server().ip()) ? "."
                            : ": a router on the path cannot or will not reach the server."), frames));
        }
        for (List<SessionFacts> group : byPair.values()) {
            SessionFacts first = group.get(0);
            boolean refused = first.control().state() == StreamState.REFUSED;
            List<Integer> frames = new ArrayList<>();
            int syns = 0;
            for (SessionFacts st : group) {
                frames.add(st.control().synFrame());
                if (refused) frames.add(st.control().rstFrame(Direction.SERVER_TO_CLIENT));
                syns += st.control().synCount();
            }
            frames.sort(null);
            String who = group.size() == 1 ? "The connection" : group.size() + " connections";
            // From the SYNs' own times: the group's earliest first SYN to its latest SYN, whichever connection sent it.
            long firstSyn = Long.MAX_VALUE, lastSyn = Long.MIN_VALUE;
            for (SessionFacts st : group) {
                firstSyn = Math.min(firstSyn, st.control().synNanos());
                lastSyn = Math.max(lastSyn, st.control().lastSynNanos());
            }
            double waited = (capture.endNanos() - lastSyn) / 1e9;
            double span = (lastSyn - firstSyn) / 1e9;
            boolean tooSoon = !refused && syns == group.size() && capture.endNanos() - lastSyn < SYN_ANSWER_WAIT_NANOS;
            String what;
            if (refused) {
                what = (group.size() == 1 ? " was" : " were") + " refused with a reset (frame "
                        + first.control().rstFrame(Direction.SERVER_TO_CLIENT) + "): nothing listens there, or a firewall rejects it.";
            } else if (tooSoon) {
                what = " got no answer to its SYN before the capture ended, "
                        + String.format(Locale.ROOT, "%.3f", waited) + " s later: too soon to tell whether the server is reachable.";
            } else {
                what = " got no answer to " + syns + (syns == 1 ? " SYN" : " SYNs")
                        + (syns > group.size() ? " (retransmitted, over " + String.format(Locale.ROOT, "%.1f", span) + " s)"
                        : " (the capture ran " + String.format(Locale.ROOT, "%.1f", waited) + " s after the last one)")
                        + ": the server is down or unreachable, or a firewall drops port " + first.session().server().port() + ".";
            }
            out.add(new Finding(FindingKind.SERVER_UNREACHABLE, tooSoon ? Severity.INFO : FindingKind.SERVER_UNREACHABLE.severity(),
                    group.size() == 1 ? first.session().id() : -1, frames.get(0),
                    who + " from " + first.session().client().ip() + " to the FTP server " + first.session().server() + what, frames));
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
}

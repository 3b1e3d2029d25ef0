package org.ftpscope.ftp.findings;

import org.ftpscope.decode.IpAddr;
import org.ftpscope.ftp.model.DataSetup;
import org.ftpscope.ftp.model.DataState;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.Transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A port scan through the FTP server (RFC 2577's bounce, nmap's {@code -b}): per port p of a third
 * host, {@code PORT target,p} then {@code LIST}; the server connecting (150/226) means open, a
 * reset or 425 means closed. Grouped per (client, server, target) across sessions, because nmap
 * reconnects when the server drops it.
 */
public final class BounceScanRule implements PatternRule {
    /** Fewer distinct probed ports on one third host are bounce attempts, not a scan. */
    public static final int MIN_PORTS = 5;
    /** Open ports named one by one (with their frames) in the message; further ones are counted. */
    public static final int OPEN_PORTS_LISTED = 50;
    /** Runs of closed ports written out ("3000–3021, 3023–3079"); further ones are counted. */
    static final int RANGES_LISTED = 20;

    /** What the scanner learned about one port. */
    public enum PortState {
        /** The server's connection was accepted (SYN-ACK), or it replied 150/2xx. */
        OPEN,
        /** The target reset the server's SYN, or the server replied 425. */
        CLOSED,
        /** The server's SYN got no answer (a filter drops it). */
        NO_ANSWER,
        /** Neither the data connection nor a telling reply is in the capture. */
        UNKNOWN;

        public String label() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '); }
    }

    /**
     * One probed port.
     *
     * @param setupFrame        the PORT/EPRT command's frame
     * @param evidenceFrame     the frame that shows the answer (SYN-ACK, RST, reply), 0 when none
     * @param fromDataConnection whether the answer is the data connection itself (else the server's reply)
     */
    public record Probe(int port, int session, int setupFrame, int transferFrame, PortState state,
                        int evidenceFrame, boolean fromDataConnection) {}

    /**
     * A scan of one target through one server.
     *
     * @param probes          one per distinct port, in port order (a port probed twice keeps its most telling answer)
     * @param refusedByServer PORT/EPRT commands to the target that the server refused (4xx/5xx): not probed
     */
    public record BounceScan(IpAddr client, IpAddr server, IpAddr target, List<Probe> probes, int refusedByServer,
                             List<Integer> sessions) {
        public BounceScan {
            probes = List.copyOf(probes);
            sessions = List.copyOf(sessions);
        }

        public List<Probe> withState(PortState s) { return probes.stream().filter(p -> p.state() == s).toList(); }

        public List<Integer> ports() { return probes.stream().map(Probe::port).toList(); }

        public List<Integer> openPorts() { return withState(PortState.OPEN).stream().map(Probe::port).toList(); }
    }

    @Override
    public List<Finding> find(CaptureFacts capture) {
        return scans(capture.sessions()).stream().map(BounceScanRule::finding).toList();
    }

    public static List<BounceScan> scans(List<FtpSession> sessions) {
        record Key(IpAddr client, IpAddr server, IpAddr target) {}
        final class Acc {
            final TreeMap<Integer, Probe> byPort = new TreeMap<>();
            final TreeSet<Integer> sessions = new TreeSet<>();
            int refused;
        }
        Map<Key, Acc> acc = new LinkedHashMap<>();
        for (FtpSession s : sessions) {
            Map<Integer, Transfer> bySetup = new HashMap<>();
            for (Transfer t : s.transfers()) {
                if (t.setup() != null) bySetup.putIfAbsent(t.setup().id(), t);
            }
            for (DataSetup d : s.setups()) {
                if (d.mode().passive() || !d.endpointKnown() || d.advertised().ip().equals(s.client().ip())) continue;
                Acc a = acc.computeIfAbsent(new Key(s.client().ip(), s.server().ip(), d.advertised().ip()), k -> new Acc());
                if (d.replyCode() >= 400) {
                    a.refused++;
                    a.sessions.add(s.id());
                    continue;
                }
                Transfer t = bySetup.get(d.id());
                if (t == null) continue; // set up but never used: no probe (a flood, if many)
                a.sessions.add(s.id());
                Probe p = probe(s, d, t);
                a.byPort.merge(p.port(), p, (old, neu) -> neu.state().ordinal() < old.state().ordinal() ? neu : old);
            }
        }
        List<BounceScan> out = new ArrayList<>();
        acc.forEach((k, a) -> {
            if (a.byPort.size() >= MIN_PORTS) {
                out.add(new BounceScan(k.client(), k.server(), k.target(), new ArrayList<>(a.byPort.values()), a.refused,
                        new ArrayList<>(a.sessions)));
            }
        });
        return out;
    }

    private static Probe probe(FtpSession s, DataSetup d, Transfer t) {
        int port = d.advertised().port();
        var c = t.data();
        if (c != null && c.state() != DataState.MISSING) {
            return switch (c.state()) {
                case TRANSFERRED, ESTABLISHED, RESET -> new Probe(port, s.id(), d.setupFrame(), t.commandFrame(), PortState.OPEN,
                        c.synAckFrame(), true);
                case REFUSED -> new Probe(port, s.id(), d.setupFrame(), t.commandFrame(), PortState.CLOSED, c.rstFrame(), true);
                default -> new Probe(port, s.id(), d.setupFrame(), t.commandFrame(), PortState.NO_ANSWER, c.synFrame(), true);
            };
        }
        // control-only evidence: nmap reads the same replies
        boolean connected = t.preliminaryCode() >= 100 && t.preliminaryCode() < 200
                || t.replyCode() >= 200 && t.replyCode() < 300;
        if (connected) return new Probe(port, s.id(), d.setupFrame(), t.commandFrame(), PortState.OPEN, t.replyFrame(), false);
        if (t.replyCode() == 425) {
            return new Probe(port, s.id(), d.setupFrame(), t.commandFrame(), PortState.CLOSED, t.replyFrame(), false);
        }
        return new Probe(port, s.id(), d.setupFrame(), t.commandFrame(), PortState.UNKNOWN, t.replyFrame(), false);
    }

    static Finding finding(BounceScan scan) {
        List<Probe> open = scan.withState(PortState.OPEN);
        StringBuilder m = new StringBuilder();
        m.append(scan.client()).append(" used the FTP server ").append(scan.server()).append(" to probe ")
                .append(scan.probes().size()).append(" ports of ").append(scan.target()).append(" (")
                .append(PortRanges.of(scan.ports(), RANGES_LISTED)).append(") in ").append(scan.sessions().size())
                .append(scan.sessions().size() == 1 ? " session" : " sessions")
                .append(", one PORT/EPRT and one transfer command per port, as nmap -b does. ");
        if (open.isEmpty()) {
            m.append("No port answered");
        } else {
            m.append(open.size()).append(open.size() == 1 ? " port answered (open): " : " ports answered (open): ");
            for (int i = 0; i < open.size() && i < OPEN_PORTS_LISTED; i++) {
                if (i > 0) m.append(", ");
                m.append(open.get(i).port()).append(" (frame ").append(open.get(i).evidenceFrame()).append(')');
            }
            if (open.size() > OPEN_PORTS_LISTED) m.append(" … and ").append(open.size() - OPEN_PORTS_LISTED).append(" more");
        }
        m.append("; ").append(scan.withState(PortState.CLOSED).size()).append(" closed");
        int silent = scan.withState(PortState.NO_ANSWER).size(), unknown = scan.withState(PortState.UNKNOWN).size();
        if (silent > 0) m.append(", ").append(silent).append(" without answer (filtered)");
        if (unknown > 0) m.append(", ").append(unknown).append(" unknown (neither the data connection nor a telling reply is in the capture)");
        long byReply = scan.probes().stream().filter(p -> !p.fromDataConnection() && p.state() != PortState.UNKNOWN).count();
        if (byReply > 0) {
            m.append(". For ").append(byReply).append(byReply == 1 ? " port" : " ports")
                    .append(" the answer is the server's reply (150/226 or 425): their data connections are not in the capture");
        }
        if (scan.refusedByServer() > 0) {
            m.append(". The server refused ").append(scan.refusedByServer()).append(" further PORT/EPRT commands to this host");
        }
        m.append('.');
        List<Integer> frames = scan.probes().stream().map(Probe::setupFrame).sorted().toList();
        int session = scan.sessions().size() == 1 ? scan.sessions().get(0) : -1;
        return new Finding(FindingKind.BOUNCE_SCAN, FindingKind.BOUNCE_SCAN.severity(), session, frames.get(0),
                m.toString(), frames);
    }
}

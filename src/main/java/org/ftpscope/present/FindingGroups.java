package org.ftpscope.present;

import org.ftpscope.capture.CaptureWarning;
import org.ftpscope.capture.Limit;
import java.util.Locale;

import org.ftpscope.decode.IpAddr;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.findings.FindingKind;
import org.ftpscope.ftp.model.CommandRecord;
import org.ftpscope.ftp.model.DataSetup;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.ReplyRecord;
import org.ftpscope.ftp.model.Severity;
import org.ftpscope.ftp.session.FtpResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the per-event findings into groups: one per (kind, severity, client host, server host,
 * third host for data-channel kinds), across sessions, so thousands of failed logins are one row
 * with a count. Pure: the same findings give the same groups, in the same order (most severe
 * first, then by first frame).
 */
public final class FindingGroups {
    /** Frames a group's message names before "…". */
    public static final int FIRST_FRAMES = 5;
    /** Frame numbers a group lists; beyond it they are counted ({@link FindingGroup#framesNotListed()}). */
    public static final int MAX_FRAMES_LISTED = Limit.FINDING_GROUP_FRAMES.intValue();

    /** Kinds about one data channel: the host it named is part of the key (a bounce target, an advertised address). */
    private static final Set<FindingKind> PEER_KINDS = EnumSet.of(FindingKind.BOUNCE_ATTEMPT, FindingKind.PRIVILEGED_DATA_PORT,
            FindingKind.DATA_CONNECTION_REFUSED, FindingKind.DATA_CONNECTION_BLOCKED, FindingKind.PASV_ADDRESS_MISMATCH,
            FindingKind.BOUNCE_SCAN, FindingKind.DATA_CHANNEL_FLOOD);

    private FindingGroups() {}

    public static List<FindingGroup> of(FtpResult r) { return of(r.sessions(), r.findings()); }

    /**
     * @param sessions all sessions of the analysis (findings name them by id)
     * @param findings the findings to group, e.g. a report's selection
     */
    public static List<FindingGroup> of(List<FtpSession> sessions, List<Finding> findings) {
        Owners owners = new Owners(sessions);
        record Key(FindingKind kind, Severity severity, IpAddr client, IpAddr server, IpAddr peer) {
            // Written out: the record's generated equality spins method-handle classes in a fresh JVM.
            @Override
            public boolean equals(Object o) {
                return o instanceof Key k && k.kind == kind && k.severity == severity && java.util.Objects.equals(k.client, client)
                        && java.util.Objects.equals(k.server, server) && java.util.Objects.equals(k.peer, peer);
            }

            @Override
            public int hashCode() {
                return (((kind.hashCode() * 31 + severity.hashCode()) * 31 + java.util.Objects.hashCode(client)) * 31
                        + java.util.Objects.hashCode(server)) * 31 + java.util.Objects.hashCode(peer);
            }
        }
        Map<Key, List<Finding>> byKey = new LinkedHashMap<>();
        for (Finding f : findings) {
            FtpSession s = owners.session(f);
            IpAddr peer = s != null && PEER_KINDS.contains(f.kind()) ? owners.peer(s, f.frame()) : null;
            Key k = new Key(f.kind(), f.severity(), s == null ? null : s.client().ip(), s == null ? null : s.server().ip(), peer);
            byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(f);
        }
        List<FindingGroup> out = new ArrayList<>(byKey.size());
        byKey.forEach((k, members) -> out.add(group(k.kind(), k.severity(), k.client(), k.server(), k.peer(), members, owners)));
        out.sort(Comparator.comparing((FindingGroup g) -> g.severity().ordinal()).reversed()
                .thenComparingInt(FindingGroup::firstFrame).thenComparing(g -> g.kind().ordinal()));
        return List.copyOf(out);
    }

    /** The groups that list fewer frames than they involve, as warnings naming the limit (reports, stderr). */
    public static List<CaptureWarning> limitWarnings(List<FindingGroup> groups) {
        List<CaptureWarning> out = new ArrayList<>();
        for (FindingGroup g : groups) {
            if (g.framesNotListed() == 0) continue;
            out.add(CaptureWarning.limit(Limit.FINDING_GROUP_FRAMES, g.firstFrameNotListed(), String.format(Locale.ROOT,
                    "the group of %,d %s finding%s lists the first %,d of its %,d frames; the single findings name them all",
                    g.findings().size(), g.kind().id(), g.findings().size() == 1 ? "" : "s", g.frames().size(), g.frameCount())));
        }
        return out;
    }

    /** Events a finding stands for: each 530 frame of a login-failed or brute-force finding is one failed login. */
    public static int events(Finding f) {
        if (f.kind() == FindingKind.LOGIN_FAILED || f.kind() == FindingKind.BRUTE_FORCE) return Math.max(1, f.frames().size());
        return 1;
    }

    private static FindingGroup group(FindingKind kind, Severity sev, IpAddr client, IpAddr server, IpAddr peer,
                                      List<Finding> members, Owners owners) {
        members = new ArrayList<>(members);
        members.sort(Comparator.comparingInt(Finding::frame));
        int count = 0, n = 0;
        for (Finding f : members) {
            count += events(f);
            n += 1 + f.frames().size();
        }
        int[] all = new int[n];
        n = 0;
        TreeSet<Integer> sessions = new TreeSet<>();
        for (Finding f : members) {
            if (f.frame() > 0) all[n++] = f.frame();
            for (int fr : f.frames()) if (fr > 0) all[n++] = fr;
            if (f.session() >= 0) sessions.add(f.session());
            else {
                // capture-wide patterns (brute force, scans over several connections): the sessions their frames belong to
                int owner = owners.ownerOfFrame(f.frame());
                if (owner >= 0) sessions.add(owner);
                for (int fr : f.frames()) {
                    owner = owners.ownerOfFrame(fr);
                    if (owner >= 0) sessions.add(owner);
                }
            }
        }
        Arrays.sort(all, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) if (distinct == 0 || all[i] != all[distinct - 1]) all[distinct++] = all[i];
        int listed = Math.min(distinct, MAX_FRAMES_LISTED);
        List<Integer> frames = new ArrayList<>(listed);
        for (int i = 0; i < listed; i++) frames.add(all[i]);
        List<Integer> sessionList = new ArrayList<>(sessions);
        String message = members.size() == 1 && distinct <= MAX_FRAMES_LISTED ? members.get(0).message()
                : message(kind, sev, client, server, peer, count, sessionList.size(), frames, distinct - listed, members.get(0));
        return new FindingGroup(kind, sev, client, server, peer, count, sessionList, frames, distinct - listed, message, members,
                distinct > listed ? all[listed] : 0);
    }

    private static String message(FindingKind kind, Severity sev, IpAddr client, IpAddr server, IpAddr peer, int count,
                                  int sessions, List<Integer> frames, int notListed, Finding first) {
        StringBuilder m = new StringBuilder();
        m.append(count).append(' ').append(noun(kind, sev, count));
        if (client != null && PEER_KINDS.contains(kind)) {
            // about data channels, which run between other endpoints than "from client to server"
            m.append(" (client ").append(client).append(", server ").append(server);
            if (peer != null) m.append(kind == FindingKind.PASV_ADDRESS_MISMATCH ? ", advertised " : ", third host ").append(peer);
            m.append(')');
        } else if (client != null) {
            m.append(" from ").append(client).append(" to ").append(server);
        }
        if (sessions > 0) m.append(" in ").append(sessions).append(sessions == 1 ? " session" : " sessions");
        m.append(", frames ");
        for (int i = 0; i < frames.size() && i < FIRST_FRAMES; i++) m.append(i > 0 ? ", " : "").append(frames.get(i));
        int total = frames.size() + notListed;
        if (total > FIRST_FRAMES) m.append(" … (").append(total).append(" frames)");
        if (notListed > 0) {
            m.append("; the first ").append(MAX_FRAMES_LISTED).append(" frames are listed (").append(Limit.FINDING_GROUP_FRAMES.label())
                    .append("), ").append(notListed).append(" more are only in the single findings");
        }
        m.append(". First: ").append(first.message());
        return m.toString();
    }

    private static String noun(FindingKind kind, Severity sev, int count) {
        String[] oneMany = switch (kind) {
            case CLEARTEXT_CREDENTIALS -> sev == Severity.INFO
                    ? new String[] {"anonymous login", "anonymous logins"}
                    : new String[] {"login with the password in cleartext", "logins with the password in cleartext"};
            case LOGIN_FAILED, BRUTE_FORCE -> new String[] {"failed login", "failed logins"};
            case BOUNCE_ATTEMPT -> new String[] {"PORT/EPRT command naming another host than the client",
                    "PORT/EPRT commands naming another host than the client"};
            case PRIVILEGED_DATA_PORT -> new String[] {"data port below 1024 requested", "data ports below 1024 requested"};
            case DATA_CONNECTION_REFUSED -> new String[] {"refused data connection", "refused data connections"};
            case DATA_CONNECTION_BLOCKED -> new String[] {"unanswered data connection", "unanswered data connections"};
            case DATA_CONNECTION_MISSING -> new String[] {"transfer without its data connection in the capture",
                    "transfers without their data connection in the capture"};
            case TRANSFER_FAILED -> new String[] {"failed transfer command", "failed transfer commands"};
            case TRANSFER_INCOMPLETE -> new String[] {"incomplete transfer", "incomplete transfers"};
            case PASV_ADDRESS_MISMATCH -> new String[] {"passive reply with another address", "passive replies with another address"};
            case TLS_CONTROL_CHANNEL -> new String[] {"encrypted control channel", "encrypted control channels"};
            case INVALID_SETUP_REPLY -> new String[] {"malformed data-channel setup", "malformed data-channel setups"};
            case MALFORMED_CONTROL -> new String[] {"malformed control-channel line", "malformed control-channel lines"};
            default -> new String[] {"finding \"" + kind.title() + "\"", "findings \"" + kind.title() + "\""};
        };
        return count == 1 ? oneMany[0] : oneMany[1];
    }

    /** Who a finding belongs to; the indexes are built only when a finding needs them. */
    private static final class Owners {
        private final List<FtpSession> sessions;
        private Map<Integer, Integer> sessionByControlFrame;
        private final Map<Integer, Map<Integer, DataSetup>> setupByFrame = new HashMap<>();

        Owners(List<FtpSession> sessions) { this.sessions = sessions; }

        FtpSession session(Finding f) {
            if (f.session() >= 0) return byId(f.session());
            int owner = ownerOfFrame(f.frame());
            return owner < 0 ? null : byId(owner);
        }

        FtpSession byId(int id) {
            if (id < sessions.size() && sessions.get(id).id() == id) return sessions.get(id);
            for (FtpSession s : sessions) if (s.id() == id) return s;
            return null;
        }

        /** The session whose control connection carried the frame (a command or reply), or -1. */
        int ownerOfFrame(int frame) {
            if (sessionByControlFrame == null) {
                sessionByControlFrame = new HashMap<>();
                for (FtpSession s : sessions) {
                    for (CommandRecord c : s.commands()) {
                        sessionByControlFrame.putIfAbsent(c.frame(), s.id());
                        for (ReplyRecord r : c.replies()) sessionByControlFrame.putIfAbsent(r.frame(), s.id());
                    }
                }
            }
            return sessionByControlFrame.getOrDefault(frame, -1);
        }

        /** The third host named by the setup shown at this frame (setup, SYN or RST frame), or null. */
        IpAddr peer(FtpSession s, int frame) {
            Map<Integer, DataSetup> m = setupByFrame.computeIfAbsent(s.id(), id -> {
                Map<Integer, DataSetup> x = new HashMap<>();
                for (DataSetup d : s.setups()) {
                    x.putIfAbsent(d.setupFrame(), d);
                    if (d.data() != null) {
                        x.putIfAbsent(d.data().synFrame(), d);
                        if (d.data().rstFrame() > 0) x.putIfAbsent(d.data().rstFrame(), d);
                    }
                }
                return x;
            });
            DataSetup d = m.get(frame);
            if (d == null || !d.endpointKnown()) return null;
            IpAddr a = d.advertised().ip();
            return a.equals(s.client().ip()) || a.equals(s.server().ip()) ? null : a;
        }
    }
}

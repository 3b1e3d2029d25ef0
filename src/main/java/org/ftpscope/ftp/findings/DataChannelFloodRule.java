package org.ftpscope.ftp.findings;

import org.ftpscope.decode.IpAddr;
import org.ftpscope.ftp.model.DataMode;
import org.ftpscope.ftp.model.DataSetup;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.Transfer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Many data channels set up and never used (Zeek's ftp-many-port-expected trace): per client and
 * server, across sessions, passive and active counted apart, because they load different parties
 * (PASV: the server's listening ports; PORT: the expectations of every firewall on the path).
 */
public final class DataChannelFloodRule implements PatternRule {
    /** At least this many unused setups of one kind between two hosts make a flood. */
    public static final int MIN_UNUSED = 100;
    /** Port runs written out in the message; further ones are counted. */
    static final int RANGES_LISTED = 10;

    /**
     * Unused setups of one direction (passive or active) between a client and a server.
     *
     * @param accepted active: setups the server answered 2xx; passive: always all (a setup is its 227/229 reply)
     * @param refused  setups the server answered 4xx/5xx
     * @param frames   the setup frames, in capture order
     */
    public record Flood(IpAddr client, IpAddr server, boolean passive, Set<DataMode> modes, int unused, int accepted,
                        int refused, List<Integer> ports, List<Integer> frames, List<Integer> sessions, int usedSetups) {
        public Flood {
            modes = Set.copyOf(modes);
            ports = List.copyOf(ports);
            frames = List.copyOf(frames);
            sessions = List.copyOf(sessions);
        }
    }

    @Override
    public List<Finding> find(CaptureFacts capture) {
        return floods(capture.sessions()).stream().map(DataChannelFloodRule::finding).toList();
    }

    public static List<Flood> floods(List<FtpSession> sessions) {
        record Key(IpAddr client, IpAddr server, boolean passive) {
            // Written out: the record's generated equality spins method-handle classes in a fresh JVM.
            @Override
            public boolean equals(Object o) {
                return o instanceof Key k && k.passive == passive && k.client.equals(client) && k.server.equals(server);
            }

            @Override
            public int hashCode() { return (client.hashCode() * 31 + server.hashCode()) * 2 + (passive ? 1 : 0); }
        }
        final class Acc {
            final EnumSet<DataMode> modes = EnumSet.noneOf(DataMode.class);
            final TreeSet<Integer> ports = new TreeSet<>();
            final List<Integer> frames = new ArrayList<>();
            final TreeSet<Integer> sessions = new TreeSet<>();
            int accepted, refused, used;
        }
        Map<Key, Acc> acc = new LinkedHashMap<>();
        for (FtpSession s : sessions) {
            Set<Integer> used = new HashSet<>();
            for (Transfer t : s.transfers()) if (t.setup() != null) used.add(t.setup().id());
            for (DataSetup d : s.setups()) {
                Acc a = acc.computeIfAbsent(new Key(s.client().ip(), s.server().ip(), d.mode().passive()), k -> new Acc());
                if (used.contains(d.id())) {
                    a.used++;
                    continue;
                }
                a.modes.add(d.mode());
                if (d.endpointKnown()) a.ports.add(d.advertised().port());
                a.frames.add(d.setupFrame());
                a.sessions.add(s.id());
                if (d.mode().passive() || d.replyCode() >= 200 && d.replyCode() < 300) a.accepted++;
                else if (d.replyCode() >= 400) a.refused++;
            }
        }
        List<Flood> out = new ArrayList<>();
        acc.forEach((k, a) -> {
            if (a.frames.size() >= MIN_UNUSED) {
                List<Integer> frames = new ArrayList<>(a.frames);
                frames.sort(null);
                out.add(new Flood(k.client(), k.server(), k.passive(), a.modes, frames.size(), a.accepted, a.refused,
                        new ArrayList<>(a.ports), frames, new ArrayList<>(a.sessions), a.used));
            }
        });
        return out;
    }

    static Finding finding(Flood f) {
        String modes = f.modes().stream().map(Enum::name).sorted().collect(Collectors.joining("/"));
        String where = f.sessions().size() == 1 ? "in 1 session" : "in " + f.sessions().size() + " sessions";
        StringBuilder m = new StringBuilder();
        if (f.passive()) {
            m.append(f.unused()).append(' ').append(modes).append(" replies of the server ").append(f.server())
                    .append(" to the client ").append(f.client()).append(' ').append(where).append(" opened data ports (")
                    .append(PortRanges.of(f.ports(), RANGES_LISTED)).append(") that no transfer command used");
        } else {
            int silent = f.unused() - f.accepted() - f.refused();
            m.append(f.unused()).append(' ').append(modes).append(" commands from ").append(f.client()).append(" to the server ")
                    .append(f.server()).append(' ').append(where).append(" set up data channels (ports ")
                    .append(PortRanges.of(f.ports(), RANGES_LISTED)).append(") that no transfer command used; the server accepted ")
                    .append(f.accepted()).append(", refused ").append(f.refused()).append(" and did not reply to ").append(silent);
        }
        m.append(" (frames ").append(f.frames().get(0)).append('–').append(f.frames().get(f.frames().size() - 1)).append(')');
        if (f.usedSetups() > 0) m.append("; ").append(f.usedSetups()).append(" further setups were used by transfers");
        m.append(": a ").append(f.passive() ? "PASV" : "PORT").append(" flood.");
        int session = f.sessions().size() == 1 ? f.sessions().get(0) : -1;
        return new Finding(FindingKind.DATA_CHANNEL_FLOOD, FindingKind.DATA_CHANNEL_FLOOD.severity(), session,
                f.frames().get(0), m.toString(), f.frames());
    }
}

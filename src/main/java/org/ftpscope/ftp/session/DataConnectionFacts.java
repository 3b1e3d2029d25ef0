package org.ftpscope.ftp.session;

import org.ftpscope.decode.IpAddr;
import org.ftpscope.ftp.model.DataSetup;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.OrphanDataConnection;
import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.TcpStream;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Capture-wide facts about data connections that no single session can state: data connections
 * whose control connection is not in the capture, and those of encrypted sessions without keys.
 */
final class DataConnectionFacts {
    private DataConnectionFacts() {}

    /** The FTP data port of active mode; tshark labels any connection on it FTP-DATA. */
    static final int ACTIVE_DATA_PORT = 20;

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

    /**
     * FTPS without keys (issue 22): an encrypted session's PASV/PORT cannot be read, so a connection
     * opened while its control connection was open, from its client to its server (passive) or from
     * its server's port 20 or 989 to its client (active), is taken as its data connection. By session
     * id; removes the streams it attributes from {@code unclaimed} (they are not orphans).
     */
    static Map<Integer, List<TcpStream>> encryptedSessionData(List<FtpSession> sessions, List<TcpStream> unclaimed,
                                                             Collection<Integer> controlStreams) {
        Map<Integer, List<TcpStream>> out = new java.util.HashMap<>();
        for (FtpSession s : sessions) {
            // Only where nothing of the session's setups is known: no key log, or one that did not open it.
            if (!s.tls() || !s.setups().isEmpty()) continue;
            List<TcpStream> mine = new ArrayList<>();
            for (TcpStream t : unclaimed) {
                if (controlStreams.contains(t.index()) || t.firstFrame() < s.firstFrame() || t.firstFrame() > s.lastFrame()) continue;
                boolean passive = t.client().ip().equals(s.client().ip()) && t.server().ip().equals(s.server().ip());
                boolean active = t.client().ip().equals(s.server().ip()) && t.server().ip().equals(s.client().ip())
                        && (t.client().port() == 20 || t.client().port() == 989);
                if (passive || active) mine.add(t);
            }
            if (mine.isEmpty()) continue;
            unclaimed.removeAll(mine);
            out.put(s.id(), mine);
        }
        return out;
    }

    /**
     * For each session whose control bytes the snaplen cut ({@code cutSessions}): the connections
     * no setup claimed between its two hosts, either way round, that began while it was open. A
     * setup may have been in the bytes cut, so these are only possibly its data connections: listed
     * with it, not taken as its transfers, and left in {@code unclaimed}.
     */
    static Map<Integer, List<TcpStream>> besideCutSessions(List<FtpSession> sessions, java.util.Set<Integer> cutSessions,
                                                           List<TcpStream> unclaimed, Collection<Integer> controlStreams) {
        Map<Integer, List<TcpStream>> out = new java.util.HashMap<>();
        for (FtpSession s : sessions) {
            if (!cutSessions.contains(s.id())) continue;
            List<TcpStream> between = new ArrayList<>();
            for (TcpStream t : unclaimed) {
                if (controlStreams.contains(t.index()) || t.firstFrame() < s.firstFrame() || t.firstFrame() > s.lastFrame()) continue;
                boolean sameHosts = t.client().ip().equals(s.client().ip()) && t.server().ip().equals(s.server().ip())
                        || t.client().ip().equals(s.server().ip()) && t.server().ip().equals(s.client().ip());
                if (sameHosts) between.add(t);
            }
            if (!between.isEmpty()) out.put(s.id(), between);
        }
        return out;
    }
}

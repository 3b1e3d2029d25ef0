package org.ftpscope.ftp.findings;

import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.TcpStream;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * FTPS without keys (issue 22): the PASV/PORT of an encrypted control channel cannot be read, so
 * its data connections are tied to the session by what the capture does show (the session layer
 * decides which: {@link CaptureFacts#inferredData}), marked "inferred, control channel encrypted",
 * with their bytes and duration ({@code encrypted-session-data}). An unanswered one is the classic
 * FTPS firewall problem, and the {@code data-connection-blocked} finding says why and what rule opens it.
 */
public final class EncryptedSessionDataRule implements PatternRule {
    /** Connections listed per session in one finding; the rest are counted. */
    static final int MAX_LISTED = org.ftpscope.capture.Limit.ENCRYPTED_DATA_LISTED.intValue();

    @Override
    public List<Finding> find(CaptureFacts capture) {
        List<FtpSession> sessions = capture.sessions();
        List<Finding> out = new ArrayList<>();
        for (FtpSession s : sessions) {
            List<TcpStream> mine = capture.inferredData(s.id());
            if (mine.isEmpty()) continue;
            StringBuilder m = new StringBuilder().append(mine.size()).append(mine.size() == 1 ? " connection" : " connections")
                    .append(" between ").append(s.client().ip()).append(" and ").append(s.server().ip())
                    .append(" while the encrypted session was open ").append(mine.size() == 1 ? "is its data connection" : "are its data connections")
                    .append(" (inferred, control channel encrypted): ");
            List<Integer> frames = new ArrayList<>();
            int listed = 0;
            for (TcpStream t : mine) {
                if (listed++ == MAX_LISTED) {
                    m.append(", and ").append(mine.size() - MAX_LISTED).append(" more (")
                            .append(org.ftpscope.capture.Limit.ENCRYPTED_DATA_LISTED.label()).append(')');
                    break;
                }
                if (listed > 1) m.append("; ");
                double secs = (t.lastTimeNanos() - t.firstTimeNanos()) / 1e9;
                m.append("tcp.stream ").append(t.index()).append(' ').append(t.client()).append(" → ").append(t.server())
                        .append(" (frames ").append(t.firstFrame()).append('–').append(t.lastFrame());
                if (t.synAckFrame() == 0 && t.bytes(Direction.CLIENT_TO_SERVER) == 0 && t.bytes(Direction.SERVER_TO_CLIENT) == 0) {
                    m.append(", SYN not answered");
                } else {
                    m.append(", ").append(t.bytes(Direction.CLIENT_TO_SERVER)).append(" + ").append(t.bytes(Direction.SERVER_TO_CLIENT))
                            .append(" bytes of TLS, ").append(String.format(Locale.ROOT, "%.3f", secs)).append(" s");
                }
                m.append(')');
                frames.add(t.firstFrame());
            }
            m.append('.');
            for (FtpSession o : sessions) {
                if (o == s || !o.client().ip().equals(s.client().ip()) || !o.server().ip().equals(s.server().ip())) continue;
                if (o.firstFrame() <= s.lastFrame() && s.firstFrame() <= o.lastFrame()) {
                    m.append(" Session ").append(o.id()).append(" between the same hosts was open at the same time: which of the two"
                            + " a connection belongs to is not known (it is given to the earlier one).");
                    break;
                }
            }
            out.add(new Finding(FindingKind.ENCRYPTED_SESSION_DATA, FindingKind.ENCRYPTED_SESSION_DATA.severity(), s.id(),
                    mine.get(0).firstFrame(), m.toString(), frames));
            for (TcpStream t : mine) {
                if (t.synAckFrame() != 0 || t.synFrame() == 0) continue;
                out.add(new Finding(FindingKind.DATA_CONNECTION_BLOCKED, FindingKind.DATA_CONNECTION_BLOCKED.severity(), s.id(),
                        t.synFrame(), "The data connection " + t.client() + " → " + t.server()
                        + " (inferred, control channel encrypted) got no answer to its SYN"
                        + (t.synCount() > 1 ? ", sent " + t.synCount() + " times" : "") + ": a firewall drops port "
                        + t.server().port() + ". " + helperNote(s, t.server().port()), List.of(t.synFrame())));
            }
        }
        return out;
    }

    /**
     * Why FTPS breaks firewalls that handle FTP: their helper (ALG) reads the 227/229 to open the
     * port, and cannot read it encrypted. Printed with the blocked-connection findings of TLS sessions.
     */
    static String helperNote(FtpSession s, int port) {
        return "The control channel is encrypted, so a firewall's FTP helper cannot read the 227/229 reply and cannot open the"
                + " passive port: open the server's passive port range statically, e.g. iptables -A FORWARD -p tcp -d "
                + s.server().ip() + " --dport MIN:MAX -j ACCEPT with the server's configured range (vsftpd pasv_min_port/"
                + "pasv_max_port, ProFTPD PassivePorts); this capture shows port " + port + ".";
    }
}

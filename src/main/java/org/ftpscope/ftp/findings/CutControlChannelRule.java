package org.ftpscope.ftp.findings;

import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.TcpStream;

import java.util.ArrayList;
import java.util.List;

/**
 * A session whose control channel the snaplen cut (to nothing, or lines to their first bytes): its
 * setups may be among the bytes cut, so a connection may be tied to no command. The connections
 * between its hosts while it was open ({@link CaptureFacts#besideCutSession}) are listed with it as
 * what may be its data connections, with the bytes sent and captured, without being taken as its
 * transfers ({@code control-bytes-missing}).
 */
public final class CutControlChannelRule implements PatternRule {
    /** Connections listed per session in one finding; the rest are counted. */
    static final int MAX_LISTED = org.ftpscope.capture.Limit.CUT_SESSION_DATA_LISTED.intValue();

    @Override
    public List<Finding> find(CaptureFacts capture) {
        List<Finding> out = new ArrayList<>();
        for (FtpSession s : capture.sessions()) {
            List<TcpStream> between = capture.besideCutSession(s.id());
            if (between.isEmpty()) continue;
            StringBuilder m = new StringBuilder().append(between.size()).append(between.size() == 1 ? " connection" : " connections")
                    .append(" between ").append(s.client().ip()).append(" and ").append(s.server().ip())
                    .append(" began while the session was open and may be its data ").append(between.size() == 1 ? "connection" : "connections")
                    .append("; with its control channel cut ").append(between.size() == 1 ? "it is" : "they are")
                    .append(" not tied to any command: ");
            List<Integer> frames = new ArrayList<>();
            for (int i = 0; i < between.size(); i++) {
                if (i == MAX_LISTED) {
                    m.append(", and ").append(between.size() - MAX_LISTED).append(" more (")
                            .append(org.ftpscope.capture.Limit.CUT_SESSION_DATA_LISTED.label()).append(')');
                    break;
                }
                TcpStream t = between.get(i);
                if (i > 0) m.append("; ");
                long sent = 0, captured = 0;
                for (Direction d : Direction.values()) {
                    sent += t.bytes(d) + t.gapBytes(d);
                    captured += t.bytes(d);
                }
                m.append("tcp.stream ").append(t.index()).append(' ').append(t.client()).append(" → ").append(t.server())
                        .append(" (frames ").append(t.firstFrame()).append('–').append(t.lastFrame()).append(", ")
                        .append(sent).append(" bytes sent, ").append(captured).append(" captured)");
                frames.add(t.firstFrame());
            }
            out.add(new Finding(FindingKind.CONTROL_BYTES_MISSING, FindingKind.CONTROL_BYTES_MISSING.severity(), s.id(),
                    between.get(0).firstFrame(), m.append('.').toString(), frames));
        }
        return out;
    }
}

package org.ftpscope.ftp.findings;

import org.ftpscope.decode.Endpoint;
import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.TcpStream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code one-direction-captured}: TCP connections of which the capture holds one side's segments
 * only, while that side's ACKs show the other side sent some ({@link TcpStream#unseenDirection()});
 * one finding per captured host and silent host.
 */
public final class OneDirectionRule implements PatternRule {
    /** Connections named in a finding's message; the rest are counted. */
    static final int NAMED = 10;

    @Override
    public List<Finding> find(CaptureFacts capture) {
        Map<String, List<TcpStream>> byHosts = new LinkedHashMap<>();
        for (TcpStream t : capture.oneDirectionStreams()) {
            Direction unseen = t.unseenDirection();
            byHosts.computeIfAbsent(sender(t, unseen.opposite()).ip() + " " + sender(t, unseen).ip(), k -> new ArrayList<>()).add(t);
        }
        List<Finding> out = new ArrayList<>();
        for (List<TcpStream> group : byHosts.values()) {
            TcpStream first = group.get(0);
            Direction unseen = first.unseenDirection();
            String seenHost = sender(first, unseen.opposite()).ip().toString(), silentHost = sender(first, unseen).ip().toString();
            StringBuilder streams = new StringBuilder();
            List<Integer> frames = new ArrayList<>();
            for (int i = 0; i < Math.min(NAMED, group.size()); i++) {
                TcpStream t = group.get(i);
                Direction seen = t.unseenDirection().opposite();
                streams.append(i == 0 ? "" : ", ").append(t.index()).append(" (").append(sender(t, seen))
                        .append(" → ").append(sender(t, seen.opposite())).append(", ").append(t.frames(seen))
                        .append(t.frames(seen) == 1 ? " frame" : " frames").append(')');
                frames.add(t.firstFrame());
            }
            if (group.size() > NAMED) streams.append(" and ").append(group.size() - NAMED).append(" more");
            out.add(new Finding(FindingKind.ONE_DIRECTION_CAPTURED, FindingKind.ONE_DIRECTION_CAPTURED.severity(), -1,
                    first.firstFrame(), "The capture holds only " + seenHost + "'s side of " + (group.size() == 1
                    ? "a TCP connection" : group.size() + " TCP connections") + " with " + silentHost + ": tcp.stream "
                    + streams + " — no segment from " + silentHost + ", although " + seenHost + "'s ACKs show that "
                    + silentHost + " sent segments. What " + silentHost + " sent on "
                    + (group.size() == 1 ? "it" : "them") + " (FTP commands or replies, data, FINs) is not in the capture, so it is"
                    + " not known; no connection among them is taken as unanswered.", frames));
        }
        return out;
    }

    /** The endpoint that sends direction {@code d} of {@code t}. */
    private static Endpoint sender(TcpStream t, Direction d) {
        return d == Direction.CLIENT_TO_SERVER ? t.client() : t.server();
    }
}

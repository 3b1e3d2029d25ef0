package org.ftpscope.ftp.findings;

import org.ftpscope.ftp.model.Severity;
import java.util.List;

/**
 * One diagnosis pointing at frames.
 *
 * @param session  session id, or -1 for capture-wide findings
 * @param frame    the frame that shows the problem best
 * @param frames   further frames involved (e.g. retransmitted SYNs)
 */
public record Finding(FindingKind kind, Severity severity, int session, int frame, String message,
                      List<Integer> frames) {
    public Finding {
        frames = List.copyOf(frames);
    }

    public Finding(FindingKind kind, int session, int frame, String message) {
        this(kind, kind.severity(), session, frame, message, List.of());
    }
}

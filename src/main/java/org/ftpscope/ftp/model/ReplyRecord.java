package org.ftpscope.ftp.model;

import java.util.List;

/**
 * A (possibly multi-line) reply. code is -1 when the line had no valid code; {@code cut} says
 * when its end is not in the capture.
 */
public record ReplyRecord(int frame, long nanos, int code, String text, List<String> lines, LineCut cut) {
    public ReplyRecord {
        lines = List.copyOf(lines);
    }

    public ReplyRecord(int frame, long nanos, int code, String text, List<String> lines) {
        this(frame, nanos, code, text, lines, LineCut.NONE);
    }
}

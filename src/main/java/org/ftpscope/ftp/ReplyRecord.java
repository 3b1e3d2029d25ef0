package org.ftpscope.ftp;

import java.util.List;

/** A complete (possibly multi-line) reply. code is -1 when the line had no valid code. */
public record ReplyRecord(int frame, long nanos, int code, String text, List<String> lines) {
    public ReplyRecord {
        lines = List.copyOf(lines);
    }
}

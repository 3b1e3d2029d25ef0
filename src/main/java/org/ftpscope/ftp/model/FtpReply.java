package org.ftpscope.ftp.model;

import java.util.List;

/**
 * A complete reply, multi-line replies assembled (RFC 959 §4.2).
 *
 * @param code  the 3-digit code, or -1 when the line did not start with one
 * @param text  the first line's text after the code and its separator
 * @param lines every line as sent, without line ends
 * @param cut   whether its end is not in the capture (snaplen, or a lost segment): its text is
 *              a beginning only and is never parsed for addresses, sizes or paths
 */
public record FtpReply(int code, String text, List<String> lines, boolean multiLine, int firstFrame, int lastFrame,
                       long nanos, LineCut cut) {
    public FtpReply {
        lines = List.copyOf(lines);
    }

    public FtpReply(int code, String text, List<String> lines, boolean multiLine, int firstFrame, int lastFrame,
                    long nanos) {
        this(code, text, lines, multiLine, firstFrame, lastFrame, nanos, LineCut.NONE);
    }

    public boolean preliminary() { return code >= 100 && code < 200; }

    /** The whole text of a multi-line reply, code prefixes of inner lines kept as sent. */
    public String fullText() { return String.join("\n", lines); }
}

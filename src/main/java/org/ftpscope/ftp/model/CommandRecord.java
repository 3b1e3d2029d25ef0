package org.ftpscope.ftp.model;

import java.util.List;

/**
 * A command and the replies it got, as the session view and the JSON report list them.
 * Replies without a command (the 220 greeting, an unsolicited 421) have a null command and
 * frame = the reply's frame.
 *
 * @param note what the capture does not show about this exchange, or null: "reply not in the
 *             capture" (its reply was in bytes the capture lost), "command not in the capture"
 *             (a reply to a command lost from the capture), or how the command line was cut
 */
public record CommandRecord(int frame, long nanos, String command, String arg, List<ReplyRecord> replies,
                            String note) {
    public CommandRecord {
        replies = List.copyOf(replies);
    }

    public CommandRecord(int frame, long nanos, String command, String arg, List<ReplyRecord> replies) {
        this(frame, nanos, command, arg, replies, null);
    }

    /** The last (final) reply, or null. */
    public ReplyRecord finalReply() { return replies.isEmpty() ? null : replies.get(replies.size() - 1); }

    public int replyCode() { ReplyRecord r = finalReply(); return r == null ? -1 : r.code(); }

    public int replyFrame() { ReplyRecord r = finalReply(); return r == null ? 0 : r.frame(); }

    public String replyText() { ReplyRecord r = finalReply(); return r == null ? null : r.text(); }

    /** Milliseconds from the command to its first reply, -1 when unanswered. */
    public double replyMillis() {
        return replies.isEmpty() || command == null ? -1 : (replies.get(0).nanos() - nanos) / 1e6;
    }
}

package org.ftpscope.ftp;

import java.util.List;

/**
 * A command and the replies it got, as the session view and the JSON report list them.
 * Replies without a command (the 220 greeting, an unsolicited 421) have a null command and
 * frame = the reply's frame.
 */
public record CommandRecord(int frame, long nanos, String command, String arg, List<ReplyRecord> replies) {
    public CommandRecord {
        replies = List.copyOf(replies);
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

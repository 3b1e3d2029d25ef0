package org.ftpscope.ftp.session;

import org.ftpscope.capture.CaptureWarning;
import org.ftpscope.capture.Limit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the FTP layer may keep of one capture, and a tally of what it dropped past each limit.
 * Dropping never stops the analysis: commands and replies past a limit still drive logins,
 * setups and transfers; they are only not stored (and counted, so the user is told).
 */
final class ControlBudget {
    private static final long CAPTURE_LINES = Limit.CONTROL_LINES.value();
    private static final int SESSION_LINES = Limit.CONTROL_LINES_PER_SESSION.intValue();
    static final int SESSIONS = Limit.FTP_SESSIONS.intValue();
    static final int PENDING_COMMANDS = Limit.PENDING_COMMANDS.intValue();
    static final int FINDINGS_PER_SESSION = Limit.FINDINGS_PER_SESSION.intValue();
    private static final int SETUPS_PER_SESSION = Limit.SETUPS_PER_SESSION.intValue();
    private static final int TRANSFERS_PER_SESSION = Limit.TRANSFERS_PER_SESSION.intValue();

    private long captureLines;
    /** Per limit: {items dropped, first frame, sessions affected}. */
    private final Map<Limit, long[]> tally = new EnumMap<>(Limit.class);

    /** One session's share. */
    final class Session {
        private int lines;
        private int setups;
        private int transfers;
        private final java.util.EnumSet<Limit> hit = java.util.EnumSet.noneOf(Limit.class);

        /** Whether {@code n} more control lines (a command, a reply's lines) may be kept. */
        boolean keepLines(int n, int frame) {
            if (lines + n > SESSION_LINES) return drop(Limit.CONTROL_LINES_PER_SESSION, frame, n);
            if (captureLines + n > CAPTURE_LINES) return drop(Limit.CONTROL_LINES, frame, n);
            lines += n;
            captureLines += n;
            return true;
        }

        boolean keepSetup(int frame) {
            if (setups >= SETUPS_PER_SESSION) return drop(Limit.SETUPS_PER_SESSION, frame, 1);
            if (!keepLines(1, frame)) return false;
            setups++;
            return true;
        }

        boolean keepTransfer(int frame) {
            if (transfers >= TRANSFERS_PER_SESSION) return drop(Limit.TRANSFERS_PER_SESSION, frame, 1);
            if (!keepLines(1, frame)) return false;
            transfers++;
            return true;
        }

        /** Counts {@code n} items dropped past {@code limit}; always false, for {@code return drop(…)}. */
        boolean drop(Limit limit, int frame, long n) {
            long[] t = tally.computeIfAbsent(limit, k -> new long[] {0, frame, 0});
            t[0] += n;
            if (hit.add(limit)) t[2]++;
            return false;
        }
    }

    Session session() { return new Session(); }

    /** Counts {@code n} items dropped past a limit that is not per session. */
    void drop(Limit limit, int frame, long n) {
        long[] t = tally.computeIfAbsent(limit, k -> new long[] {0, frame, 0});
        t[0] += n;
    }

    List<CaptureWarning> warnings() {
        List<CaptureWarning> out = new ArrayList<>();
        tally.forEach((limit, t) -> {
            String n = String.format(Locale.ROOT, "%,d", t[0]);
            String in = t[2] > 1 ? " (in " + t[2] + " sessions)" : "";
            String text = switch (limit) {
                case FTP_SESSIONS -> n + " further control connections were not followed as FTP";
                case CONTROL_LINES, CONTROL_LINES_PER_SESSION -> n + " control-channel lines or setups were counted, not kept"
                        + in + "; the sessions lack those commands and replies, though logins, setups and transfers"
                        + " they started were still followed";
                case REPLY_LINES, REPLY_CHARS -> n + " lines of over-long multi-line replies were counted, not kept" + in;
                case PENDING_COMMANDS -> n + " commands stopped waiting for a reply" + in
                        + "; replies after them may pair with later commands";
                case FINDINGS_PER_SESSION -> n + " further parse findings were counted, not listed" + in;
                case SETUPS_PER_SESSION -> n + " data-channel setups (PORT, PASV …) were ignored" + in
                        + "; connections they announced are not recognised as FTP data";
                case TRANSFERS_PER_SESSION -> n + " transfer commands were ignored" + in;
                case EXPECTED_CHANNELS -> n + " expected data channels were dropped, oldest first; connections to"
                        + " them are not recognised as FTP data";
                case ICMP_UNREACHABLE -> n + " further ICMP destination-unreachable messages were counted, not kept;"
                        + " unanswered connections they may explain are reported without them";
                case CONTROL_LINE_BYTES -> n + " control-channel lines were cut at that length" + in
                        + "; the rest of each, up to its line end, was not read";
                case CONTROL_GAP_FINDINGS -> n + " further places where control-channel bytes are missing were counted in one"
                        + " finding" + in + ", not listed one by one";
                case ENCRYPTED_DATA_LISTED -> n + " inferred data connections of encrypted sessions were counted, not named one by"
                        + " one, in their sessions' encrypted-session-data findings";
                case TLS_CLEARTEXT_PREFIX -> n + (t[0] == 1 ? " control connection" : " control connections") + " went over to"
                        + " TLS after more cleartext than that: " + (t[0] == 1 ? "its" : "their") + " TLS was not read, so "
                        + (t[0] == 1 ? "it is" : "they are") + " not decrypted";
                case CUT_SESSION_DATA_LISTED -> n + " connections beside sessions whose control channel the snapshot length cut"
                        + " were counted, not named one by one, in those sessions' control-bytes-missing findings";
                default -> n + " items were dropped" + in;
            };
            out.add(CaptureWarning.limit(limit, (int) t[1], text));
        });
        return out;
    }
}

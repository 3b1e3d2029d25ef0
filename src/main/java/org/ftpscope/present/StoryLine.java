package org.ftpscope.present;

import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.model.CommandRecord;
import org.ftpscope.ftp.model.DataConnection;
import org.ftpscope.ftp.model.DataSetup;
import org.ftpscope.ftp.model.DataState;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.ReplyRecord;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.ftp.parse.SetupParsers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** One line of a session's story, in frame order; every line jumps to its frame. */
public record StoryLine(int frame, String kind, String text) {

    /** The story as the app shows it: passwords masked. */
    public static List<StoryLine> of(FtpSession s, List<Finding> findings) { return of(s, findings, Masking.MASKED); }

    /** @param findings findings of any sessions; the story takes those of {@code s} */
    public static List<StoryLine> of(FtpSession s, List<Finding> findings, Masking masking) {
        List<StoryLine> out = new ArrayList<>();
        for (CommandRecord c : s.commands()) {
            if (c.command() != null) {
                String arg = masking.argument(c.command(), c.arg());
                out.add(new StoryLine(c.frame(), "command", "→ " + c.command() + (arg.isEmpty() ? "" : " " + arg)));
            }
            boolean first = true;
            for (ReplyRecord r : c.replies()) {
                String time = first && c.command() != null ? String.format(Locale.ROOT, "   (%.3f ms)", (r.nanos() - c.nanos()) / 1e6) : "";
                first = false;
                String more = r.lines().size() > 1 ? "  [+" + (r.lines().size() - 1) + " lines]" : "";
                out.add(new StoryLine(r.frame(), r.code() >= 400 || r.code() < 0 ? "error" : "reply",
                        "← " + (r.code() < 0 ? "(no code)" : r.code()) + " " + r.text() + more + time));
            }
        }
        for (DataSetup d : s.setups()) {
            out.add(new StoryLine(d.setupFrame(), "setup", "⇄ " + d.mode() + " data channel: " + d.advertisedText()
                    + (SetupParsers.formula(d.portMath()) == null ? "" : " = " + SetupParsers.formula(d.portMath()))
                    + (d.mode().passive() ? "  (the client is to connect)" : "  (the server is to connect)")));
            DataConnection c = d.data();
            if (c != null) {
                String what = switch (c.state()) {
                    case UNANSWERED -> "SYN never answered (" + c.synCount() + " tries): blocked";
                    case REFUSED -> "refused with RST in frame " + c.rstFrame();
                    case RESET -> "reset before any data";
                    default -> "established (SYN-ACK in frame " + c.synAckFrame() + ")";
                };
                out.add(new StoryLine(c.synFrame() > 0 ? c.synFrame() : c.firstFrame(),
                        c.state() == DataState.TRANSFERRED ? "data" : "error",
                        "⇢ data connection " + c.client() + " → " + c.server() + (c.usedAdvertisedAddress() ? ""
                                : " (control address used, advertised one ignored)") + ": " + what));
            }
        }
        for (Transfer t : s.transfers()) {
            if (t.data() == null || t.data().state() != DataState.TRANSFERRED) continue;
            int frame = t.data().lastFrame();
            String speed = t.durationSeconds() > 0 ? String.format(Locale.ROOT, " in %.3f s (%.1f KB/s)", t.durationSeconds(),
                    t.throughput() / 1024) : "";
            out.add(new StoryLine(frame, t.complete() ? "data" : "error", "▣ " + t.command() + " " + t.path() + ": "
                    + t.bytes() + " bytes" + (t.expectedBytes() >= 0 ? " of " + t.expectedBytes() : "") + speed
                    + (t.sha256() != null ? ", SHA-256 " + t.sha256().substring(0, 16) + "…" : "") + " — " + t.outcome().label()));
        }
        for (Finding f : findings) {
            if (f.session() == s.id()) {
                out.add(new StoryLine(f.frame(), "finding-" + f.severity().label(),
                        "⚑ " + f.kind().title() + ": " + f.message()));
            }
        }
        out.sort(Comparator.comparingInt(StoryLine::frame));
        return out;
    }
}

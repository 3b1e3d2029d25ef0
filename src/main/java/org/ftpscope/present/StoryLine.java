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

import java.util.List;
import java.util.Locale;

/** One line of a session's story, in frame order; every line jumps to its frame. */
public record StoryLine(int frame, String kind, String text) {

    /** The story as the app shows it: passwords masked. */
    public static List<StoryLine> of(FtpSession s, List<Finding> findings) { return of(s, findings, Masking.MASKED); }

    /** @param findings findings of any sessions; the story takes those of {@code s} */
    public static List<StoryLine> of(FtpSession s, List<Finding> findings, Masking masking) {
        return FirstByFrame.of(items(s, findings, masking), Integer.MAX_VALUE).items();
    }

    /** The first {@code max} lines of the story, and how many there are (a report lists a bounded number). */
    public static FirstByFrame<StoryLine> first(FtpSession s, List<Finding> findings, Masking masking, int max) {
        return FirstByFrame.of(items(s, findings, masking), max);
    }

    /** How many lines the story has and where its first {@code max} end, without building them. */
    public static FirstByFrame.Extent extent(FtpSession s, List<Finding> findings, int max) {
        return FirstByFrame.extent(items(s, findings, Masking.MASKED), max);
    }

    private static FirstByFrame.Items<StoryLine> items(FtpSession s, List<Finding> findings, Masking masking) {
        return out -> lines(s, findings, masking, out);
    }

    /** Every line, each built only when asked for: the order here is the order of lines in one frame. */
    private static void lines(FtpSession s, List<Finding> findings, Masking masking, FirstByFrame.Sink<StoryLine> out) {
        for (CommandRecord c : s.commands()) {
            if (c.command() != null) {
                out.add(c.frame(), () -> {
                    String arg = masking.argument(c.command(), c.arg());
                    // A cut line ends in "…": what follows is not in the capture.
                    String cut = c.note() != null && c.note().startsWith("command line ") ? "…" : "";
                    return new StoryLine(c.frame(), "command", "→ " + c.command() + (arg.isEmpty() ? (cut.isEmpty() ? "" : " " + cut)
                            : " " + arg + cut));
                });
            }
            boolean first = true;
            for (ReplyRecord r : c.replies()) {
                boolean timed = first && c.command() != null;
                first = false;
                out.add(r.frame(), () -> {
                    String time = timed ? String.format(Locale.ROOT, "   (%.3f ms)", (r.nanos() - c.nanos()) / 1e6) : "";
                    String more = r.lines().size() > 1 ? "  [+" + (r.lines().size() - 1) + " lines]" : "";
                    // A reply cut inside its code shows the digits there are ("← 2…"), not "(no code)".
                    String shown = r.code() < 0 && r.cut().cut() ? r.lines().get(0) + "…"
                            : (r.code() < 0 ? "(no code)" : r.code()) + " " + r.text() + (r.cut().cut() ? "…" : "");
                    return new StoryLine(r.frame(), r.code() >= 400 || r.code() < 0 ? "error" : "reply", "← " + shown + more + time);
                });
            }
        }
        for (DataSetup d : s.setups()) {
            out.add(d.setupFrame(), () -> new StoryLine(d.setupFrame(), "setup", "⇄ " + d.mode() + " data channel: " + d.advertisedText()
                    + (SetupParsers.formula(d.portMath()) == null ? "" : " = " + SetupParsers.formula(d.portMath()))
                    + (d.mode().passive() ? "  (the client is to connect)" : "  (the server is to connect)")));
            DataConnection c = d.data();
            if (c != null) {
                int frame = c.synFrame() > 0 ? c.synFrame() : c.firstFrame();
                out.add(frame, () -> {
                    String what = switch (c.state()) {
                        case UNANSWERED -> "SYN never answered (" + c.synCount() + " tries): blocked";
                        case REFUSED -> "refused with RST in frame " + c.rstFrame();
                        case RESET -> "reset before any data";
                        default -> (c.synAckFrame() > 0 ? "established (SYN-ACK in frame " + c.synAckFrame() + ")"
                                : "established (its SYN-ACK is not in the capture)")
                                + (c.state() == DataState.ESTABLISHED ? "; no data crossed it in the capture" : "");
                    };
                    boolean up = c.state() == DataState.TRANSFERRED || c.state() == DataState.ESTABLISHED;
                    return new StoryLine(frame, up ? "data" : "error",
                            "⇢ data connection " + c.client() + " → " + c.server() + (c.usedAdvertisedAddress() ? ""
                                    : " (control address used, advertised one ignored)") + ": " + what);
                });
            }
        }
        for (Transfer t : s.transfers()) {
            if (t.data() == null || (t.data().state() != DataState.TRANSFERRED && t.data().state() != DataState.ESTABLISHED)) continue;
            int frame = t.data().lastFrame();
            out.add(frame, () -> {
                String speed = t.durationSeconds() > 0 ? String.format(Locale.ROOT, " in %.3f s (%.1f KB/s)", t.durationSeconds(),
                        t.throughput() / 1024) : "";
                return new StoryLine(frame, t.complete() ? "data" : "error", "▣ " + t.command() + " " + t.path() + ": "
                        + t.bytes() + " bytes" + (t.expectedBytes() >= 0 ? " of " + t.expectedBytes() : "") + speed
                        + (t.sha256() != null ? ", SHA-256 " + t.sha256().substring(0, 16) + "…" : "") + " — " + t.outcome().label());
            });
        }
        for (Finding f : findings) {
            if (f.session() == s.id()) {
                out.add(f.frame(), () -> new StoryLine(f.frame(), "finding-" + f.severity().label(),
                        "⚑ " + f.kind().title() + ": " + f.message()));
            }
        }
    }
}

package org.ftpscope.report;

import org.ftpscope.capture.CaptureFile;
import org.ftpscope.capture.CaptureInterface;
import org.ftpscope.decode.link.LinkLayers;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.findings.FindingKind;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.present.FindingGroup;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Small formatting shared by the HTML and Markdown reports (text only; each format escapes it). */
final class ReportText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ReportText() {}

    static String time(long nanos) {
        return TIME.format(Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)));
    }

    /** First to last frame's time, for a capture with frames. */
    static String timeSpan(CaptureFile c) {
        return time(c.index().firstTimestampNanos()) + " – " + time(c.index().lastTimestampNanos());
    }

    /** A group's sessions column: "—", "#2" or how many. */
    static String sessions(FindingGroup g) {
        return g.sessions().isEmpty() ? "—" : g.sessions().size() == 1 ? "#" + g.sessions().get(0) : Integer.toString(g.sessions().size());
    }

    /** The kinds of the findings, each once, in the order first found. */
    static Set<FindingKind> kinds(List<Finding> findings) {
        Set<FindingKind> kinds = new LinkedHashSet<>();
        findings.forEach(f -> kinds.add(f.kind()));
        return kinds;
    }

    /** Written as it is produced: a report of many sessions never sits whole in memory. */
    static void flushSome(StringBuilder sb, Writer w) throws IOException {
        if (sb.length() < 1 << 16) return;
        w.append(sb);
        sb.setLength(0);
    }

    /** The capture's link types by name, each once, in interface order. */
    static Set<String> linkTypeNames(CaptureFile c) {
        Set<String> s = new LinkedHashSet<>();
        for (CaptureInterface i : c.interfaces()) s.add(LinkLayers.name(i.linkType()));
        return s;
    }

    static String linkTypes(CaptureFile c) { return String.join(", ", linkTypeNames(c)); }

    static String size(long bytes) {
        if (bytes < 0) return "unknown";
        if (bytes < 10_000) return bytes + " B";
        if (bytes < 10_000_000) return String.format(Locale.ROOT, "%d B (%.1f KB)", bytes, bytes / 1024.0);
        return String.format(Locale.ROOT, "%d B (%.1f MB)", bytes, bytes / 1048576.0);
    }

    static String throughput(Transfer t) {
        return t.durationSeconds() > 0 ? String.format(Locale.ROOT, "%.3f s, %.1f KB/s", t.durationSeconds(), t.throughput() / 1024) : "—";
    }

    static String dataConnection(Transfer t) {
        if (t.data() == null || t.data().stream() < 0) return "none in capture";
        return t.data().client() + " → " + t.data().server() + " (tcp.stream " + t.data().stream() + ", " + t.data().state().label()
                + (t.setup() != null && !t.setup().mode().passive() ? t.data().sourcePort20() ? ", from port 20" : ", not from port 20" : "")
                + (t.data().usedAdvertisedAddress() ? "" : ", advertised address ignored") + ")";
    }

    /**
     * The outcome's evidence and, when the bytes are not known complete, why, in words: each fact
     * once. A missing data connection is in the evidence already ("data connection not in the
     * capture", or that only another host's is), so its shortfall is not said again; nor is the
     * server's failure reply, which the evidence names and the Reply column quotes.
     */
    static String evidence(Transfer t) {
        StringBuilder sb = new StringBuilder(t.outcomeEvidence());
        boolean saysMissing = t.outcomeEvidence().contains("data connection not in the capture")
                || t.outcomeEvidence().contains("the only data connection in the capture came from");
        for (org.ftpscope.ftp.model.Shortfall s : t.shortfalls()) {
            if (s.cause() == org.ftpscope.ftp.model.Shortfall.Cause.NOT_IN_CAPTURE && saysMissing) continue;
            if (s.cause() == org.ftpscope.ftp.model.Shortfall.Cause.SERVER_REPORTED_FAILURE
                    && t.outcomeEvidence().startsWith("server reply " + t.replyCode())) continue;
            if (!sb.toString().contains(s.text())) sb.append("; ").append(s.text());
        }
        return sb.toString();
    }

    static String setup(Transfer t) {
        if (t.setup() == null) return "—";
        return t.setup().mode() + " " + t.setup().advertisedText() + " = " + t.setup().portMath() + " (frame " + t.setup().setupFrame() + ")";
    }

    /** A group's first frames, "12, 32, 52, 75, 98 … (30)". */
    static String frames(FindingGroup g) {
        StringBuilder sb = new StringBuilder();
        for (int f : g.firstFrames()) sb.append(sb.length() > 0 ? ", " : "").append(f);
        if (g.frameCount() > g.firstFrames().size()) sb.append(" … (").append(g.frameCount()).append(')');
        return sb.toString();
    }
}

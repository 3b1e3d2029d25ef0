package org.ftpscope.report;

import org.ftpscope.capture.CaptureFile;
import org.ftpscope.capture.CaptureWarning;
import org.ftpscope.ftp.Analysis;
import org.ftpscope.ftp.Finding;
import org.ftpscope.ftp.FindingKind;
import org.ftpscope.ftp.FirewallSummary;
import org.ftpscope.ftp.FtpSession;
import org.ftpscope.ftp.Transfer;
import org.ftpscope.present.FindingGroup;
import org.ftpscope.present.FindingGroups;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.ftpscope.report.Escape.markdown;

/** The HTML report's content as Markdown, for tickets and wikis; capture text is escaped. */
public final class MarkdownReport {
    private MarkdownReport() {}

    public static void write(Analysis a, Writer w, ReportOptions o) throws IOException {
        CaptureFile c = a.capture();
        StringBuilder sb = new StringBuilder(32 * 1024);
        List<FtpSession> sessions = a.sessions().stream().filter(s -> o.includes(s.id())).toList();
        List<Finding> findings = a.findings().stream().filter(f -> f.session() < 0 || o.includes(f.session())).toList();
        sb.append("# FTP report: ").append(markdown(c.path().getFileName().toString())).append("\n\n");
        sb.append("| Capture | |\n|---|---|\n");
        sb.append("| Format | ").append(markdown(c.formatLabel() + ", link type " + ReportText.linkTypes(c))).append(" |\n");
        sb.append("| Frames | ").append(c.frameCount()).append(" |\n");
        if (c.frameCount() > 0) {
            sb.append("| Time span | ").append(markdown(ReportText.time(c.index().timestampNanos(1)) + " – "
                    + ReportText.time(c.index().timestampNanos(c.frameCount())))).append(" |\n");
        }
        sb.append("| FTP sessions | ").append(sessions.size()).append(" |\n");
        for (CaptureWarning cw : c.warnings()) sb.append("| Warning | ").append(markdown(cw.toString())).append(" |\n");

        sb.append("\n## Findings\n\n");
        if (findings.isEmpty()) sb.append("No problems found.\n");
        else {
            sb.append("| Severity | Finding | Count | Sessions | First frames | What happened |\n|---|---|---|---|---|---|\n");
            for (FindingGroup g : FindingGroups.of(a.sessions(), findings)) {
                sb.append("| ").append(g.severity().label()).append(" | ").append(markdown(g.kind().title())).append(" | ")
                        .append(g.count()).append(" | ")
                        .append(g.sessions().isEmpty() ? "—" : g.sessions().size() == 1 ? "#" + g.sessions().get(0) : g.sessions().size())
                        .append(" | ").append(markdown(ReportText.frames(g))).append(" | ").append(markdown(g.message())).append(" |\n");
                HtmlReport.flushSome(sb, w);
            }
            Set<FindingKind> kinds = new LinkedHashSet<>();
            findings.forEach(f -> kinds.add(f.kind()));
            sb.append('\n');
            for (FindingKind k : kinds) {
                sb.append("- **").append(markdown(k.title())).append("** — ").append(markdown(k.explanation()))
                        .append(" *Fix:* ").append(markdown(k.suggestedFix())).append('\n');
            }
        }
        for (FtpSession s : sessions) {
            sb.append("\n## Session #").append(s.id()).append(": ").append(markdown(s.client() + " → " + s.server())).append("\n\n");
            sb.append("- User: ").append(markdown(s.user() == null ? "—" : s.user())).append(", login ").append(s.login().label())
                    .append(s.password() == null ? "" : ", password " + (o.showPasswords() ? "`" + s.password().replace("`", "'") + "`"
                            : "masked")).append('\n');
            sb.append("- Control channel: tcp.stream ").append(s.controlStream()).append(", frames ").append(s.firstFrame())
                    .append("–").append(s.lastFrame()).append(s.tls() ? ", encrypted after AUTH TLS (frame " + s.tlsFrame() + ")" : "")
                    .append("\n\n");
            if (!s.transfers().isEmpty()) {
                sb.append("| Frame | Command | Data channel | Connection | Bytes | SHA-256 | Reply | Outcome |\n")
                        .append("|---|---|---|---|---|---|---|---|\n");
                for (Transfer t : s.transfers()) {
                    sb.append("| ").append(t.commandFrame()).append(" | ").append(markdown(t.command() + " " + t.arg())).append(" | ")
                            .append(markdown(ReportText.setup(t))).append(" | ").append(markdown(ReportText.dataConnection(t)))
                            .append(" | ").append(t.bytes()).append(t.expectedBytes() >= 0 ? " of " + t.expectedBytes() : "")
                            .append(t.complete() ? "" : " (incomplete)").append(" | ").append(t.sha256() == null ? "—" : t.sha256())
                            .append(" | ").append(t.replyCode() < 0 ? "—" : t.replyCode() + " " + markdown(t.replyText()))
                            .append(" | ").append(t.outcome().label()).append(" (").append(markdown(ReportText.evidence(t))).append(") |\n");
                }
                sb.append('\n');
            }
            sb.append("| Frame | What happened |\n|---|---|\n");
            for (StoryLine l : StoryLine.of(s, a.findings())) {
                String text = l.text();
                if (o.showPasswords() && s.password() != null) text = text.replace("PASS ********", "PASS " + s.password());
                sb.append("| ").append(l.frame()).append(" | ").append(markdown(text)).append(" |\n");
            }
            HtmlReport.flushSome(sb, w);
        }
        sb.append("\n## Firewall summary\n");
        for (FirewallSummary fw : a.ftp().firewall()) {
            sb.append("\n### Server ").append(markdown(fw.server().toString())).append("\n\n");
            sb.append("- Passive ports seen: ").append(fw.passivePorts().isEmpty() ? "none"
                    : fw.passiveMin() + "–" + fw.passiveMax() + " (" + fw.passivePorts().size() + " distinct)").append('\n');
            sb.append("- Active-mode source ports: ").append(fw.activeSourcePorts().isEmpty() ? "none" : fw.activeSourcePorts()).append("\n\n");
            sb.append("```\n").append(String.join("\n", fw.iptablesRules())).append('\n')
                    .append(String.join("\n", fw.nftablesRules())).append("\n```\n");
            for (String d : fw.serverDirectives()) sb.append("- ").append(markdown(d)).append('\n');
            for (String n : fw.notes()) sb.append("\n*").append(markdown(n)).append("*\n");
        }
        w.append(sb);
    }
}

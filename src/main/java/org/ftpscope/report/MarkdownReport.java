package org.ftpscope.report;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.capture.CaptureFile;
import org.ftpscope.capture.CaptureWarning;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.findings.FindingKind;
import org.ftpscope.ftp.model.FirewallSummary;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.present.FindingGroup;
import org.ftpscope.present.FindingGroups;
import org.ftpscope.present.FirewallText;
import org.ftpscope.present.FirstByFrame;
import org.ftpscope.present.Masking;
import org.ftpscope.present.StoryLine;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import static org.ftpscope.report.Escape.markdown;

/** The HTML report's content as Markdown, for tickets and wikis; capture text is escaped. */
public final class MarkdownReport implements ReportWriter {
    @Override public String id() { return "md"; }

    @Override public String label() { return "Markdown"; }

    @Override public List<String> extensions() { return List.of(".md", ".markdown"); }

    @Override
    public List<CaptureWarning> limitWarnings(Analysis a, ReportSelection sel) { return ReportLimits.of(a, sel, false); }

    @Override
    public void write(Analysis a, ReportSelection sel, Writer w) throws IOException {
        CaptureFile c = a.capture();
        StringBuilder sb = new StringBuilder(32 * 1024);
        List<FtpSession> sessions = sel.sessionsOf(a);
        List<Finding> findings = sel.findingsOf(a);
        Masking m = sel.masking();
        sb.append("# FTP report: ").append(markdown(c.path().getFileName().toString())).append("\n\n");
        sb.append("| Capture | |\n|---|---|\n");
        sb.append("| Format | ").append(markdown(c.formatLabel() + ", link type " + ReportText.linkTypes(c))).append(" |\n");
        sb.append("| Frames | ").append(c.frameCount()).append(" |\n");
        if (c.frameCount() > 0) sb.append("| Time span | ").append(markdown(ReportText.timeSpan(c))).append(" |\n");
        sb.append("| FTP sessions | ").append(sessions.size())
                .append(sessions.size() < a.sessions().size() ? " of " + a.sessions().size() : "").append(" |\n");
        for (CaptureWarning cw : c.warnings()) sb.append("| Warning | ").append(markdown(cw.toString())).append(" |\n");
        for (CaptureWarning cw : limitWarnings(a, sel)) sb.append("| Warning | ").append(markdown(cw.toString())).append(" |\n");

        sb.append("\n## Findings\n\n");
        if (findings.isEmpty()) sb.append("No problems found.\n");
        else {
            sb.append("| Severity | Finding | Count | Sessions | First frames | What happened |\n|---|---|---|---|---|---|\n");
            for (FindingGroup g : FindingGroups.of(a.sessions(), findings)) {
                sb.append("| ").append(g.severity().label()).append(" | ").append(markdown(g.kind().title())).append(" | ")
                        .append(g.count()).append(" | ")
                        .append(ReportText.sessions(g))
                        .append(" | ").append(markdown(ReportText.frames(g))).append(" | ").append(markdown(g.message())).append(" |\n");
                ReportText.flushSome(sb, w);
            }
            sb.append('\n');
            for (FindingKind k : ReportText.kinds(findings)) {
                sb.append("- **").append(markdown(k.title())).append("** — ").append(markdown(k.explanation()))
                        .append(" *Fix:* ").append(markdown(k.suggestedFix())).append('\n');
            }
        }
        for (FtpSession s : sessions) {
            sb.append("\n## Session #").append(s.id()).append(": ").append(markdown(s.client() + " → " + s.server())).append("\n\n");
            sb.append("- User: ").append(markdown(s.user() == null ? "—" : s.user())).append(", login ").append(s.login().label())
                    .append(s.password() == null ? "" : ", password " + (m == Masking.SHOWN ? "`" + s.password().replace("`", "'") + "`"
                            : "masked")).append('\n');
            sb.append("- Control channel: tcp.stream ").append(s.controlStream()).append(", frames ").append(s.firstFrame())
                    .append("–").append(s.lastFrame()).append(s.tls() ? ", encrypted after AUTH TLS (frame " + s.tlsFrame() + ")" : "")
                    .append("\n\n");
            if (!s.transfers().isEmpty()) {
                sb.append("| Frame | Command | Data channel | Connection | Bytes | SHA-256 | Reply | Outcome |\n")
                        .append("|---|---|---|---|---|---|---|---|\n");
                List<Transfer> listed = s.transfers().subList(0, Math.min(s.transfers().size(), ReportLimits.ROWS));
                for (Transfer t : listed) {
                    sb.append("| ").append(t.commandFrame()).append(" | ").append(markdown(t.command() + " " + t.arg() + (t.commandCut() ? "…" : ""))).append(" | ")
                            .append(markdown(ReportText.setup(t))).append(" | ").append(markdown(ReportText.dataConnection(t)))
                            .append(" | ").append(t.bytes()).append(t.expectedBytes() >= 0 ? " of " + t.expectedBytes() : "")
                            .append(t.complete() ? "" : " (incomplete)").append(" | ").append(t.sha256() == null ? "—" : t.sha256())
                            .append(" | ").append(t.replyCode() < 0 ? "—" : t.replyCode() + " " + markdown(t.replyText()))
                            .append(" | ").append(t.outcome().label()).append(" (").append(markdown(ReportText.evidence(t))).append(") |\n");
                    ReportText.flushSome(sb, w);
                }
                if (listed.size() < s.transfers().size()) {
                    sb.append("\n*").append(markdown(ReportLimits.leftOut(s.transfers().size() - listed.size(), "transfers"))).append("*\n");
                }
                sb.append('\n');
            }
            sb.append("| Frame | What happened |\n|---|---|\n");
            FirstByFrame<StoryLine> story = StoryLine.first(s, findings, m, ReportLimits.ROWS);
            for (StoryLine l : story.items()) {
                sb.append("| ").append(l.frame()).append(" | ").append(markdown(l.text())).append(" |\n");
                ReportText.flushSome(sb, w);
            }
            if (story.leftOut() > 0) {
                sb.append("| ").append(story.firstFrameLeftOut()).append(" | *")
                        .append(markdown(ReportLimits.leftOut(story.leftOut(), "story lines, from this frame on,"))).append("* |\n");
            }
            ReportText.flushSome(sb, w);
        }
        sb.append("\n## ").append(FirewallText.TITLE).append('\n');
        String scope = FirewallText.scope(sessions.size(), a.sessions().size());
        if (scope != null && !a.ftp().firewall().isEmpty()) sb.append("\n*").append(scope).append("*\n");
        if (a.ftp().firewall().isEmpty()) sb.append('\n').append(FirewallText.NO_SERVER).append('\n');
        for (FirewallSummary fw : a.ftp().firewall()) {
            FirewallText.Server t = FirewallText.of(fw);
            sb.append("\n### ").append(markdown(t.title())).append("\n\n");
            t.facts().forEach(f -> sb.append("- ").append(f.label()).append(": ").append(markdown(f.value())).append('\n'));
            sb.append("\niptables:\n\n```\n").append(String.join("\n", t.iptables())).append("\n```\n")
                    .append("\nnftables:\n\n```\n").append(String.join("\n", t.nftables())).append("\n```\n");
            if (!t.directives().isEmpty()) {
                sb.append('\n').append(FirewallText.DIRECTIVES).append("\n\n");
                t.directives().forEach(d -> sb.append("- ").append(markdown(d)).append('\n'));
            }
            t.notes().forEach(n -> sb.append("\n*").append(markdown(n)).append("*\n"));
        }
        w.append(sb);
    }
}

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
import org.ftpscope.present.SessionLadder;
import org.ftpscope.present.FirstByFrame;
import org.ftpscope.present.Masking;
import org.ftpscope.present.StoryLine;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.ftpscope.tcp.TcpStream;

import static org.ftpscope.report.Escape.html;

/**
 * One self-contained HTML file: inline CSS, inline SVG ladder diagrams, no scripts and no external
 * requests; readable when printed. Everything from the capture goes through {@link Escape#html}.
 */
public final class HtmlReport implements ReportWriter {
    @Override public String id() { return "html"; }

    @Override public String label() { return "HTML"; }

    @Override public List<String> extensions() { return List.of(".html", ".htm"); }

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#111827;margin:24px auto;max-width:1100px;padding:0 16px}
            h1{color:#1e3a8a;margin-bottom:4px}h2{border-bottom:2px solid #dbeafe;padding-bottom:4px;margin-top:32px}
            table{border-collapse:collapse;width:100%;margin:8px 0 16px}th,td{border:1px solid #e5e7eb;padding:4px 6px;text-align:left;vertical-align:top}
            th{background:#f3f4f6}td.num{text-align:right;font-variant-numeric:tabular-nums}
            code,.mono{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px;word-break:break-all}
            .sev-error{color:#b91c1c;font-weight:600}.sev-warning{color:#c2410c;font-weight:600}.sev-info{color:#4b5563}
            .story-command{color:#1d4ed8}.story-reply{color:#047857}.story-setup{color:#b45309;font-weight:600}.story-data{color:#6d28d9}
            .story-error,.story-finding-error{color:#b91c1c;font-weight:600}.story-finding-warning{color:#c2410c}.story-finding-info{color:#4b5563}
            .summary td:first-child{width:180px;color:#4b5563}.kind{background:#f9fafb;border-left:4px solid #93c5fd;padding:6px 10px;margin:6px 0}
            svg.ladder{max-width:100%;height:auto;border:1px solid #e5e7eb;background:#fff}
            svg .lane{font-weight:600;font-size:13px}svg .role{font-size:11px;fill:#6b7280}svg .mark{font-size:11px;font-weight:600;fill:#b91c1c}
            svg .note{font-size:11px;fill:#374151}svg .life{stroke:#c4b5fd;stroke-width:1.5;stroke-dasharray:4 4}svg .life.control{stroke:#6b7280;stroke-width:2.5;stroke-dasharray:none}
            svg .life.marked{stroke:#f87171}svg .label{font-size:11px}svg .frame{font-size:10px;fill:#6b7280}
            svg .arrow{stroke-width:1.5}svg .a-command{stroke:#1d4ed8}svg .a-reply{stroke:#047857}
            svg .a-data-connect{stroke:#b45309;stroke-dasharray:6 4}svg .a-data-flow{stroke:#7c3aed;stroke-width:3;stroke-dasharray:6 4}svg .failed{stroke:#dc2626}
            pre{background:#f3f4f6;padding:8px;overflow-x:auto}
            @media print{body{max-width:none;margin:0}h2{page-break-after:avoid}.session{page-break-before:always}svg.ladder{page-break-inside:avoid}}
            """;

    @Override
    public void write(Analysis a, ReportSelection sel, Writer w) throws IOException {
        CaptureFile c = a.capture();
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<title>FTP report: ").append(html(c.path().getFileName().toString())).append("</title>\n<style>")
                .append(CSS).append("</style></head><body>\n");
        sb.append("<h1>FTP report</h1><p>Made by ftpscope from <code>").append(html(c.path().getFileName().toString()))
                .append("</code>.</p>\n");
        List<FtpSession> sessions = sel.sessionsOf(a);
        List<Finding> findings = sel.findingsOf(a);

        sb.append("<h2>Capture</h2><table class=\"summary\">");
        row(sb, "File", html(c.path().getFileName().toString()));
        row(sb, "Format", html(c.formatLabel()) + ", link type " + html(ReportText.linkTypes(c)));
        row(sb, "Frames", Integer.toString(c.frameCount()));
        if (c.frameCount() > 0) row(sb, "Time span", html(ReportText.timeSpan(c)));
        row(sb, "FTP sessions", sessions.size() + (sessions.size() < a.sessions().size() ? " of " + a.sessions().size() : ""));
        row(sb, "Transfers", Long.toString(sessions.stream().mapToLong(s -> s.transfers().size()).sum()));
        for (CaptureWarning cw : c.warnings()) row(sb, "Warning", html(cw.toString()));
        for (CaptureWarning cw : limitWarnings(a, sel)) row(sb, "Warning", html(cw.toString()));
        sb.append("</table>\n");

        sb.append("<h2>Findings</h2>\n");
        if (findings.isEmpty()) sb.append("<p>No problems found.</p>\n");
        else {
            // one row per group (kind, hosts): a brute force is three rows, not thousands
            sb.append("<table><tr><th>Severity</th><th>Finding</th><th>Count</th><th>Sessions</th><th>First frames</th><th>What happened</th></tr>\n");
            for (FindingGroup g : FindingGroups.of(a.sessions(), findings)) {
                sb.append("<tr><td class=\"sev-").append(g.severity().label()).append("\">").append(g.severity().label())
                        .append("</td><td>").append(html(g.kind().title())).append(" <code>").append(g.kind().id())
                        .append("</code></td><td class=\"num\">").append(g.count())
                        .append("</td><td class=\"num\">").append(ReportText.sessions(g))
                        .append("</td><td class=\"num\">").append(html(ReportText.frames(g))).append("</td><td>").append(html(g.message()))
                        .append("</td></tr>\n");
                ReportText.flushSome(sb, w);
            }
            sb.append("</table>\n<h3>What the findings mean</h3>\n");
            for (FindingKind k : ReportText.kinds(findings)) {
                sb.append("<div class=\"kind\"><b>").append(html(k.title())).append("</b> — ").append(html(k.explanation()))
                        .append("<br><i>Suggested fix:</i> ").append(html(k.suggestedFix())).append("</div>\n");
            }
        }

        for (FtpSession s : sessions) {
            session(sb, w, s, findings, a.streams(), sel.masking());
            ReportText.flushSome(sb, w);
        }

        sb.append("<h2>").append(FirewallText.TITLE).append("</h2>\n");
        String scope = FirewallText.scope(sessions.size(), a.sessions().size());
        if (scope != null && !a.ftp().firewall().isEmpty()) sb.append("<p><i>").append(html(scope)).append("</i></p>\n");
        if (a.ftp().firewall().isEmpty()) sb.append("<p>").append(FirewallText.NO_SERVER).append("</p>\n");
        for (FirewallSummary fw : a.ftp().firewall()) firewall(sb, fw);
        sb.append("</body></html>\n");
        w.append(sb);
    }

    @Override
    public List<CaptureWarning> limitWarnings(Analysis a, ReportSelection sel) { return ReportLimits.of(a, sel, true); }

    private static void session(StringBuilder sb, Writer w, FtpSession s, List<Finding> findings, List<TcpStream> streams, Masking m)
            throws IOException {
        sb.append("<section class=\"session\"><h2>Session #").append(s.id()).append(": ").append(html(s.client().toString()))
                .append(" → ").append(html(s.server().toString())).append("</h2>\n<table class=\"summary\">");
        row(sb, "User", html(s.user() == null ? "—" : s.user()));
        String password = m.password(s.password());
        row(sb, "Password", password == null ? "—" : m == Masking.SHOWN ? "<code>" + html(password) + "</code>" : password + " (masked)");
        row(sb, "Login", s.login().label());
        row(sb, "Control channel", "tcp.stream " + s.controlStream() + ", frames " + s.firstFrame() + "–" + s.lastFrame()
                + (s.tls() ? ", encrypted after AUTH TLS (frame " + s.tlsFrame() + ")" : ", cleartext"));
        sb.append("</table>\n");
        if (!s.transfers().isEmpty()) {
            sb.append("<h3>Transfers</h3><table><tr><th>Frame</th><th>Command</th><th>Data channel</th><th>Connection</th>"
                    + "<th>Bytes</th><th>Time</th><th>SHA-256</th><th>Reply</th><th>Outcome</th></tr>\n");
            List<Transfer> listed = s.transfers().subList(0, Math.min(s.transfers().size(), ReportLimits.ROWS));
            for (Transfer t : listed) {
                sb.append("<tr><td class=\"num\">").append(t.commandFrame()).append("</td><td><code>").append(html(t.command()))
                        .append(' ').append(html(t.arg() + (t.commandCut() ? "…" : ""))).append("</code><br>").append(html(t.direction().label())).append(' ')
                        .append(html(t.path())).append("</td><td>").append(html(ReportText.setup(t))).append("</td><td>")
                        .append(html(ReportText.dataConnection(t))).append("</td><td class=\"num\">").append(html(ReportText.size(t.bytes())))
                        .append(t.expectedBytes() >= 0 ? "<br>expected " + t.expectedBytes() : "").append(t.complete() ? "" : "<br><b>incomplete</b>")
                        .append("</td><td>").append(html(ReportText.throughput(t))).append("</td><td class=\"mono\">")
                        .append(t.sha256() == null ? "—" : t.sha256()).append("</td><td>")
                        .append(t.replyCode() < 0 ? "—" : t.replyCode() + " " + html(t.replyText())).append("</td><td>")
                        .append(t.outcome().label()).append("<br><small>").append(html(ReportText.evidence(t))).append("</small></td></tr>\n");
                ReportText.flushSome(sb, w);
            }
            if (listed.size() < s.transfers().size()) {
                sb.append("<tr><td colspan=\"9\"><i>").append(html(ReportLimits.leftOut(s.transfers().size() - listed.size(), "transfers")))
                        .append("</i></td></tr>\n");
            }
            sb.append("</table>\n");
        }
        SessionLadder ladder = SessionLadder.first(s, streams, m, ReportLimits.ARROWS);
        sb.append("<h3>Ladder diagram</h3>\n");
        if (ladder.notDrawn() > 0) {
            sb.append("<p class=\"note\">").append(html(ladder.limitNote())).append("; the story below lists the exchanges.</p>\n");
        }
        sb.append(LadderSvg.render(ladder));
        ReportText.flushSome(sb, w);
        sb.append("<h3>Story</h3><table><tr><th>Frame</th><th>What happened</th></tr>\n");
        FirstByFrame<StoryLine> story = StoryLine.first(s, findings, m, ReportLimits.ROWS);
        for (StoryLine l : story.items()) {
            sb.append("<tr><td class=\"num\">").append(l.frame()).append("</td><td class=\"story-").append(l.kind()).append("\">")
                    .append(html(l.text())).append("</td></tr>\n");
            ReportText.flushSome(sb, w);
        }
        if (story.leftOut() > 0) {
            sb.append("<tr><td class=\"num\">").append(story.firstFrameLeftOut()).append("</td><td><i>")
                    .append(html(ReportLimits.leftOut(story.leftOut(), "story lines, from this frame on,"))).append("</i></td></tr>\n");
        }
        sb.append("</table></section>\n");
    }

    private static void firewall(StringBuilder sb, FirewallSummary fw) {
        FirewallText.Server t = FirewallText.of(fw);
        sb.append("<h3>").append(html(t.title())).append("</h3><table class=\"summary\">");
        t.facts().forEach(f -> row(sb, f.label(), html(f.value())));
        sb.append("</table>\n<p>iptables:</p><pre>").append(html(String.join("\n", t.iptables()))).append("</pre>\n")
                .append("<p>nftables:</p><pre>").append(html(String.join("\n", t.nftables()))).append("</pre>\n");
        if (!t.directives().isEmpty()) {
            sb.append("<p>").append(FirewallText.DIRECTIVES).append("</p><ul>");
            t.directives().forEach(d -> sb.append("<li>").append(html(d)).append("</li>"));
            sb.append("</ul>\n");
        }
        t.notes().forEach(n -> sb.append("<p><i>").append(html(n)).append("</i></p>\n"));
    }

    private static void row(StringBuilder sb, String k, String v) {
        sb.append("<tr><td>").append(k).append("</td><td>").append(v).append("</td></tr>");
    }
}

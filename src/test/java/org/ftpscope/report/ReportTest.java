package org.ftpscope.report;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.present.SessionLadder;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reports exported from real samples: content, escaping of hostile names recorded from real traffic, masking. */
class ReportTest {

    private static String html(String sample, ReportSelection o) throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample(sample))) {
            StringWriter w = new StringWriter();
            new HtmlReport().write(a, o, w);
            return w.toString();
        }
    }

    private static String markdown(String sample) throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample(sample))) {
            StringWriter w = new StringWriter();
            new MarkdownReport().write(a, ReportSelection.ALL, w);
            return w.toString();
        }
    }

    @Test
    void htmlTellsTheNatStory() throws Exception {
        String h = html("nat-wrong-pasv-address.pcap", ReportSelection.ALL);
        assertTrue(h.contains("<h2>Session #0: 192.0.2.10:47154 → 198.51.100.21:21</h2>"));
        assertTrue(h.contains("PASV 10.10.10.21:40026 = 156*256+90 = 40026 (frame 18)"), "port math in the transfer table");
        assertTrue(h.contains("⇄ PASV data channel: 10.10.10.21:40026 = 156*256+90  (the client is to connect)"), "the formula in the story");
        assertTrue(h.contains("293ee650ec4b84ae8d93945538f9020ecddf31deb3a18b7c31f0f883511a6627"), "SHA-256 of readme.txt");
        assertTrue(h.contains("Server advertises a different address for passive mode"));
        assertTrue(h.contains("Data connection blocked (SYN without answer)"));
        assertTrue(h.contains("Set the server&#39;s public address for passive mode"), "the fix, escaped");
        assertTrue(h.contains("pasv_min_port="), "server directive in the firewall summary");
        assertEquals(5, count(h, "<svg "), "one ladder per session");
        // Self-contained: no scripts, no external references.
        assertFalse(h.contains("<script"));
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(h).find());
        assertTrue(h.contains("******** (masked)"));
        assertFalse(h.contains("ftpsecret"));
        assertTrue(html("nat-wrong-pasv-address.pcap", new ReportSelection(Set.of(), true)).contains("ftpsecret"));
    }

    @Test
    void ladderArrowsMatchTheSession() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("pasv-curl.pcap"))) {
            SessionLadder m = SessionLadder.of(a.sessions().get(0), a.streams());
            long commands = a.sessions().get(0).commands().stream().filter(c -> c.command() != null).count();
            long replies = a.sessions().get(0).commands().stream().mapToLong(c -> c.replies().size()).sum();
            // + a connect arrow and a data arrow for each of the two data connections (LIST, RETR)
            assertEquals(commands + replies + 4, m.arrows().size());
            assertEquals(m.arrows().size(), count(LadderSvg.render(m), "class=\"arrow"));
        }
    }

    /**
     * The report draws the app's ladder: in nat-wrong-pasv-address the client's SYN in frame 85
     * goes to the advertised 10.10.10.21:40005, drawn on that endpoint's own lifeline (marked
     * NAT?), not on the server's; the server's own address with that port is "not tried".
     */
    @Test
    void reportLadderHasALifelinePerEndpointAsTheApp() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("nat-wrong-pasv-address.pcap"))) {
            org.ftpscope.ftp.model.FtpSession s = a.sessions().stream()
                    .filter(x -> x.setups().stream().anyMatch(d -> d.data() != null && d.data().synFrame() == 85)).findFirst().orElseThrow();
            SessionLadder m = SessionLadder.of(s, a.streams());
            String svg = LadderSvg.render(m);
            List<String> labels = m.lifelines().stream().map(SessionLadder.Lifeline::label).toList();
            assertEquals(labels.size(), count(svg, "class=\"life"), "a lifeline per endpoint");
            for (String l : labels) assertTrue(svg.contains(">" + l + "</text>"), l);
            int advertised = labels.indexOf("10.10.10.21:40005");
            assertTrue(advertised >= 0, labels.toString());
            assertEquals("NAT?", m.lifelines().get(advertised).mark());
            assertTrue(svg.contains(">⚠ NAT?</text>"));
            assertTrue(svg.contains(">⚠ not tried</text>"));
            SessionLadder.Arrow syn = m.arrows().stream().filter(x -> x.frame() == 85).findFirst().orElseThrow();
            assertEquals(advertised, syn.to());
            // The SYN's row ends (4 px short, at the arrow head) on the advertised lifeline's x.
            int row = m.arrows().indexOf(syn);
            int y = LadderSvg.TOP + row * LadderSvg.ROW + LadderSvg.ROW / 2;
            int to = LadderSvg.x(advertised), from = LadderSvg.x(syn.from());
            assertTrue(svg.contains(String.format(java.util.Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"arrow a-data-connect failed\"",
                    from, y, to - Integer.signum(to - from) * 4, y)), svg);
            // The lifelines' notes are listed under the diagram, as in the app.
            assertTrue(svg.contains("class=\"note\">⚠ 10.10.10.21:40005 was advertised by"), svg);
        }
    }

    @Test
    void hostileNamesAreTextInHtmlAndMarkdown() throws Exception {
        String h = html("hostile-names.pcap", ReportSelection.ALL);
        assertFalse(h.contains("<img"), "a file name must not become a tag");
        assertTrue(h.contains("/upload/&lt;img src=x onerror=alert(1)&gt;.txt"));
        assertTrue(h.contains("a&quot;b&#39;c&amp;d.txt"));
        assertFalse(h.contains("<script"));
        String md = markdown("hostile-names.pcap");
        assertFalse(md.contains("<img"));
        assertTrue(md.contains("&lt;img src=x onerror=alert\\(1\\)&gt;\\.txt"));
        assertTrue(md.contains("semi;colon\\|pipe$\\(id\\)\\.txt"), "a pipe cannot break a Markdown table");
    }

    @Test
    void csvHasOneRowPerTransfer() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("pasv-curl.pcap"))) {
            StringWriter w = new StringWriter();
            new CsvReport().write(a, ReportSelection.ALL, w);
            List<String> lines = w.toString().lines().toList();
            assertEquals(1 + 3, lines.size());
            assertEquals(String.join(",", CsvReport.COLUMNS), lines.get(0));
            assertTrue(lines.get(2).startsWith("0,192.0.2.10:40236,198.51.100.21:21,ftpuser,RETR,notes-48k.txt,/pub/notes-48k.txt,44,PASV,36,"
                    + "198.51.100.21,40070,156*256+134 = 40070,2,transferred,"), lines.get(2));
            assertTrue(lines.get(2).contains(",download,48000,48000,true,0,"));
        }
    }

    @Test
    void csvNeutralisesFormulasAndQuotes() {
        assertEquals("'=cmd|' /C calc'!A0", Escape.csv("=cmd|' /C calc'!A0"));
        assertEquals("\"a,b\"", Escape.csv("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Escape.csv("say \"hi\""));
    }

    @Test
    void selectedSessionsOnly() throws Exception {
        String h = html("concurrent-clients.pcap", new ReportSelection(Set.of(2), false));
        assertTrue(h.contains("<h2>Session #2:"));
        assertFalse(h.contains("<h2>Session #0:"));
        assertEquals(1, count(h, "<svg "));
    }

    @Test
    void aMissingDataConnectionIsSaidOnceInTheOutcome() throws Exception {
        // tshark -r pasv-curl.pcap -Y tcp.port==21: the evidence says "data connection not in the capture" and the
        // shortfall "the data connection is not in the capture"; the reports said both (the same fact twice).
        String md = markdown("derived/pasv-curl-control-only.pcap");
        assertEquals(3, count(md, "ok (server reply 226; data connection not in the capture) |"), md);
        assertFalse(md.contains("the data connection is not in the capture"), md);
        String h = html("derived/pasv-curl-control-only.pcap", ReportSelection.ALL);
        assertEquals(3, count(h, "ok<br><small>server reply 226; data connection not in the capture</small>"), h);
        // A transfer that failed keeps the shortfall (its evidence does not say where the connection is), not the
        // failure said twice ("server reply 426; …; the server replied 426 Failure writing network stream.").
        String failed = markdown("derived/long-session-control-only.pcap");
        assertEquals(1, count(failed, "| 426 Failure writing network stream\\. | failed (server reply 426; the data connection is not"
                + " in the capture) |"), failed);
        assertEquals(1, count(failed, "| failed (server reply 500) |"), failed);
        assertEquals(12, count(failed, "| ok (server reply 226; data connection not in the capture) |"), failed);
    }

    private static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}

package org.ftpscope.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every format writes the same selection (issue 21: {@code --session 2} wrote all sessions as JSON).
 * concurrent-clients.pcap has four sessions: #0 192.0.2.11 (RETR frame 341, PASS ftpsecret),
 * #1 192.0.2.10 (214, ftpsecret), #2 192.0.2.13:34025 (RETR frame 57, PASS lftp@ in frame 41),
 * #3 192.0.2.12 (655, concurrent@).
 */
class ReportSelectionTest {
    private static final ReportSelection SESSION_2 = new ReportSelection(Set.of(2), false);
    private static final ReportSelection SESSION_2_SHOWN = new ReportSelection(Set.of(2), true);
    private static Analysis a;

    @BeforeAll
    static void analyze() throws Exception { a = Analyzer.analyze(TestCaptures.sample("concurrent-clients.pcap")); }

    @AfterAll
    static void close() throws Exception { if (a != null) a.close(); }

    private static String write(String format, ReportSelection sel) throws Exception {
        StringWriter w = new StringWriter();
        ReportWriters.byId(format).orElseThrow().write(a, sel, w);
        return w.toString();
    }

    @Test
    void html() throws Exception {
        String h = write("html", SESSION_2);
        assertTrue(h.contains("<h2>Session #2: 192.0.2.13:34025 → 198.51.100.21:21</h2>"));
        for (int other : List.of(0, 1, 3)) assertFalse(h.contains("<h2>Session #" + other + ":"), "session " + other);
        assertTrue(h.contains("<tr><td>FTP sessions</td><td>1 of 4</td></tr>"));
        assertTrue(h.contains("<tr><td class=\"num\">57</td><td><code>RETR pub/large-300k.bin</code>"), "the RETR of #2");
        assertFalse(h.contains("<td class=\"num\">341</td>"), "the RETR of #0 is not in the report");
        assertFalse(h.contains("192.0.2.11") || h.contains("192.0.2.10") || h.contains("192.0.2.12"), "no other client");
        assertTrue(h.contains("<td class=\"story-command\">→ PASS ********</td>"));
        assertFalse(h.contains("lftp@"));
        assertTrue(h.contains("<p><i>From all 4 sessions of the capture, not only the 1 in this report.</i></p>"), "the firewall summary says it is the capture's");
        assertFalse(write("html", ReportSelection.ALL).contains("From all 4 sessions"));
        String shown = write("html", SESSION_2_SHOWN);
        assertTrue(shown.contains("<tr><td class=\"num\">41</td><td class=\"story-command\">→ PASS lftp@</td></tr>"));
        assertTrue(shown.contains("<code>lftp@</code>"), "the password row");
        assertFalse(shown.contains("ftpsecret") || shown.contains("concurrent@"), "no other session's password");
    }

    @Test
    void markdown() throws Exception {
        String md = write("md", SESSION_2);
        assertTrue(md.contains("\n## Session #2: 192\\.0\\.2\\.13:34025 → 198\\.51\\.100\\.21:21\n"), md);
        for (int other : List.of(0, 1, 3)) assertFalse(md.contains("## Session #" + other + ":"), "session " + other);
        assertTrue(md.contains("| FTP sessions | 1 of 4 |"));
        assertTrue(md.contains("\n| 57 | RETR pub/large\\-300k\\.bin |"), "the RETR of #2");
        assertFalse(md.contains("\n| 341 |"));
        assertTrue(md.contains("| 41 | → PASS \\*\\*\\*\\*\\*\\*\\*\\* |"));
        assertFalse(md.contains("lftp@"));
        assertTrue(md.contains("*From all 4 sessions of the capture, not only the 1 in this report.*"));
        String shown = write("md", SESSION_2_SHOWN);
        assertTrue(shown.contains("| 41 | → PASS lftp@ |"), shown);
        assertFalse(shown.contains("ftpsecret") || shown.contains("concurrent@"));
    }

    @Test
    void json() throws Exception {
        JsonNode d = new ObjectMapper().readTree(write("json", SESSION_2));
        assertEquals(1, d.at("/sessions").size());
        JsonNode s = d.at("/sessions/0");
        assertEquals(2, s.at("/id").asInt());
        assertEquals("192.0.2.13", s.at("/client/ip").asText());
        assertEquals(34025, s.at("/client/port").asInt());
        assertEquals(2, s.at("/controlStream").asInt());
        assertEquals(19, s.at("/firstFrame").asInt());
        assertEquals(938, s.at("/lastFrame").asInt());
        assertEquals(57, s.at("/transfers/0/commandFrame").asInt());
        assertEquals("842cc35acc364df50b3a4cb81a6d6d0ab494c41fe869861e4ef0951e313721af", s.at("/transfers/0/sha256").asText());
        assertEquals("********", s.at("/password").asText());
        List<String> findings = new ArrayList<>();
        d.at("/findings").forEach(f -> findings.add(f.at("/session").asInt() + ":" + f.at("/kind").asText() + "@" + f.at("/frame").asInt()));
        assertEquals(List.of("2:cleartext-credentials@41"), findings);
        assertEquals(1, d.at("/findingGroups").size());
        assertEquals("[2]", d.at("/findingGroups/0/sessions").toString());
        assertEquals("[2]", d.at("/selection/sessions").toString());
        assertEquals(4, d.at("/selection/sessionsInCapture").asInt());
        assertEquals("masked", d.at("/selection/passwords").asText());

        JsonNode shown = new ObjectMapper().readTree(write("json", SESSION_2_SHOWN));
        assertEquals("lftp@", shown.at("/sessions/0/password").asText());
        assertEquals("shown", shown.at("/selection/passwords").asText());
        JsonNode all = new ObjectMapper().readTree(write("json", ReportSelection.ALL));
        assertEquals(4, all.at("/sessions").size());
        assertTrue(all.at("/selection/sessions").isNull());
    }

    @Test
    void csv() throws Exception {
        List<String> lines = write("csv", SESSION_2).lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("2,192.0.2.13:34025,198.51.100.21:21,anonymous,RETR,pub/large-300k.bin,/pub/large-300k.bin,57,"
                + "PASV,53,198.51.100.21,40050,156*256+114 = 40050,3,transferred,"), lines.get(1));
        assertEquals(1 + 4, write("csv", ReportSelection.ALL).lines().count(), "one transfer in each of the four sessions");
    }

    @Test
    void registryNamesEachFormatOnceAndByFileName() {
        assertEquals("html|md|json|csv", ReportWriters.ids());
        assertEquals("md", ReportWriters.forFileName("R.MARKDOWN").id());
        assertEquals("json", ReportWriters.forFileName("r.json").id());
        assertEquals("csv", ReportWriters.forFileName("r.csv").id());
        assertEquals("html", ReportWriters.forFileName("report").id(), "no known ending: the default");
    }

    @Test
    void unknownSessionsAreNamed() {
        assertEquals(Set.of(7, 9), new ReportSelection(Set.of(2, 9, 7), false).unknownIn(a));
    }
}

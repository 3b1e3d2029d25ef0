package org.ftpscope.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.report.ReportSelection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** File ▸ Export Session Report with session #2 of concurrent-clients.pcap selected: every format holds #2 only (no display needed). */
class ExportReportTest {
    @Test
    void everyFormatWritesTheSelectedSessionOnly(@TempDir Path dir) throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("concurrent-clients.pcap"))) {
            ReportSelection two = new ReportSelection(Set.of(2), false);
            for (String name : List.of("r.html", "r.md", "r.json", "r.csv")) ExportDialogs.writeReport(a, dir.resolve(name), two);
            String html = Files.readString(dir.resolve("r.html"));
            assertTrue(html.contains("<h2>Session #2: 192.0.2.13:34025"));
            assertFalse(html.contains("<h2>Session #0:"));
            String md = Files.readString(dir.resolve("r.md"));
            assertTrue(md.contains("## Session #2: 192\\.0\\.2\\.13:34025"));
            assertFalse(md.contains("## Session #1:"));
            JsonNode json = new ObjectMapper().readTree(dir.resolve("r.json").toFile());
            assertEquals(1, json.at("/sessions").size());
            assertEquals(2, json.at("/sessions/0/id").asInt());
            assertEquals(57, json.at("/sessions/0/transfers/0/commandFrame").asInt());
            List<String> csv = Files.readAllLines(dir.resolve("r.csv"));
            assertEquals(2, csv.size());
            assertTrue(csv.get(1).startsWith("2,192.0.2.13:34025,"), csv.get(1));
        }
    }
}

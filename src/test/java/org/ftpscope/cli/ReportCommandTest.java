package org.ftpscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ftpscope.TestCaptures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code report --session}: the bug of issue 21 (the JSON held every session) and what the command says it wrote. */
class ReportCommandTest {
    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void sessionTwoOnlyInEveryFormat(@TempDir Path tmp) throws Exception {
        String capture = TestCaptures.sample("concurrent-clients.pcap").toString();
        Path json = tmp.resolve("r.json");
        Run r = run("report", capture, "--session", "2", "--out", json.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("wrote " + json + " (json, 1 of 4 sessions, 1 findings)\n", r.out());
        JsonNode d = new ObjectMapper().readTree(json.toFile());
        assertEquals(1, d.at("/sessions").size());
        assertEquals(2, d.at("/sessions/0/id").asInt());
        assertEquals(41, d.at("/findings/0/frame").asInt());
        assertEquals(1, d.at("/findings").size());

        Path csv = tmp.resolve("r.csv");
        assertEquals(0, run("report", capture, "--session", "2", "--out", csv.toString()).code());
        assertEquals(2, Files.readAllLines(csv).size());
        assertTrue(Files.readAllLines(csv).get(1).startsWith("2,192.0.2.13:34025,"));

        Path md = tmp.resolve("r.txt");
        assertEquals(0, run("report", capture, "--session", "2", "--format", "md", "--out", md.toString()).code());
        String m = Files.readString(md);
        assertTrue(m.startsWith("# FTP report"), "--format wins over the file name");
        assertTrue(m.contains("## Session #2:") && !m.contains("## Session #3:"));

        Path html = tmp.resolve("r.html");
        assertEquals(0, run("report", capture, "--session", "2", "--out", html.toString()).code());
        String h = Files.readString(html);
        assertTrue(h.contains("<h2>Session #2:") && !h.contains("<h2>Session #0:"));
    }

    @Test
    void aSessionTheCaptureDoesNotHaveIsAnErrorNotAnEmptyReport(@TempDir Path tmp) {
        Path out = tmp.resolve("r.json");
        Run r = run("report", TestCaptures.sample("concurrent-clients.pcap").toString(), "--session", "9", "--out", out.toString());
        assertEquals(Cli.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("has no session [9] (it has 4, numbered 0–3)"), r.err());
        assertFalse(Files.exists(out));
        Run bad = run("report", TestCaptures.sample("concurrent-clients.pcap").toString(), "--format", "pdf", "--out", out.toString());
        assertEquals(Cli.EXIT_USAGE, bad.code());
        assertTrue(bad.err().contains("unknown format pdf (html|md|json|csv)"), bad.err());
    }
}

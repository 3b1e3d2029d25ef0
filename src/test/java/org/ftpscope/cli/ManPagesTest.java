package org.ftpscope.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The man pages the dist profile installs, from the same declarations as the CLI. */
class ManPagesTest {
    @Test
    void onePagePerCommandWithItsOptionsAndExitCodes(@TempDir Path dir) throws IOException {
        assertEquals(0, ManPages.write(dir.toFile()));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("ftpscope-analyze.adoc", "ftpscope-extract.adoc", "ftpscope-follow.adoc", "ftpscope-frames.adoc",
                    "ftpscope-generate-completion.adoc", "ftpscope-help.adoc", "ftpscope-report.adoc", "ftpscope-streams.adoc",
                    "ftpscope-tls.adoc", "ftpscope-tree.adoc", "ftpscope.adoc"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        String top = Files.readString(dir.resolve("ftpscope.adoc"));
        assertTrue(top.contains(":doctype: manpage"), top);
        assertTrue(top.contains("== Synopsis\n\n*ftpscope* [_CAPTURE_] +\n*ftpscope* _COMMAND_ [_OPTIONS_] _ARGUMENTS_... +\n"), top);
        for (String c : CommandLineTest.COMMANDS) assertTrue(top.contains("\nxref:ftpscope-" + c + ".adoc[*" + c + "*]::\n"), c + "\n" + top);
        String report = Files.readString(dir.resolve("ftpscope-report.adoc"));
        assertTrue(report.contains("*--session*=_N_"), report);
        assertTrue(report.contains("*--tls-keylog*=_FILE_"), report);
        assertTrue(report.contains("\n*3*::\n  output could not be written (a file, or standard output)\n"), report);
    }

    /** What build-dist.sh installs: asciidoctor's troff of the page. */
    @Test
    void asciidoctorMakesTroffOfThem(@TempDir Path dir) throws Exception {
        ManPages.write(dir.toFile());
        Process p;
        try {
            p = new ProcessBuilder("asciidoctor", "-b", "manpage", "-D", dir.toString(), dir.resolve("ftpscope-frames.adoc").toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "asciidoctor is not installed (apt-get install asciidoctor): " + e.getMessage());
            return;
        }
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), log);
        assertEquals("", log, "asciidoctor warned");
        String troff = Files.readString(dir.resolve("ftpscope-frames.1"));
        assertTrue(troff.contains(".TH \"FTPSCOPE\\-FRAMES\" \"1\""), troff);
        assertTrue(troff.contains("\\fB\\-Y\\fP=\\fIFILTER\\fP"), troff);
    }
}

package org.ftpscope.cli;

import org.ftpscope.TestCaptures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 0 analysed, 1 usage, 2 unreadable input, 3 output not written: what failed decides the code. */
class ExitCodeTest {
    static String sample() { return TestCaptures.sample("pasv-curl.pcap").toString(); }

    @Test
    void aReportThatCannotBeWrittenExitsThree(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliTest.Run r = CliTest.run("report", sample(), "--out", file.resolve("r.html").toString());
        assertEquals(Cli.EXIT_OUTPUT, r.code(), r.err());
        assertTrue(r.err().startsWith("ftpscope report: cannot write " + file.resolve("r.html")), r.err());
        CliTest.Run json = CliTest.run("analyze", sample(), "--json", file.resolve("a.json").toString());
        assertEquals(3, json.code(), json.err());
    }

    /**
     * A full disk, in a JVM of its own whose files may not grow past 20 KiB (ulimit -f: the write
     * fails with EFBIG, as it would with ENOSPC): every format exits 3 naming the file, the report
     * written before (--force) is still there whole, and no temp file is left.
     */
    @Test
    void aReportThatFillsTheDiskExitsThreeAndLeavesTheOldFileInPlace(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh to set a ulimit");
        // mirror-long.pcap: every format's report of it is over 20 KiB (the CSV is 103 KB)
        String capture = TestCaptures.sample("mirror-long.pcap").toString();
        for (String format : java.util.List.of("html", "md", "json", "csv")) {
            Path out = Files.writeString(dir.resolve("r." + format), "the report of yesterday\n");
            HostileCorpusTest.Run r = HostileCorpusTest.runUnder(java.util.List.of("/bin/sh", "-c", "ulimit -f 20 && exec \"$@\"", "sh"),
                    "report", capture, "--out", out.toString(), "--force");
            assertEquals(Cli.EXIT_OUTPUT, r.code(), r.err());
            assertEquals("ftpscope report: cannot write " + out + ": java.io.IOException: File too large\n", r.err(), format);
            assertEquals("the report of yesterday\n", Files.readString(out), format);
        }
        try (var left = Files.list(dir)) {
            assertEquals(java.util.List.of("r.csv", "r.html", "r.json", "r.md"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(), "a temp file was left");
        }
    }

    /**
     * A folder that refuses new files: exit 3 and nothing written. Root may write into any folder
     * whatever its mode, so as root /proc/1 stands in (a folder no one can create files in).
     */
    @Test
    void aReportIntoAFolderThatRefusesFilesExitsThree(@TempDir Path dir) throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path folder = root ? Path.of("/proc/1") : Files.createDirectory(dir.resolve("read-only"));
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(folder), folder + " is absent");
        if (!root) Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        Path out = folder.resolve("r.html");
        CliTest.Run r = CliTest.run("report", sample(), "--out", out.toString());
        assertEquals(Cli.EXIT_OUTPUT, r.code(), r.err());
        assertTrue(r.err().startsWith("ftpscope report: cannot write " + out + ": "), r.err());
        assertFalse(Files.exists(out));
        try (var left = Files.list(folder)) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().startsWith(".ftpscope-")), "a temp file was left");
        }
    }

    @Test
    void extractIntoAFolderThatCannotBeMadeExitsThreeAndSaysHowManyFailed(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliTest.Run r = CliTest.run("extract", sample(), file.resolve("out").toString());
        assertEquals(3, r.code(), r.err());
        // pasv-curl.pcap holds two files (its listings are left out without --listings).
        assertTrue(r.err().startsWith("ftpscope extract: cannot write " + file.resolve("out").resolve("notes-48k.txt")
                + ": java.nio.file.FileSystemException: " + file.resolve("out") + ": Not a directory\n"), r.err());
        assertTrue(r.err().endsWith("ftpscope extract: 2 files could not be written\n"), r.err());
    }

    @Test
    void standardOutputThatFailsExitsThree() {
        OutputStream broken = new OutputStream() {
            @Override public void write(int b) throws IOException { throw new IOException("No space left on device"); }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"frames", sample()}, new PrintStream(broken, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(3, code);
        assertEquals("ftpscope frames: could not write to standard output\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unreadableInputStaysTwoAndUsageOne(@TempDir Path dir) throws Exception {
        assertEquals(2, CliTest.run("analyze", dir.resolve("missing.pcap").toString()).code());
        CliTest.Run r = CliTest.run("tree", sample(), "\u0661");
        assertEquals(1, r.code());
        assertFalse(r.err().contains("failed"), r.err());
    }
}

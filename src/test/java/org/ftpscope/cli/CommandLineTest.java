package org.ftpscope.cli;

import org.ftpscope.TestCaptures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What picocli gives every command: help, version, usage errors (exit 1, stderr), completion. */
class CommandLineTest {
    static final List<String> COMMANDS = List.of("frames", "tree", "streams", "follow", "analyze", "extract", "report", "tls");

    static CliTest.Run run(String... args) { return CliTest.run(args); }

    static String sample() { return TestCaptures.sample("pasv-curl.pcap").toString(); }

    /** Per command: its synopsis line and one option line of its help. */
    static final Map<String, List<String>> HELP = Map.of(
            "frames", List.of("Usage: ftpscope frames [-hV] [-Y=FILTER] [--tls-keylog=FILE] [--debug] CAPTURE",
                    "  -Y=FILTER               only the frames this display filter matches"),
            "tree", List.of("Usage: ftpscope tree [-hV] [--bytes] [--tls-keylog=FILE] [--debug] CAPTURE N",
                    "      --bytes             also each node's field and bytes: [ip.src @26+4]"),
            "streams", List.of("Usage: ftpscope streams [-hV] [--tls-keylog=FILE] [--debug] CAPTURE",
                    "      CAPTURE             pcap or pcapng file (gzip-compressed too)"),
            "follow", List.of("Usage: ftpscope follow [-hV] [--tls-keylog=FILE] [--debug] [--client |",
                    "      --client            only what the client sent"),
            "analyze", List.of("Usage: ftpscope analyze [-hV] [--json=FILE] [--show-passwords]",
                    "      --json=FILE         write the JSON to FILE (through a temp file) instead"),
            "extract", List.of("Usage: ftpscope extract [-hV] [--force] [--listings] [--tls-keylog=FILE]",
                    "      --listings          also write directory listings (LIST, NLST, MLSD)"),
            "report", List.of("Usage: ftpscope report [-hV] --out=FILE [--format=FORMAT] [--session=N]...",
                    "      --format=FORMAT     html, md, json, csv; by default from the --out file's"),
            "tls", List.of("Usage: ftpscope tls [-hV] [--tls-keylog=FILE] [--debug] CAPTURE",
                    "      --tls-keylog=FILE   NSS key log (SSLKEYLOGFILE) to decrypt FTPS"));

    @Test
    void everyCommandHasHelpOnStdout() {
        assertEquals(COMMANDS.size(), HELP.size());
        for (String c : COMMANDS) {
            for (String option : List.of("--help", "-h")) {
                CliTest.Run r = run(c, option);
                assertEquals(0, r.code(), c + " " + option);
                assertEquals("", r.err(), c);
                List<String> l = r.lines();
                assertEquals(HELP.get(c).get(0), l.get(0), c);
                assertTrue(l.contains(HELP.get(c).get(1)), c + ":\n" + r.out());
                assertTrue(l.contains("      --tls-keylog=FILE   NSS key log (SSLKEYLOGFILE) to decrypt FTPS"), c);
                assertEquals(List.of("Exit codes:", "  0   analysed (warnings and limits included)", "  1   usage error",
                        "  2   unreadable input", "  3   output could not be written (a file, or standard output)"),
                        l.subList(l.size() - 5, l.size()), c);
            }
            assertEquals(run(c, "--help").out(), run("help", c).out(), "help " + c);
        }
    }

    @Test
    void everyCommandHasTheVersion() {
        String version = BuildInfo.line() + "\n";
        assertTrue(version.startsWith("ftpscope 0."), version);
        for (String c : COMMANDS) {
            for (String option : List.of("--version", "-V")) {
                CliTest.Run r = run(c, option);
                assertEquals(0, r.code(), c);
                assertEquals(version, r.out(), c);
                assertEquals("", r.err(), c);
            }
        }
        assertEquals(version, run("-V").out());
    }

    @Test
    void theTopLevelHelpListsEveryCommand() {
        CliTest.Run r = run("--help");
        assertEquals(0, r.code());
        assertEquals("", r.err());
        List<String> l = r.lines();
        assertEquals("Usage: ftpscope [CAPTURE]            the desktop app", l.get(0));
        assertEquals("       ftpscope COMMAND ARGS...      headless (ftpscope COMMAND --help)", l.get(1));
        for (String c : COMMANDS) assertTrue(l.stream().anyMatch(x -> x.startsWith("  " + c + " ")), c + ":\n" + r.out());
        assertTrue(l.contains("  tree                 Frame N's detail tree, indented, one node a line."), r.out());
        assertEquals(r.out(), run("help").out());
        assertEquals(r.out(), run("-h").out());
    }

    @Test
    void aUsageErrorExitsOneWithMessageSynopsisAndHintOnStderr() {
        CliTest.Run missing = run("frames");
        assertEquals(1, missing.code());
        assertEquals("", missing.out());
        assertEquals("ftpscope frames: Missing required parameter: 'CAPTURE'\n"
                + "Usage: ftpscope frames [-hV] [-Y=FILTER] [--tls-keylog=FILE] [--debug] CAPTURE\n"
                + "Run 'ftpscope frames --help' for its options.\n", missing.err());

        assertFirstErrorLine("ftpscope analyze: Unknown option: '--jsn'", run("analyze", sample(), "--jsn"));
        assertFirstErrorLine("ftpscope analyze: Missing required parameter for option '--json' (FILE)", run("analyze", sample(), "--json"));
        assertFirstErrorLine("ftpscope analyze: option '--json' (FILE) should be specified only once",
                run("analyze", sample(), "--json", "a.json", "--json", "b.json"));
        assertFirstErrorLine("ftpscope tree: Invalid value for positional parameter at index 1 (N): 'x' is not a number",
                run("tree", sample(), "x"));
        assertFirstErrorLine("ftpscope tree: Unmatched argument at index 3: '3'", run("tree", sample(), "2", "3"));
        assertFirstErrorLine("ftpscope follow: --client, --server are mutually exclusive (specify only one)",
                run("follow", sample(), "0", "--client", "--server"));
        assertFirstErrorLine("ftpscope report: Missing required option: '--out=FILE'", run("report", sample()));
        assertFirstErrorLine("ftpscope report: Invalid value for option '--session' (N): '٢' is not a number",
                run("report", sample(), "--out", "r.html", "--session", "\u0662"));
        // A usage error found after parsing reads the same.
        CliTest.Run frame = run("tree", sample(), "999");
        assertEquals(1, frame.code());
        assertEquals("ftpscope tree: frame 999 is not in 1..169\n"
                + "Usage: ftpscope tree [-hV] [--bytes] [--tls-keylog=FILE] [--debug] CAPTURE N\n"
                + "Run 'ftpscope tree --help' for its options.\n", frame.err());
    }

    static void assertFirstErrorLine(String expected, CliTest.Run r) {
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(expected, r.err().lines().findFirst().orElse(""), r.err());
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithASuggestion() {
        CliTest.Run r = run("frmes", sample());
        assertEquals(1, r.code());
        assertEquals("", r.out());
        List<String> l = r.err().lines().toList();
        assertEquals("ftpscope: unknown command 'frmes'", l.get(0));
        assertEquals("Did you mean: ftpscope frames?", l.get(1));
        assertEquals("Usage: ftpscope [CAPTURE]            the desktop app", l.get(2));
        assertEquals("Run 'ftpscope --help' for the commands.", l.get(l.size() - 1));
        assertEquals("ftpscope: unknown command 'bogus'", run("bogus").err().lines().findFirst().orElseThrow());
        CliTest.Run none = run();
        assertEquals(1, none.code());
        assertEquals("ftpscope: missing a command", none.err().lines().findFirst().orElseThrow());
    }

    @Test
    void controlCharactersInAnArgumentAreEscapedInTheMessage() {
        CliTest.Run r = run("analyze", sample(), "--x\u001b]0;owned\u0007");
        assertEquals(1, r.code());
        assertEquals("ftpscope analyze: Unknown option: '--x\\033]0;owned\\a'", r.err().lines().findFirst().orElseThrow());
        assertFalse(r.err().contains("\u001b"), r.err());
    }

    /** picocli would read arguments from the file of an "@FILE" argument; here it names a capture. */
    @Test
    void anAtSignArgumentIsAPathNotAnArgumentFile(@TempDir Path dir) throws IOException {
        Path args = Files.writeString(dir.resolve("args"), "--version\n");
        CliTest.Run r = run("frames", "@" + args);
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("ftpscope: @" + args + ": no such file"), r.err());
    }

    @Test
    void debugGoesBeforeOrAfterTheCommand() {
        String notCapture = TestCaptures.sample("README.md").toString();
        for (CliTest.Run r : List.of(run("--debug", "frames", notCapture), run("frames", notCapture, "--debug"))) {
            assertEquals(2, r.code());
            assertTrue(r.err().startsWith("ftpscope: samples/README.md: not a pcap or pcapng capture"), r.err());
            assertTrue(r.err().contains("\tat org.ftpscope."), "a stack trace with --debug:\n" + r.err());
        }
        assertFalse(run("frames", notCapture).err().contains("\tat "));
    }

    @Test
    void theCompletionScriptKnowsEveryCommandAndItsOptions() {
        CliTest.Run r = run("generate-completion");
        assertEquals(0, r.code(), r.err());
        String s = r.out();
        assertTrue(s.startsWith("#!/usr/bin/env bash\n"), s.substring(0, 40));
        assertTrue(s.contains("  local commands=\"frames tree streams follow analyze extract report tls help generate-completion\"\n"), s);
        for (String c : COMMANDS) assertTrue(s.contains("\nfunction _picocli_ftpscope_" + c + "() {\n"), c);
        assertTrue(s.contains("  local FORMAT_option_args=(\"html\" \"md\" \"json\" \"csv\") # --format values\n"), s);
        assertTrue(s.contains("  local arg_opts=\"'--tls-keylog' '--out' '--format' '--session'\"\n"), s);
        assertTrue(s.contains("\ncomplete -F _complete_ftpscope -o default ftpscope ftpscope.sh ftpscope.bash\n"), s);
    }

    /** The script in bash: what TAB offers after a partial command, after --format, and for the capture. */
    @Test
    void theCompletionScriptCompletesInBash(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("ftpscope.bash"), run("generate-completion").out());
        Files.createFile(dir.resolve("pasv-curl.pcap"));
        Files.createFile(dir.resolve("pasv-curl.pcapng"));
        String probe = "source " + script + " 2>/dev/null\n"
                + "offer() { COMP_LINE=\"$1\"; read -ra COMP_WORDS <<< \"$1\"; [[ $1 == *' ' ]] && COMP_WORDS+=(''); "
                + "COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _complete_ftpscope 2>/dev/null; echo \"${COMPREPLY[*]}\"; }\n"
                + "offer 'ftpscope rep'\noffer 'ftpscope t'\noffer 'ftpscope report --format '\noffer 'ftpscope frames pasv-c'\n"
                + "offer 'ftpscope frames --tl'\n";
        Process p;
        try {
            p = new ProcessBuilder("bash", "-c", probe).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "bash is not installed: the completion script cannot be run (" + e.getMessage() + ")");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        assertEquals(List.of("report", "tree tls", "html md json csv", "pasv-curl.pcap pasv-curl.pcapng", "--tls-keylog"),
                out.lines().toList(), out);
    }
}

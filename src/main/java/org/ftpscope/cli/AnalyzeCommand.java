package org.ftpscope.cli;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.capture.CaptureWarning;
import org.ftpscope.decode.SafeText;
import org.ftpscope.report.JsonReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** {@code analyze CAPTURE [--json FILE] [--show-passwords]}: the FTP analysis as JSON. */
@Command(name = "analyze", description = "The FTP analysis as JSON: capture, sessions (commands and replies, setups"
        + " with port math, transfers with bytes, SHA-256 and outcome), findings, findingGroups and firewall.")
final class AnalyzeCommand extends HeadlessCommand {
    @Option(names = "--json", paramLabel = "FILE", description = "write the JSON to FILE (through a temp file) instead of standard output")
    Path json;

    @Option(names = "--show-passwords", description = "print passwords (masked by default)")
    boolean showPasswords;

    @Override boolean decrypts() { return true; }

    @Override
    int run(PrintStream out, PrintStream err) throws Exception {
        // Streaming: JSON needs no frame afterwards, so nothing is kept per frame (docs/limits.md).
        try (Analysis a = Analyzer.analyzeStreaming(file, keyLog())) {
            boolean show = showPasswords;
            if (json == null) {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                JsonReport.write(a.capture(), a.ftp(), w, show);
                w.flush();
            } else {
                SafeFiles.writeAtomically(json, w -> JsonReport.write(a.capture(), a.ftp(), w, show));
            }
            for (CaptureWarning w : a.capture().warnings()) err.println(SafeText.forTerminal("ftpscope: " + file + ": " + w));
            for (CaptureWarning w : org.ftpscope.present.FindingGroups.limitWarnings(org.ftpscope.present.FindingGroups.of(a.ftp()))) {
                err.println(SafeText.forTerminal("ftpscope: " + file + ": " + w));
            }
        }
        return Cli.EXIT_OK;
    }
}

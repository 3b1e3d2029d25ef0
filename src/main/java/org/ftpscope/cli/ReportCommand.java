package org.ftpscope.cli;

import org.ftpscope.decode.SafeText;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.report.ReportSelection;
import org.ftpscope.report.ReportWriter;
import org.ftpscope.report.ReportWriters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** {@code report CAPTURE --out FILE [--format html|md|json|csv] [--session N]... [--show-passwords] [--force]}. */
@Command(name = "report", description = {"A report of the FTP analysis: one self-contained HTML file (no scripts),"
        + " Markdown for tickets, JSON, or CSV (one row per transfer). Everything from the capture is escaped."})
final class ReportCommand extends HeadlessCommand {
    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "the report file (written through a temp file; never over an existing one without --force)")
    Path target;

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = Formats.class,
            description = "${COMPLETION-CANDIDATES}; by default from the --out file's extension, HTML otherwise")
    String format;

    @Option(names = "--session", paramLabel = "N", converter = AsciiInt.class,
            description = "only session N, its findings and those about the whole capture (repeatable)")
    Set<Integer> only = new TreeSet<>();

    @Option(names = "--show-passwords", description = "print passwords (masked by default)")
    boolean show;

    @Option(names = "--force", description = "overwrite the --out file")
    boolean force;

    /** The format ids, for the help and the shell completion. */
    static final class Formats implements Iterable<String> {
        @Override public Iterator<String> iterator() { return ReportWriters.ALL.stream().map(ReportWriter::id).iterator(); }
    }

    @Override boolean decrypts() { return true; }

    @Override
    int run(PrintStream out, PrintStream err) throws Exception {
        String named = format == null ? null : format.toLowerCase(Locale.ROOT);
        ReportWriter writer = named == null ? ReportWriters.forFileName(target.toString()) : ReportWriters.byId(named)
                .orElseThrow(() -> new UsageException("unknown format " + named + " (" + ReportWriters.ids() + ")"));
        Path out2 = target;
        if (Files.exists(out2) && !force) {
            err.println("ftpscope report: " + target + " exists; use --force to overwrite it");
            return Cli.EXIT_USAGE;
        }
        ReportSelection selection = new ReportSelection(only, show);
        // Streaming: a report reads no frame back, so nothing is kept per frame (docs/limits.md).
        try (Analysis a = Analyzer.analyzeStreaming(file, keyLog())) {
            Set<Integer> unknown = selection.unknownIn(a);
            if (!unknown.isEmpty()) {
                err.println("ftpscope report: " + file + " has no session " + unknown + " (it has " + a.sessions().size()
                        + (a.sessions().isEmpty() ? ")" : ", numbered 0–" + (a.sessions().size() - 1) + ")"));
                return Cli.EXIT_USAGE;
            }
            SafeFiles.writeAtomically(out2, w -> writer.write(a, selection, w));
            for (org.ftpscope.capture.CaptureWarning cw : a.capture().warnings()) err.println(SafeText.forTerminal("ftpscope: " + file + ": " + cw));
            for (org.ftpscope.capture.CaptureWarning cw : writer.limitWarnings(a, selection)) {
                err.println(SafeText.forTerminal("ftpscope: " + file + ": " + cw));
            }
            out.println("wrote " + target + " (" + writer.id() + ", " + selection.sessionsOf(a).size() + " of " + a.sessions().size()
                    + " sessions, " + selection.findingsOf(a).size() + " findings)");
        }
        return Cli.EXIT_OK;
    }
}

package org.ftpscope.cli;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.capture.CaptureWarning;
import org.ftpscope.decode.SafeText;
import org.ftpscope.report.JsonReport;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** {@code analyze CAPTURE [--json FILE] [--show-passwords]}: the FTP analysis as JSON. */
final class AnalyzeCommand implements Command {
    @Override public String name() { return "analyze"; }

    @Override public boolean decrypts() { return true; }

    @Override public String usage() { return "analyze CAPTURE [--json FILE] [--show-passwords]"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        String file = null, json = null;
        boolean showPasswords = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--json")) {
                if (++i >= args.size()) throw new UsageException("--json needs a file name");
                json = args.get(i);
            } else if (a.equals("--show-passwords")) {
                showPasswords = true;
            } else if (a.startsWith("-")) {
                throw new UsageException("unknown option " + a);
            } else if (file == null) {
                file = a;
            } else {
                throw new UsageException("unexpected argument " + a);
            }
        }
        if (file == null) throw new UsageException("expected a capture file");
        // Streaming: JSON needs no frame afterwards, so nothing is kept per frame (docs/limits.md).
        try (Analysis a = Analyzer.analyzeStreaming(Path.of(file), CliOptions.current().keyLog())) {
            boolean show = showPasswords;
            if (json == null) {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                JsonReport.write(a.capture(), a.ftp(), w, show);
                w.flush();
            } else {
                SafeFiles.writeAtomically(Path.of(json), w -> JsonReport.write(a.capture(), a.ftp(), w, show));
            }
            for (CaptureWarning w : a.capture().warnings()) err.println(SafeText.forTerminal("ftpscope: " + file + ": " + w));
        }
        return Cli.EXIT_OK;
    }
}

package org.ftpscope.cli;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.decode.SafeText;
import org.ftpscope.report.ReportSelection;
import org.ftpscope.report.ReportWriter;
import org.ftpscope.report.ReportWriters;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** {@code report CAPTURE --out FILE [--format html|md|json|csv] [--session N]... [--show-passwords] [--force]}. */
final class ReportCommand implements Command {
    @Override public String name() { return "report"; }

    @Override public boolean decrypts() { return true; }

    @Override public String usage() {
        return "report CAPTURE --out FILE [--format " + ReportWriters.ids() + "] [--session N]... [--show-passwords] [--force]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        String file = null, target = null, format = null;
        boolean show = false, force = false;
        Set<Integer> only = new TreeSet<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--out" -> target = value(args, ++i, a);
                case "--format" -> format = value(args, ++i, a).toLowerCase(Locale.ROOT);
                case "--session" -> {
                    try {
                        only.add(Integer.parseInt(value(args, ++i, a)));
                    } catch (NumberFormatException e) {
                        throw new UsageException("--session takes a session number");
                    }
                }
                case "--show-passwords" -> show = true;
                case "--force" -> force = true;
                default -> {
                    if (a.startsWith("-")) throw new UsageException("unknown option " + a);
                    if (file != null) throw new UsageException("unexpected argument " + a);
                    file = a;
                }
            }
        }
        if (file == null || target == null) throw new UsageException("expected a capture file and --out FILE");
        String named = format;
        ReportWriter writer = format == null ? ReportWriters.forFileName(target) : ReportWriters.byId(format)
                .orElseThrow(() -> new UsageException("unknown format " + named + " (" + ReportWriters.ids() + ")"));
        Path out2 = Path.of(target);
        if (Files.exists(out2) && !force) {
            err.println("ftpscope report: " + target + " exists; use --force to overwrite it");
            return Cli.EXIT_USAGE;
        }
        ReportSelection selection = new ReportSelection(only, show);
        try (Analysis a = CliOptions.analyze(Path.of(file))) {
            Set<Integer> unknown = selection.unknownIn(a);
            if (!unknown.isEmpty()) {
                err.println("ftpscope report: " + file + " has no session " + unknown + " (it has " + a.sessions().size()
                        + (a.sessions().isEmpty() ? ")" : ", numbered 0–" + (a.sessions().size() - 1) + ")"));
                return Cli.EXIT_USAGE;
            }
            SafeFiles.writeAtomically(out2, w -> writer.write(a, selection, w));
            for (org.ftpscope.capture.CaptureWarning cw : a.capture().warnings()) err.println(SafeText.forTerminal("ftpscope: " + file + ": " + cw));
            out.println("wrote " + target + " (" + writer.id() + ", " + selection.sessionsOf(a).size() + " of " + a.sessions().size()
                    + " sessions, " + selection.findingsOf(a).size() + " findings)");
        }
        return Cli.EXIT_OK;
    }

    private static String value(List<String> args, int i, String opt) throws UsageException {
        if (i >= args.size()) throw new UsageException(opt + " needs a value");
        return args.get(i);
    }
}

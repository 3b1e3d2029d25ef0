package org.ftpscope.cli;

import org.ftpscope.ftp.Analysis;
import org.ftpscope.ftp.Analyzer;
import org.ftpscope.report.CsvReport;
import org.ftpscope.report.HtmlReport;
import org.ftpscope.report.JsonReport;
import org.ftpscope.report.MarkdownReport;
import org.ftpscope.report.ReportOptions;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code report CAPTURE --out FILE [--format html|md|json|csv] [--show-passwords] [--force]}. */
final class ReportCommand implements Command {
    @Override public String name() { return "report"; }

    @Override public String usage() {
        return "report CAPTURE --out FILE [--format html|md|json|csv] [--session N]... [--show-passwords] [--force]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        String file = null, target = null, format = null;
        boolean show = false, force = false;
        java.util.Set<Integer> only = new java.util.TreeSet<>();
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
        if (format == null) {
            String t = target.toLowerCase(Locale.ROOT);
            format = t.endsWith(".md") || t.endsWith(".markdown") ? "md" : t.endsWith(".json") ? "json" : t.endsWith(".csv") ? "csv" : "html";
        }
        if (!Set.of("html", "md", "json", "csv").contains(format)) throw new UsageException("unknown format " + format);
        Path out2 = Path.of(target);
        if (Files.exists(out2) && !force) {
            err.println("ftpscope report: " + target + " exists; use --force to overwrite it");
            return Cli.EXIT_USAGE;
        }
        ReportOptions o = new ReportOptions(show, only);
        String fmt = format;
        boolean showPasswords = show;
        try (Analysis a = Analyzer.analyze(Path.of(file))) {
            SafeFiles.writeAtomically(out2, w -> {
                switch (fmt) {
                    case "md" -> MarkdownReport.write(a, w, o);
                    case "json" -> JsonReport.write(a.capture(), a.ftp(), w, showPasswords);
                    case "csv" -> CsvReport.write(a, w, o);
                    default -> HtmlReport.write(a, w, o);
                }
            });
            for (org.ftpscope.capture.CaptureWarning cw : a.capture().warnings()) err.println("ftpscope: " + file + ": " + cw);
            out.println("wrote " + target + " (" + fmt + ", " + a.sessions().size() + " sessions, " + a.findings().size() + " findings)");
        }
        return Cli.EXIT_OK;
    }

    private static String value(List<String> args, int i, String opt) throws UsageException {
        if (i >= args.size()) throw new UsageException(opt + " needs a value");
        return args.get(i);
    }
}

package org.ftpscope.cli;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.capture.CaptureWarning;
import org.ftpscope.decode.SafeText;
import org.ftpscope.filter.AnalysisFields;
import org.ftpscope.filter.DisplayFilter;
import org.ftpscope.present.FrameViews;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** {@code frames CAPTURE}: one tab-separated line per frame with Wireshark's seven columns. */
final class FramesCommand implements Command {
    @Override public String name() { return "frames"; }

    @Override public boolean decrypts() { return true; }

    @Override public String usage() { return "frames CAPTURE [-Y FILTER]"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        String file = null, filterText = "";
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("-Y")) {
                if (++i >= args.size()) throw new UsageException("-Y needs a display filter");
                filterText = args.get(i);
            } else if (file == null) {
                file = args.get(i);
            } else {
                throw new UsageException("unexpected argument " + args.get(i));
            }
        }
        if (file == null) throw new UsageException("expected one capture file");
        DisplayFilter.Result compiled = DisplayFilter.compile(filterText);
        if (compiled instanceof DisplayFilter.Result.Invalid bad) {
            throw new UsageException("invalid display filter at column " + (bad.position() + 1) + ": " + bad.message());
        }
        DisplayFilter filter = ((DisplayFilter.Result.Compiled) compiled).filter();
        try (Analysis a = CliOptions.analyze(Path.of(file))) {
            FrameViews views = new FrameViews(a);
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            for (int f : AnalysisFields.matching(a, filter)) {
                w.write(SafeText.forTerminal(views.summary(f).toTsv()));
                w.write('\n');
            }
            w.flush();
            for (CaptureWarning warning : a.capture().warnings()) err.println(SafeText.forTerminal("ftpscope: " + file + ": " + warning));
        }
        return Cli.EXIT_OK;
    }
}

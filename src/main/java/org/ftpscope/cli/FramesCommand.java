package org.ftpscope.cli;

import org.ftpscope.capture.CaptureWarning;
import org.ftpscope.decode.SafeText;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.present.FrameViews;
import org.ftpscope.filter.AnalysisFields;
import org.ftpscope.filter.DisplayFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** {@code frames CAPTURE [-Y FILTER]}: one tab-separated line per frame with Wireshark's seven columns. */
@Command(name = "frames", description = "One tab-separated line per frame: number, time, source, destination,"
        + " protocol, length and info, as tshark's columns.")
final class FramesCommand extends HeadlessCommand {
    @Option(names = "-Y", paramLabel = "FILTER", description = "only the frames this display filter matches (Wireshark's syntax)")
    String filterText = "";

    @Override boolean decrypts() { return true; }

    @Override
    int run(PrintStream out, PrintStream err) throws Exception {
        DisplayFilter.Result compiled = DisplayFilter.compile(filterText);
        if (compiled instanceof DisplayFilter.Result.Invalid bad) {
            throw new UsageException("invalid display filter at column " + (bad.position() + 1) + ": " + bad.message());
        }
        DisplayFilter filter = ((DisplayFilter.Result.Compiled) compiled).filter();
        try (Analysis a = analyze(file)) {
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

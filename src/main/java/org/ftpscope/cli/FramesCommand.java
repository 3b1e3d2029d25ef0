package org.ftpscope.cli;

import org.ftpscope.capture.CaptureWarning;
import org.ftpscope.ftp.Analysis;
import org.ftpscope.ftp.Analyzer;
import org.ftpscope.ftp.FrameViews;

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

    @Override public String usage() { return "frames CAPTURE"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.size() != 1) throw new UsageException("expected one capture file");
        try (Analysis a = Analyzer.analyze(Path.of(args.get(0)))) {
            FrameViews views = new FrameViews(a);
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            for (int f = 1; f <= a.capture().frameCount(); f++) {
                w.write(views.summary(f).toTsv());
                w.write('\n');
            }
            w.flush();
            for (CaptureWarning warning : a.capture().warnings()) err.println("ftpscope: " + args.get(0) + ": " + warning);
        }
        return Cli.EXIT_OK;
    }
}

package org.ftpscope.cli;

import org.ftpscope.ftp.Analysis;
import org.ftpscope.ftp.Analyzer;
import org.ftpscope.report.ObjectExporter;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code extract CAPTURE DIR [--force] [--listings]}: every transferred file, written under DIR. */
final class ExtractCommand implements Command {
    @Override public String name() { return "extract"; }

    @Override public String usage() { return "extract CAPTURE DIR [--force] [--listings]"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        boolean force = false, listings = false;
        List<String> pos = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--force")) force = true;
            else if (a.equals("--listings")) listings = true;
            else if (a.startsWith("-")) throw new UsageException("unknown option " + a);
            else pos.add(a);
        }
        if (pos.size() != 2) throw new UsageException("expected a capture file and a folder");
        Path dir = Path.of(pos.get(1));
        try (Analysis a = Analyzer.analyze(Path.of(pos.get(0)))) {
            out.println("file\tbytes\tmissing_bytes\tsha256\tsession\tcommand\tftp_path");
            for (ObjectExporter.FtpObject o : ObjectExporter.objects(a, listings)) {
                ObjectExporter.Extracted x = ObjectExporter.write(a, o, dir, force);
                out.println(x.file() + "\t" + x.bytes() + "\t" + x.missingBytes() + "\t" + x.sha256() + "\t"
                        + o.session().id() + "\t" + o.transfer().command() + "\t"
                        + o.transfer().path().replace('\t', ' ').replace('\n', ' '));
            }
        }
        return Cli.EXIT_OK;
    }
}

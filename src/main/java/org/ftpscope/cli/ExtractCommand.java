package org.ftpscope.cli;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.decode.SafeText;
import org.ftpscope.report.ObjectExporter;
import org.ftpscope.report.OutputFailure;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code extract CAPTURE DIR [--force] [--listings]}: every transferred file, written under DIR. */
final class ExtractCommand implements Command {
    @Override public String name() { return "extract"; }

    @Override public boolean decrypts() { return true; }

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
        int failed = 0;
        try (Analysis a = CliOptions.analyze(Path.of(pos.get(0)))) {
            out.println("file\tbytes\tmissing_bytes\tsha256\tsession\tcommand\tftp_path");
            for (ObjectExporter.FtpObject o : ObjectExporter.objects(a, listings)) {
                ObjectExporter.Extracted x;
                try {
                    x = ObjectExporter.write(a, o, dir, force);
                } catch (OutputFailure e) {
                    // One file the folder refuses does not stop the others; the exit code says so.
                    err.println("ftpscope extract: " + SafeText.forTerminal(e.getMessage()));
                    failed++;
                    continue;
                }
                out.println(SafeText.forTerminal(x.file() + "\t" + x.bytes() + "\t" + x.missingBytes() + "\t" + x.sha256() + "\t"
                        + o.session().id() + "\t" + o.transfer().command() + "\t"
                        + o.transfer().path().replace('\t', ' ').replace('\n', ' ')));
            }
            long decrypted = ObjectExporter.objects(a, listings).stream().filter(o -> a.hasDecryptedContent(o.transfer())).count();
            if (decrypted > 0) {
                err.println("ftpscope extract: " + decrypted + " TLS-protected (PROT P) transfer(s) written decrypted with the key log;"
                        + " their missing_bytes count TCP bytes (ciphertext) missing from the capture");
            }
        }
        if (failed > 0) {
            err.println("ftpscope extract: " + failed + " file" + (failed == 1 ? "" : "s") + " could not be written");
            return Cli.EXIT_OUTPUT;
        }
        return Cli.EXIT_OK;
    }
}

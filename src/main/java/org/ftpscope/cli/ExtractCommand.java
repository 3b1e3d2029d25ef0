package org.ftpscope.cli;

import org.ftpscope.decode.SafeText;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.report.ObjectExporter;
import org.ftpscope.report.OutputFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code extract CAPTURE DIR [--force] [--listings]}: every transferred file, written under DIR. */
@Command(name = "extract", description = {"Every transferred file, written under DIR, with its bytes missing and SHA-256"
        + " (one tab-separated line each). Files are named after the FTP path's last component only"
        + " (../../etc/passwd becomes passwd) and written through a temp file."})
final class ExtractCommand extends HeadlessCommand {
    @Parameters(index = "1", paramLabel = "DIR", description = "folder to write the files into (made if missing)")
    Path dir;

    @Option(names = "--force", description = "overwrite files of the same name (by default a new name is chosen)")
    boolean force;

    @Option(names = "--listings", description = "also write directory listings (LIST, NLST, MLSD)")
    boolean listings;

    @Override boolean decrypts() { return true; }

    @Override
    int run(PrintStream out, PrintStream err) throws Exception {
        if (keyLogFile != null) return runDecrypting(out, err);
        int[] failed = {0};
        // Streaming: the analysis keeps no frame index or content spans; a second pass over the
        // capture writes each transfer's bytes as they are reassembled (ObjectExporter.writeAll).
        try (Analysis a = Analyzer.analyzeStreaming(file, keyLog())) {
            out.println("file\tbytes\tmissing_bytes\tsha256\tsession\tcommand\tftp_path");
            List<ObjectExporter.FtpObject> objects = ObjectExporter.objects(a, listings);
            a.close(); // a compressed capture's inflated copy is not needed twice
            ObjectExporter.writeAll(file, objects, dir, force, new ObjectExporter.Outcome() {
                @Override
                public void written(ObjectExporter.FtpObject o, ObjectExporter.Extracted x) {
                    out.println(SafeText.forTerminal(x.file() + "\t" + x.bytes() + "\t" + x.missingBytes() + "\t" + x.sha256() + "\t"
                            + o.session().id() + "\t" + o.transfer().command() + "\t"
                            + o.transfer().path().replace('\t', ' ').replace('\n', ' ')));
                }

                @Override
                public void failed(ObjectExporter.FtpObject o, OutputFailure e) {
                    // One file the folder refuses does not stop the others; the exit code says so.
                    err.println("ftpscope extract: " + SafeText.forTerminal(e.getMessage()));
                    failed[0]++;
                }
            });
            for (org.ftpscope.capture.CaptureWarning w : a.capture().warnings()) {
                err.println(SafeText.forTerminal("ftpscope: " + file + ": " + w));
            }
            long decrypted = ObjectExporter.objects(a, listings).stream().filter(o -> a.hasDecryptedContent(o.transfer())).count();
            if (decrypted > 0) {
                err.println("ftpscope extract: " + decrypted + " TLS-protected (PROT P) transfer(s) written decrypted with the key log;"
                        + " their missing_bytes count TCP bytes (ciphertext) missing from the capture");
            }
        }
        if (failed[0] > 0) {
            err.println("ftpscope extract: " + failed[0] + " file" + (failed[0] == 1 ? "" : "s") + " could not be written");
            return Cli.EXIT_OUTPUT;
        }
        return Cli.EXIT_OK;
    }

    /**
     * With a key log: the decrypted bytes of PROT P transfers are only in the full analysis (the
     * streaming pass would write their ciphertext), so this path analyses once and writes each
     * transfer from it.
     */
    private int runDecrypting(PrintStream out, PrintStream err) throws Exception {
        int failed = 0;
        try (Analysis a = analyze(file)) {
            out.println("file\tbytes\tmissing_bytes\tsha256\tsession\tcommand\tftp_path");
            List<ObjectExporter.FtpObject> objects = ObjectExporter.objects(a, listings);
            for (ObjectExporter.FtpObject o : objects) {
                ObjectExporter.Extracted x;
                try {
                    x = ObjectExporter.write(a, o, dir, force);
                } catch (OutputFailure e) {
                    err.println("ftpscope extract: " + SafeText.forTerminal(e.getMessage()));
                    failed++;
                    continue;
                }
                out.println(SafeText.forTerminal(x.file() + "\t" + x.bytes() + "\t" + x.missingBytes() + "\t" + x.sha256() + "\t"
                        + o.session().id() + "\t" + o.transfer().command() + "\t"
                        + o.transfer().path().replace('\t', ' ').replace('\n', ' ')));
            }
            for (org.ftpscope.capture.CaptureWarning w : a.capture().warnings()) {
                err.println(SafeText.forTerminal("ftpscope: " + file + ": " + w));
            }
            long decrypted = objects.stream().filter(o -> a.hasDecryptedContent(o.transfer())).count();
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

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
        + " (../../etc/passwd becomes passwd) and written through a temp file.",
        "On stderr: every transfer not written and why, every file written incomplete and what it lacks,"
                + " the snaplen when it cut frames, and a total (N of M transfers written; K not written: ...)."})
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
        int[] failed = {0};
        ExtractAccount[] account = {null};
        ObjectExporter.Outcome listed = new ObjectExporter.Outcome() {
            @Override
            public void written(ObjectExporter.FtpObject o, ObjectExporter.Extracted x) {
                out.println(SafeText.forTerminal(x.file() + "\t" + x.bytes() + "\t" + x.missingBytes() + "\t" + x.sha256() + "\t"
                        + o.session().id() + "\t" + o.transfer().command() + "\t"
                        + o.transfer().path().replace('\t', ' ').replace('\n', ' ')));
                account[0].written(o, x);
            }

            @Override
            public void failed(ObjectExporter.FtpObject o, OutputFailure e) {
                // One file the folder refuses does not stop the others; the exit code says so. A full
                // disk refuses every later file: the first ones are named, the total line counts all.
                if (failed[0] < ExtractAccount.MAX_LISTED) err.println("ftpscope extract: " + SafeText.forTerminal(e.getMessage()));
                account[0].failed(o, e.getMessage());
                failed[0]++;
            }
        };
        boolean decrypting = keyLogFile != null;
        // Streaming: the analysis keeps no frame index or content spans; a second pass over the
        // capture writes each transfer's bytes as they are reassembled (ObjectExporter.writeAll).
        // With a key log, PROT P transfers' decrypted bytes are only in the full analysis (the
        // second pass would write their ciphertext), so each transfer is written from it.
        try (Analysis a = decrypting ? analyze(file) : Analyzer.analyzeStreaming(file, keyLog())) {
            account[0] = new ExtractAccount(a, listings);
            out.println("file\tbytes\tmissing_bytes\tsha256\tsession\tcommand\tftp_path");
            List<ObjectExporter.FtpObject> objects = ObjectExporter.objects(a, listings);
            if (decrypting) {
                org.ftpscope.report.GapFill fill = new org.ftpscope.report.GapFill(); // one budget for the whole extraction
                for (ObjectExporter.FtpObject o : objects) {
                    try {
                        listed.written(o, ObjectExporter.write(a, o, dir, force, fill));
                    } catch (OutputFailure e) {
                        listed.failed(o, e);
                    }
                }
            } else {
                a.close(); // a compressed capture's inflated copy is not needed twice
                ObjectExporter.writeAll(file, objects, dir, force, listed);
            }
            for (org.ftpscope.capture.CaptureWarning w : a.capture().warnings()) {
                err.println(SafeText.forTerminal("ftpscope: " + file + ": " + w));
            }
            long decrypted = objects.stream().filter(o -> a.hasDecryptedContent(o.transfer())).count();
            if (decrypted > 0) {
                err.println("ftpscope extract: " + decrypted + " TLS-protected (PROT P) transfer(s) written decrypted with the key log;"
                        + " their missing_bytes count TCP bytes (ciphertext) missing from the capture");
            }
            epilogue(a, account[0], err);
        }
        if (failed[0] > 0) {
            err.println("ftpscope extract: " + failed[0] + " file" + (failed[0] == 1 ? "" : "s") + " could not be written"
                    + (failed[0] > ExtractAccount.MAX_LISTED ? "; the first " + ExtractAccount.MAX_LISTED + " are named above ("
                    + org.ftpscope.capture.Limit.EXTRACT_LISTED.label() + ")" : ""));
            return Cli.EXIT_OUTPUT;
        }
        return Cli.EXIT_OK;
    }

    /**
     * Every transfer not written, one line each with why; every file written incomplete, with what
     * it lacks; the snaplen when it cut frames; the total. What the capture lacks is no failure (exit 0).
     */
    private void epilogue(Analysis a, ExtractAccount account, PrintStream err) {
        List<ExtractAccount.Incomplete> incomplete = account.incomplete();
        for (ExtractAccount.Incomplete i : incomplete.subList(0, Math.min(incomplete.size(), ExtractAccount.MAX_LISTED))) {
            err.println(SafeText.forTerminal("ftpscope extract: incomplete: " + i.file() + ": "
                    + ExtractAccount.name(i.session(), i.transfer()) + ": " + i.text()));
        }
        if (incomplete.size() > ExtractAccount.MAX_LISTED) {
            err.println("ftpscope extract: " + ExtractAccount.incompleteNotListed(incomplete.size() - ExtractAccount.MAX_LISTED));
        }
        // Failed writes were said when they failed.
        List<ExtractAccount.NotWritten> not = account.notWritten().stream().filter(w -> w.why() != ExtractAccount.Why.OUTPUT).toList();
        for (ExtractAccount.NotWritten w : not.subList(0, Math.min(not.size(), ExtractAccount.MAX_LISTED))) {
            err.println(SafeText.forTerminal("ftpscope extract: not written: " + ExtractAccount.name(w.session(), w.transfer())
                    + ": " + w.why().label + ": " + w.text()));
        }
        if (not.size() > ExtractAccount.MAX_LISTED) {
            err.println("ftpscope extract: " + ExtractAccount.notWrittenNotListed(not.subList(ExtractAccount.MAX_LISTED, not.size())));
        }
        boolean cut = a.findings().stream().anyMatch(f -> f.kind() == org.ftpscope.ftp.findings.FindingKind.CAPTURE_TRUNCATED
                && f.session() < 0);
        if (cut) err.println(SafeText.forTerminal("ftpscope extract: " + account.snaplen(SnaplenCut.of(a))));
        String gapFill = account.gapFillLimit();
        if (gapFill != null) err.println(SafeText.forTerminal("ftpscope extract: " + gapFill));
        err.println("ftpscope extract: " + account.total());
    }
}

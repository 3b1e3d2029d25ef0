package org.ftpscope.cli;

import org.ftpscope.tls.KeyLog;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Options every sub-command accepts, taken out of the argument list before the command parses
 * its own: {@code --tls-keylog FILE}, the NSS key log (SSLKEYLOGFILE) that decrypts FTPS.
 * The path comes from the user's command line only, never from a capture.
 */
record CliOptions(KeyLog keyLog, Path keyLogFile) {
    static final String TLS_KEYLOG = "--tls-keylog";

    static CliOptions none() { return new CliOptions(KeyLog.none(), null); }

    private static final ThreadLocal<CliOptions> CURRENT = ThreadLocal.withInitial(CliOptions::none);

    /** The options of the command running on this thread (none outside {@link Cli#run}). */
    static CliOptions current() { return CURRENT.get(); }

    static void setCurrent(CliOptions o) {
        if (o == null) CURRENT.remove();
        else CURRENT.set(o);
    }

    /** The FTP analysis of a capture, decrypting FTPS with the {@code --tls-keylog} key log when one was given. */
    static org.ftpscope.analysis.Analysis analyze(Path capture) throws org.ftpscope.capture.CaptureException {
        return org.ftpscope.analysis.Analyzer.analyzeWithKeyLog(capture, current().keyLog());
    }

    /** Removes the global options from {@code args} (a mutable list) and reads the key log. */
    static CliOptions extract(List<String> args) throws UsageException, IOException {
        Path file = null;
        for (int i = 0; i < args.size(); ) {
            String a = args.get(i);
            String value = null;
            if (a.equals(TLS_KEYLOG)) {
                if (i + 1 >= args.size()) throw new UsageException(TLS_KEYLOG + " needs a key log file");
                value = args.remove(i + 1);
                args.remove(i);
            } else if (a.startsWith(TLS_KEYLOG + "=")) {
                value = a.substring(TLS_KEYLOG.length() + 1);
                args.remove(i);
            } else {
                i++;
                continue;
            }
            if (file != null) throw new UsageException(TLS_KEYLOG + " given twice");
            file = Path.of(value);
        }
        if (file == null) return none();
        if (!Files.isRegularFile(file)) throw new UsageException(TLS_KEYLOG + ": no such file: " + file);
        return new CliOptions(KeyLog.read(file), file);
    }

    boolean hasKeyLog() { return keyLogFile != null; }

    /** One line about the key log on stderr, and its warnings: what was read, so no decryption result surprises. */
    void describe(PrintStream err) {
        if (!hasKeyLog()) return;
        err.println("ftpscope: key log " + keyLogFile + ": " + keyLog.lines() + " line(s), "
                + keyLog.size(KeyLog.Label.CLIENT_RANDOM) + " CLIENT_RANDOM (TLS 1.2), "
                + keyLog.size(KeyLog.Label.CLIENT_TRAFFIC_SECRET_0) + " CLIENT_TRAFFIC_SECRET_0 (TLS 1.3), "
                + keyLog.otherLabels() + " line(s) with labels not used");
        for (String w : keyLog.warnings()) err.println("ftpscope: " + w);
    }
}

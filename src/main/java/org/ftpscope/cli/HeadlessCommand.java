package org.ftpscope.cli;

import org.ftpscope.capture.CaptureException;
import org.ftpscope.decode.SafeText;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.report.OutputFailure;
import org.ftpscope.tls.KeyLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * What every headless subcommand shares: the CAPTURE it reads first, {@code --help}, {@code --version},
 * {@code --debug}, {@code --tls-keylog FILE}, and one mapping of failures to exit codes. A subcommand declares its
 * arguments as fields and implements {@link #run}.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = BuildInfo.Provider.class,
        sortOptions = false, sortSynopsis = false, usageHelpAutoWidth = false,
        exitCodeListHeading = HeadlessCommand.EXIT_CODE_HEADING,
        exitCodeList = {HeadlessCommand.EXIT_0, HeadlessCommand.EXIT_1, HeadlessCommand.EXIT_2, HeadlessCommand.EXIT_3})
abstract class HeadlessCommand implements Callable<Integer> {
    static final String EXIT_CODE_HEADING = "%nExit codes:%n";
    static final String EXIT_0 = "0:analysed (warnings and limits included)";
    static final String EXIT_1 = "1:usage error";
    static final String EXIT_2 = "2:unreadable input";
    static final String EXIT_3 = "3:output could not be written (a file, or standard output)";

    @Spec CommandSpec spec;

    @ParentCommand FtpscopeCommand root;

    @Parameters(index = "0", paramLabel = "CAPTURE", description = "pcap or pcapng file (gzip-compressed too)")
    Path file;

    // The path comes from the user's command line only, never from a capture.
    // After the command's own options in its help (the order of those is -1, picocli's default).
    @Option(names = "--tls-keylog", paramLabel = "FILE", order = 100,
            description = "NSS key log (SSLKEYLOGFILE) to decrypt FTPS")
    Path keyLogFile;

    @Option(names = "--debug", order = 101, description = "print stack traces of failures")
    boolean debug;

    private KeyLog keyLog = KeyLog.none();

    /**
     * @return the exit code: 0 analysed (maybe with warnings), 1 usage error, 2 unreadable input,
     *         3 output not written (or throw {@link OutputFailure})
     * @throws UsageException for arguments that parse but do not fit (exit 1 with the synopsis)
     */
    abstract int run(PrintStream out, PrintStream err) throws Exception;

    /** True when the command reads FTPS with the key log (via {@link #analyze}); the others say they do not. */
    boolean decrypts() { return false; }

    /**
     * The key log's limits on stderr, for the commands that print no capture warnings (tree, follow);
     * the others print them with the capture's, where the analysis put them.
     */
    final void keyLogLimits(PrintStream err) {
        for (org.ftpscope.capture.CaptureWarning w : keyLog.limitWarnings()) err.println(SafeText.forTerminal("ftpscope: " + w));
    }

    /** The {@code --tls-keylog} key log, or none. */
    final KeyLog keyLog() { return keyLog; }

    /** The FTP analysis of a capture, decrypting FTPS with the {@code --tls-keylog} key log when one was given. */
    final Analysis analyze(Path capture) throws CaptureException {
        return Analyzer.analyzeWithKeyLog(capture, keyLog);
    }

    @Override
    public final Integer call() {
        PrintStream out = root.out, err = root.err;
        String name = "ftpscope " + spec.name();
        boolean debugging = debug || root.debug;
        try {
            if (keyLogFile != null) {
                if (!Files.isRegularFile(keyLogFile)) throw new UsageException("--tls-keylog: no such file: " + keyLogFile);
                try {
                    keyLog = KeyLog.read(keyLogFile);
                } catch (IOException e) {
                    err.println("ftpscope: cannot read the key log: " + SafeText.forTerminal(e.toString()));
                    return Cli.EXIT_UNREADABLE;
                }
                describeKeyLog(err);
                if (!decrypts()) {
                    err.println(name + ": --tls-keylog is not used by this command: it shows the TCP bytes as they are (encrypted)");
                }
            }
            int rc = run(out, err);
            out.flush();
            // PrintStream keeps write errors to itself (a closed pipe, a full disk behind a redirect).
            if (out.checkError()) {
                err.println(name + ": could not write to standard output");
                return Cli.EXIT_OUTPUT;
            }
            return rc;
        } catch (UsageException e) {
            return Cli.usageError(spec.commandLine(), e.getMessage());
        } catch (OutputFailure e) {
            err.println(name + ": " + SafeText.forTerminal(e.getMessage()));
            if (debugging) e.printStackTrace(err);
            return Cli.EXIT_OUTPUT;
        } catch (CaptureException e) {
            err.println("ftpscope: " + SafeText.forTerminal(e.getMessage()));
            if (debugging) e.printStackTrace(err);
            return Cli.EXIT_UNREADABLE;
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            err.println(name + ": failed: " + SafeText.forTerminal(e.toString()));
            if (debugging) e.printStackTrace(err);
            else err.println("(run with --debug for details)");
            return Cli.EXIT_UNREADABLE;
        }
    }

    /** One line about the key log on stderr, and its warnings: what was read, so no decryption result surprises. */
    private void describeKeyLog(PrintStream err) {
        err.println("ftpscope: key log " + keyLogFile + ": " + keyLog.lines() + " line(s), "
                + keyLog.size(KeyLog.Label.CLIENT_RANDOM) + " CLIENT_RANDOM (TLS 1.2), "
                + keyLog.size(KeyLog.Label.CLIENT_TRAFFIC_SECRET_0) + " CLIENT_TRAFFIC_SECRET_0 (TLS 1.3), "
                + keyLog.otherLabels() + " line(s) with labels not used");
        for (String w : keyLog.warnings()) err.println("ftpscope: " + w);
    }
}

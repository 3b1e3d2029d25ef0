package org.ftpscope.cli;

import java.io.PrintStream;
import java.util.List;

/** One headless sub-command ({@code frames}, {@code streams}, {@code analyze} …). */
public interface Command {
    String name();

    /** One line of usage, e.g. {@code frames CAPTURE [-Y FILTER]}. */
    String usage();

    /**
     * @return the process exit code: 0 analysed (maybe with warnings), 1 usage error, 2 unreadable input,
     *         3 output not written (or throw {@link org.ftpscope.report.OutputFailure})
     * @throws UsageException for bad arguments (exit 1 with usage)
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;

    /**
     * Runs with the options every command accepts ({@link CliOptions}, e.g. {@code --tls-keylog}).
     * Commands that do not decrypt say so rather than ignore the key log silently.
     */
    default int run(List<String> args, CliOptions options, PrintStream out, PrintStream err) throws Exception {
        if (options.hasKeyLog()) {
            err.println("ftpscope " + name() + ": --tls-keylog is not used by this command yet: encrypted FTP stays"
                    + " encrypted here (use 'ftpscope tls' to see the decrypted TLS connections)");
        }
        return run(args, out, err);
    }
}

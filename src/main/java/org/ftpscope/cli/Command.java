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
     * While it runs, {@link CliOptions#current()} holds them.
     */
    default int run(List<String> args, CliOptions options, PrintStream out, PrintStream err) throws Exception {
        return run(args, out, err);
    }

    /** True when the command reads FTPS with the key log (via {@link CliOptions#analyze}); the others say they do not. */
    default boolean decrypts() { return false; }
}

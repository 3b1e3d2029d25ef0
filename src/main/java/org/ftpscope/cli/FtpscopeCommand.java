package org.ftpscope.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * {@code ftpscope}: the headless subcommands, one class each; without one it is a usage error (Main
 * opens the app instead). The subcommands are registered by {@link Cli#commandLine}, not here.
 */
@Command(name = "ftpscope", mixinStandardHelpOptions = true, versionProvider = BuildInfo.Provider.class,
        customSynopsis = {"ftpscope [CAPTURE]            the desktop app",
                "       ftpscope COMMAND ARGS...      headless (ftpscope COMMAND --help)",
                "       ftpscope [-hV] [--debug] [COMMAND]"},
        sortOptions = false, usageHelpAutoWidth = false,
        description = {"Offline packet-capture analyzer for FTP (pcap, pcapng, gzip-compressed too).",
                "Without arguments, or with just a capture file, ftpscope opens the desktop app;"
                        + " a COMMAND runs headless. Every command takes --tls-keylog FILE (an NSS key log,"
                        + " SSLKEYLOGFILE) to decrypt FTPS. Control characters from captures are printed escaped."},
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = HeadlessCommand.EXIT_CODE_HEADING, exitCodeList = {HeadlessCommand.EXIT_0,
                HeadlessCommand.EXIT_1, HeadlessCommand.EXIT_2, HeadlessCommand.EXIT_3})
final class FtpscopeCommand implements Callable<Integer> {
    final PrintStream out, err;

    @Spec CommandSpec spec;

    @Option(names = "--debug", description = "print stack traces of failures")
    boolean debug;

    FtpscopeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing a command");
    }
}

package org.ftpscope.cli;

import org.ftpscope.decode.SafeText;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Runs the headless subcommands (picocli parses them); maps failures to the documented exit codes. */
public final class Cli {
    public static final int EXIT_OK = 0;
    public static final int EXIT_USAGE = 1;
    public static final int EXIT_UNREADABLE = 2;
    /** The output could not be written: a file (disk full, permissions, name) or standard output. */
    public static final int EXIT_OUTPUT = 3;

    private Cli() {}

    /** The headless subcommands, in the order the help lists them. */
    static final Map<String, Supplier<HeadlessCommand>> COMMANDS = commands();

    private static Map<String, Supplier<HeadlessCommand>> commands() {
        Map<String, Supplier<HeadlessCommand>> m = new LinkedHashMap<>();
        m.put("frames", FramesCommand::new);
        m.put("tree", TreeCommand::new);
        m.put("streams", StreamsCommand::new);
        m.put("follow", FollowCommand::new);
        m.put("analyze", AnalyzeCommand::new);
        m.put("extract", ExtractCommand::new);
        m.put("report", ReportCommand::new);
        m.put("tls", TlsCommand::new);
        return Collections.unmodifiableMap(m);
    }

    /** The command line of {@code ftpscope} with every subcommand (for help, completion and man pages). */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        return commandLine(out, err, null);
    }

    /**
     * The command line of {@code ftpscope}, writing help, version and messages to {@code out} and
     * {@code err}; with {@code only} (a name in {@link #COMMANDS}) that subcommand alone, since picocli
     * reflects on every registered class (and loads what its methods name) before it parses anything.
     */
    static CommandLine commandLine(PrintStream out, PrintStream err, String only) {
        CommandLine cl = new CommandLine(new FtpscopeCommand(out, err));
        COMMANDS.forEach((name, command) -> {
            if (only == null || only.equals(name)) cl.addSubcommand(name, command.get());
        });
        if (only == null) {
            cl.addSubcommand("help", new CommandLine.HelpCommand());
            cl.addSubcommand("generate-completion", new AutoComplete.GenerateCompletion());
        }
        // "@file" would read arguments from a file: a capture named "@x.pcap" is a capture.
        cl.setExpandAtFiles(false);
        cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cl.setParameterExceptionHandler(Cli::usageError);
        return cl;
    }

    /** True for the one argument that opens a capture in the desktop app rather than naming a command. */
    public static boolean looksLikeCaptureFile(String arg) {
        return !COMMANDS.containsKey(arg) && !NOT_HEADLESS.contains(arg) && !arg.startsWith("-")
                && Files.isRegularFile(Path.of(arg));
    }

    private static final Set<String> NOT_HEADLESS = Set.of("help", "generate-completion");

    public static int run(String[] argv, PrintStream out, PrintStream err) {
        return commandLine(out, err, invoked(argv)).execute(argv);
    }

    /** The subcommand {@code argv} runs, past the options of {@code ftpscope} itself; null for none or another. */
    static String invoked(String[] argv) {
        for (String a : argv) {
            if (a.equals("--debug")) continue;
            return COMMANDS.containsKey(a) ? a : null;
        }
        return null;
    }

    private static int usageError(ParameterException e, String[] argv) {
        CommandLine cl = e.getCommandLine();
        String message = e.getMessage();
        if (cl.getParent() == null && e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            message = "unknown command '" + u.getUnmatched().get(0) + "'";
        }
        // picocli starts some messages so; ours all read "ftpscope COMMAND: what was wrong".
        if (message.startsWith("Error: ")) message = message.substring("Error: ".length());
        return usageError(cl, message, e);
    }

    /**
     * A usage error (exit 1) on stderr: what was wrong, the synopsis, and where the help is. The
     * message may quote an argument; arguments come from the user, yet a pasted control character is
     * escaped all the same.
     */
    static int usageError(CommandLine cl, String message) {
        return usageError(cl, message, null);
    }

    private static int usageError(CommandLine cl, String message, ParameterException e) {
        PrintWriter err = cl.getErr();
        String name = cl.getCommandSpec().qualifiedName();
        err.println(name + ": " + SafeText.forTerminal(message));
        if (e != null) UnmatchedArgumentException.printSuggestions(e, err);
        err.print(cl.getHelp().synopsisHeading() + cl.getHelp().synopsis(0));
        err.println("Run '" + name + " --help' for " + (cl.getParent() == null ? "the commands." : "its options."));
        err.flush();
        return EXIT_USAGE;
    }
}

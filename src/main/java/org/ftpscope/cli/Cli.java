package org.ftpscope.cli;

import org.ftpscope.decode.SafeText;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Dispatches headless sub-commands; maps failures to the documented exit codes. */
public final class Cli {
    public static final int EXIT_OK = 0;
    public static final int EXIT_USAGE = 1;
    public static final int EXIT_UNREADABLE = 2;
    /** The output could not be written: a file (disk full, permissions, name) or standard output. */
    public static final int EXIT_OUTPUT = 3;

    private Cli() {}

    static Map<String, Command> commands() {
        Map<String, Command> m = new LinkedHashMap<>();
        for (Command c : List.<Command>of(new StreamsCommand(), new FollowCommand(), new AnalyzeCommand(), new FramesCommand(), new TreeCommand(), new ExtractCommand(), new ReportCommand(), new TlsCommand())) m.put(c.name(), c);
        return m;
    }

    public static boolean looksLikeCaptureFile(String arg) {
        return !commands().containsKey(arg) && !arg.startsWith("-") && Files.isRegularFile(Path.of(arg));
    }

    public static int run(String[] argv, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(List.of(argv));
        boolean debug = args.remove("--debug");
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            printUsage(args.isEmpty() ? err : out);
            return args.isEmpty() ? EXIT_USAGE : EXIT_OK;
        }
        if (args.get(0).equals("--version")) {
            out.println(BuildInfo.line());
            return EXIT_OK;
        }
        Command cmd = commands().get(args.get(0));
        if (cmd == null) {
            err.println("ftpscope: unknown command '" + args.get(0) + "'");
            printUsage(err);
            return EXIT_USAGE;
        }
        try {
            List<String> rest = new ArrayList<>(args.subList(1, args.size()));
            CliOptions options;
            try {
                options = CliOptions.extract(rest);
            } catch (java.io.IOException e) {
                err.println("ftpscope: cannot read the key log: " + e);
                return EXIT_UNREADABLE;
            }
            options.describe(err);
            if (options.hasKeyLog() && !cmd.decrypts()) {
                err.println("ftpscope " + cmd.name() + ": --tls-keylog is not used by this command: it shows the TCP bytes"
                        + " as they are (encrypted)");
            }
            int rc;
            CliOptions.setCurrent(options);
            try {
                rc = cmd.run(rest, options, out, err);
            } finally {
                CliOptions.setCurrent(null);
            }
            out.flush();
            // PrintStream keeps write errors to itself (a closed pipe, a full disk behind a redirect).
            if (out.checkError()) {
                err.println("ftpscope " + cmd.name() + ": could not write to standard output");
                return EXIT_OUTPUT;
            }
            return rc;
        } catch (UsageException e) {
            err.println("ftpscope " + cmd.name() + ": " + e.getMessage());
            err.println("usage: ftpscope " + cmd.usage());
            return EXIT_USAGE;
        } catch (org.ftpscope.report.OutputFailure e) {
            err.println("ftpscope " + cmd.name() + ": " + SafeText.forTerminal(e.getMessage()));
            if (debug) e.printStackTrace(err);
            return EXIT_OUTPUT;
        } catch (org.ftpscope.capture.CaptureException e) {
            err.println("ftpscope: " + SafeText.forTerminal(e.getMessage()));
            if (debug) e.printStackTrace(err);
            return EXIT_UNREADABLE;
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            err.println("ftpscope " + cmd.name() + ": failed: " + SafeText.forTerminal(e.toString()));
            if (debug) e.printStackTrace(err);
            else err.println("(run with --debug for details)");
            return EXIT_UNREADABLE;
        }
    }

    static void printUsage(PrintStream s) {
        s.println("usage: java -jar ftpscope.jar [CAPTURE]          open the desktop app");
        s.println("       java -jar ftpscope.jar COMMAND ARGS...    run headless:");
        for (Command c : commands().values()) s.println("         " + c.usage());
        s.println("options: --debug  print stack traces;  --version  print the version and the build's commit");
        s.println("         --tls-keylog FILE  (any command) NSS key log (SSLKEYLOGFILE) to decrypt FTPS");
        s.println("exit codes: 0 analysed (maybe with warnings), 1 usage error, 2 unreadable input, 3 output not written");
    }
}

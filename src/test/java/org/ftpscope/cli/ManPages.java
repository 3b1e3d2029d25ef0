package org.ftpscope.cli;

import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * {@code ManPages DIR}: the man pages of {@code ftpscope} and each subcommand as AsciiDoc
 * ({@code ftpscope.adoc}, {@code ftpscope-frames.adoc} …), from the picocli declarations the CLI
 * runs on. The dist profile runs it; build-dist.sh turns the pages into troff with asciidoctor.
 * In the test tree because picocli-codegen has no place in the shipped jar.
 */
public final class ManPages {
    private ManPages() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ManPages DIR");
            System.exit(1);
        }
        System.exit(write(new File(args[0])));
    }

    /** @return 0, or ManPageGenerator's exit code */
    static int write(File dir) throws IOException {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        CommandLine cl = Cli.commandLine(discard, discard);
        // The help's synopsis is aligned in columns, which AsciiDoc would run together: one line each.
        cl.getCommandSpec().usageMessage().customSynopsis(
                "*ftpscope* [_CAPTURE_] +", "*ftpscope* _COMMAND_ [_OPTIONS_] _ARGUMENTS_... +", "*ftpscope* [*-hV*] [*--debug*] [_COMMAND_]");
        if (!dir.isDirectory() && !dir.mkdirs()) throw new IOException("cannot make " + dir);
        return ManPageGenerator.generateManPage(dir, null, new boolean[0], true, cl.getCommandSpec());
    }
}

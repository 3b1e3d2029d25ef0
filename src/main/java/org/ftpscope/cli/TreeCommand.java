package org.ftpscope.cli;

import org.ftpscope.decode.SafeText;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.present.FrameViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;

/** {@code tree CAPTURE N [--bytes]}: frame N's detail tree, indented, one node a line. */
@Command(name = "tree", description = "Frame N's detail tree, indented, one node a line.")
final class TreeCommand extends HeadlessCommand {
    @Parameters(index = "1", paramLabel = "N", converter = AsciiInt.class, description = "frame number (from 1)")
    int n;

    @Option(names = "--bytes", description = "also each node's field and bytes: [ip.src @26+4]")
    boolean bytes;

    @Override boolean decrypts() { return true; }

    @Override
    int run(PrintStream out, PrintStream err) throws Exception {
        keyLogLimits(err);
        try (Analysis a = analyze(file)) {
            int frames = a.capture().frameCount();
            if (n < 1 || n > frames) throw new UsageException("frame " + n + " is not in 1.." + frames);
            var root = new FrameViews(a).tree(n);
            StringBuilder sb = new StringBuilder();
            print(root, 0, bytes, sb);
            out.print(sb);
        }
        return Cli.EXIT_OK;
    }

    private static void print(org.ftpscope.decode.DetailNode node, int depth, boolean bytes, StringBuilder sb) {
        for (var c : node.children()) {
            sb.append("    ".repeat(depth)).append(SafeText.forTerminal(c.label()));
            if (bytes) {
                sb.append("    [").append(c.field() == null ? "-" : c.field());
                if (c.hasBytes()) sb.append(" @").append(c.offset()).append('+').append(c.length());
                sb.append(']');
            }
            sb.append('\n');
            print(c, depth + 1, bytes, sb);
        }
    }
}

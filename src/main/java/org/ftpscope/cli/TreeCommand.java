package org.ftpscope.cli;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.decode.SafeText;
import org.ftpscope.present.FrameViews;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code tree CAPTURE N [--bytes]}: frame N's detail tree, indented, one node a line. */
final class TreeCommand implements Command {
    @Override public String name() { return "tree"; }

    @Override public boolean decrypts() { return true; }

    @Override public String usage() { return "tree CAPTURE N [--bytes]"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        boolean bytes = args.contains("--bytes");
        List<String> rest = args.stream().filter(a -> !a.equals("--bytes")).toList();
        if (rest.size() != 2) throw new UsageException("expected a capture file and a frame number");
        int n;
        try {
            n = org.ftpscope.decode.Ascii.parseInt(rest.get(1));
        } catch (NumberFormatException e) {
            throw new UsageException("frame number must be a number: " + rest.get(1));
        }
        try (Analysis a = CliOptions.analyze(Path.of(rest.get(0)))) {
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

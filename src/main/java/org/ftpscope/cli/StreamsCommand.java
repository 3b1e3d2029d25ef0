package org.ftpscope.cli;

import org.ftpscope.capture.CaptureWarning;
import org.ftpscope.decode.SafeText;
import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.TcpPass;
import org.ftpscope.tcp.TcpStream;
import picocli.CommandLine.Command;

import java.io.PrintStream;

/** {@code streams CAPTURE}: one tab-separated line per TCP stream, under a header line. */
@Command(name = "streams", description = "One tab-separated line per TCP stream (endpoints, state, bytes, gaps,"
        + " frames, duration, how the client was told apart), under a header line.")
final class StreamsCommand extends HeadlessCommand {
    @Override
    int run(PrintStream out, PrintStream err) throws Exception {
        TcpPass.Result r = TcpPass.stream(file, null, null);
        try (var cf = r.capture()) {
            out.println("stream\tclient\tserver\tstate\tclient_bytes\tserver_bytes\tgaps\tclient_frames\tserver_frames"
                    + "\tfirst_frame\tlast_frame\tsyn_frame\tsyn_count\tduration\trole");
            for (TcpStream s : r.tcp().streams()) {
                Direction c = Direction.CLIENT_TO_SERVER, sv = Direction.SERVER_TO_CLIENT;
                double dur = (s.lastTimeNanos() - s.firstTimeNanos()) / 1e9;
                out.println(s.index() + "\t" + s.client() + "\t" + s.server() + "\t" + s.state().label()
                        + "\t" + s.bytes(c) + "\t" + s.bytes(sv) + "\t" + (s.gapBytes(c) + s.gapBytes(sv))
                        + "\t" + s.frames(c) + "\t" + s.frames(sv) + "\t" + s.firstFrame() + "\t" + s.lastFrame()
                        + "\t" + s.synFrame() + "\t" + s.synCount() + "\t" + String.format("%.6f", dur)
                        + "\t" + (s.roleGuessed() ? "guessed" : "syn"));
            }
            for (CaptureWarning w : cf.warnings()) err.println(SafeText.forTerminal("ftpscope: " + cf.path() + ": " + w));
        }
        return Cli.EXIT_OK;
    }
}

package org.ftpscope.cli;

import org.ftpscope.capture.CaptureFile;
import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.StreamListener;
import org.ftpscope.tcp.TcpPass;
import org.ftpscope.tcp.TcpStream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * {@code follow CAPTURE STREAM [--client|--server]}: the reassembled bytes raw on stdout (both
 * directions in capture order unless one is chosen), gaps reported on stderr. With {@code --tls-keylog}
 * a TLS stream is followed decrypted ({@link FollowTls}).
 */
@Command(name = "follow", description = "A TCP stream's reassembled bytes, raw on standard output (both directions"
        + " in capture order unless one is chosen); gaps on standard error.")
final class FollowCommand extends HeadlessCommand {
    @Parameters(index = "1", paramLabel = "STREAM", converter = AsciiInt.class,
            description = "stream number, as in the first column of 'ftpscope streams'")
    int wanted;

    @ArgGroup(exclusive = true)
    OneDirection direction;

    static final class OneDirection {
        @Option(names = "--client", description = "only what the client sent") boolean client;
        @Option(names = "--server", description = "only what the server sent") boolean server;
    }

    @Override boolean decrypts() { return true; }

    @Override
    int run(PrintStream out, PrintStream err) throws Exception {
        Direction only = direction == null ? null : direction.client ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT;
        OutputStream raw = new BufferedOutputStream(out, 1 << 16);
        if (keyLogFile != null) return FollowTls.run(this, file, wanted, only, raw, err);
        Direction dirFilter = only;
        long[] offsets = new long[2];
        boolean[] found = {false};
        StreamListener l = new StreamListener() {
            @Override
            public void data(TcpStream s, Direction d, int frame, byte[] buf, int off, int len) {
                if (s.index() != wanted) return;
                found[0] = true;
                offsets[d.ordinal()] += len;
                if (dirFilter != null && d != dirFilter) return;
                try {
                    raw.write(buf, off, len);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void gap(TcpStream s, Direction d, long length, int frame) {
                if (s.index() != wanted || (dirFilter != null && d != dirFilter)) return;
                err.println("gap of " + length + " bytes at " + (d == Direction.CLIENT_TO_SERVER ? "client" : "server")
                        + " stream offset " + offsets[d.ordinal()] + " (before frame " + frame + ")");
                offsets[d.ordinal()] += length;
            }

            @Override
            public void streamOpened(TcpStream s, int frame) {
                if (s.index() == wanted) found[0] = true;
            }
        };
        TcpPass.Result r = TcpPass.stream(file, l, null);
        raw.flush();
        try (CaptureFile cf = r.capture()) {
            if (!found[0]) {
                err.println("ftpscope follow: no TCP stream " + wanted + " in " + file + " (it has "
                        + r.tcp().streams().size() + ")");
                return Cli.EXIT_USAGE;
            }
        }
        return Cli.EXIT_OK;
    }
}

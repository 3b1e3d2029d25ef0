package org.ftpscope.cli;

import org.ftpscope.capture.CaptureFile;
import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.StreamListener;
import org.ftpscope.tcp.TcpPass;
import org.ftpscope.tcp.TcpStream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code follow CAPTURE STREAM [--client|--server]}: the reassembled bytes raw on stdout (both
 * directions in capture order unless one is chosen), gaps reported on stderr. With {@code --tls-keylog}
 * a TLS stream is followed decrypted ({@link FollowTls}).
 */
final class FollowCommand implements Command {
    @Override public String name() { return "follow"; }

    @Override public String usage() { return "follow CAPTURE STREAM [--client|--server]"; }

    @Override public boolean decrypts() { return true; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Direction only = null;
        String file = null, stream = null;
        for (String a : args) {
            if (a.equals("--client")) only = Direction.CLIENT_TO_SERVER;
            else if (a.equals("--server")) only = Direction.SERVER_TO_CLIENT;
            else if (file == null) file = a;
            else if (stream == null) stream = a;
            else throw new UsageException("unexpected argument " + a);
        }
        if (file == null || stream == null) throw new UsageException("expected a capture file and a stream number");
        int wanted;
        try {
            wanted = org.ftpscope.decode.Ascii.parseInt(stream);
        } catch (NumberFormatException e) {
            throw new UsageException("stream must be a number: " + stream);
        }
        OutputStream raw = new BufferedOutputStream(out, 1 << 16);
        if (CliOptions.current() != null && CliOptions.current().hasKeyLog()) return FollowTls.run(Path.of(file), wanted, only, raw, err);
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
        TcpPass.Result r = TcpPass.run(Path.of(file), l, null);
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

package org.ftpscope.cli;

import org.ftpscope.decode.SafeText;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.TcpStream;
import org.ftpscope.tls.PlaintextListener;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * {@code follow … --tls-keylog FILE} on a TLS stream: Wireshark's Follow TLS Stream. The cleartext
 * FTP before AUTH TLS and after CCC and the decrypted application data, in capture order, on stdout;
 * where bytes are missing or a key does not open them, on stderr. A stream that is not TLS is
 * followed as its TCP bytes.
 */
final class FollowTls {
    private FollowTls() {}

    static int run(HeadlessCommand command, Path file, int wanted, Direction only, OutputStream raw, PrintStream err)
            throws Exception {
        command.keyLogLimits(err);
        try (Analysis a = command.analyze(file)) {
            if (wanted < 0 || wanted >= a.streams().size()) {
                err.println("ftpscope follow: no TCP stream " + wanted + " in " + file + " (it has " + a.streams().size() + ")");
                return Cli.EXIT_USAGE;
            }
            boolean tls = a.tlsView(wanted).isTls();
            if (!tls) err.println("ftpscope follow: stream " + wanted + " is not TLS: its TCP bytes follow");
            long[] shown = new long[2];
            a.readDecrypted(wanted, new PlaintextListener() {
                @Override
                public void plaintext(TcpStream s, Direction d, int firstFrame, int lastFrame, byte[] data) { write(d, data); }

                @Override
                public void cleartext(TcpStream s, Direction d, int frame, byte[] data) { write(d, data); }

                @Override
                public void lost(TcpStream s, Direction d, int frame, String reason) {
                    if (only != null && d != only) return;
                    err.println("ftpscope follow: " + (d == Direction.CLIENT_TO_SERVER ? "client" : "server") + " after "
                            + shown[d.ordinal()] + " bytes shown (frame " + frame + "): " + SafeText.forTerminal(reason));
                }

                private void write(Direction d, byte[] data) {
                    if (only != null && d != only) return;
                    shown[d.ordinal()] += data.length;
                    try {
                        raw.write(data);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            raw.flush();
            if (tls) {
                for (org.ftpscope.tls.TlsConnectionSummary c : a.tlsConnections()) {
                    if (c.stream() != wanted) continue;
                    for (var dir : java.util.List.of(c.fromClient(), c.fromServer())) {
                        if (dir.decryption() != org.ftpscope.tls.Decryption.DECRYPTED && dir.decryption() != org.ftpscope.tls.Decryption.NOTHING_PROTECTED) {
                            err.println("ftpscope follow: not decrypted: " + dir.decryption() + (dir.detail() == null ? "" : ": "
                                    + SafeText.forTerminal(dir.detail())));
                        }
                    }
                }
            }
        }
        return Cli.EXIT_OK;
    }
}

package org.ftpscope.tls;

import org.ftpscope.tcp.TcpPass;
import java.nio.file.Path;

public class TlsProbe {
    public static void main(String[] a) throws Exception {
        KeyLog kl = a.length > 1 ? KeyLog.read(Path.of(a[1])) : KeyLog.none();
        Collector col = new Collector();
        TlsAnalyzer t = new TlsAnalyzer(kl, col);
        TcpPass.run(Path.of(a[0]), t, null).capture().close();
        for (TlsConnectionSummary s : t.connections()) {
            System.out.println(s.stream() + " " + s.versionName() + " " + s.cipherSuiteName() + " " + s.resumption() + " " + s.closedBy());
            System.out.println("  C " + s.fromClient());
            System.out.println("  S " + s.fromServer());
            System.out.println("  notes " + s.notes());
            System.out.println("  c2s sha " + col.sha256(s.stream(), org.ftpscope.tcp.Direction.CLIENT_TO_SERVER) + " s2c sha " + col.sha256(s.stream(), org.ftpscope.tcp.Direction.SERVER_TO_CLIENT));
        }
        System.out.println(col.lost);
    }
}

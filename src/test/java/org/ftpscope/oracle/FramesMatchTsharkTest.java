package org.ftpscope.oracle;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.decode.FrameSummary;
import org.ftpscope.present.FrameViews;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The frame list equals tshark 4.0.17's, column for column and {@code tcp.stream} for {@code tcp.stream},
 * on every sample and every shared Zeek capture — except where the bytes prove tshark wrong; each such
 * difference is listed in {@link Why} and {@link #FRAMES} with its frames and reason. The oracle files are written by
 * samples/derive-tshark.sh.
 */
class FramesMatchTsharkTest {
    private static final Path ORACLE = Path.of("src", "test", "resources", "org", "ftpscope", "tshark");

    @TestFactory
    List<DynamicTest> everyFrameAsTshark() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (var files = Files.list(ORACLE)) {
            for (Path oracle : files.sorted().toList()) {
                String name = oracle.getFileName().toString().replaceFirst("\\.tsv\\.gz$", "");
                tests.add(DynamicTest.dynamicTest(name, () -> compare(name, oracle)));
            }
        }
        assertEquals(91, tests.size(), "oracle files");
        return tests;
    }

    /** -Doracle.dump=true prints every row that differs, with its class (to study a new capture). */
    private static final boolean DUMP = Boolean.getBoolean("oracle.dump");

    /** "X.pcap+keys": tshark decrypting with samples/X.keys, compared with ftpscope given the same key log. */
    static final String WITH_KEYS = "+keys";

    private static Path capture(String name) {
        if (name.endsWith(WITH_KEYS)) name = name.substring(0, name.length() - WITH_KEYS.length());
        Path p = name.startsWith("derived--") ? Path.of("samples", "derived", name.substring(9)) : Path.of("samples", name);
        if (Files.isRegularFile(p)) return p;
        p = Path.of("..", "shared", "captures", "zeek", name);
        assumeTrue(Files.isRegularFile(p), name + " is neither in samples/ nor in ../shared/captures/zeek (absent beside this clone)");
        return p;
    }

    /** Why a row may differ from tshark's: each class is checked from ftpscope's own analysis of the frame. */
    enum Why {
        /** tshark shows TCP: it did not tie the connection to the setup that announced it; ftpscope did. */
        TSHARK_MISSED_DATA_CHANNEL,
        /** tshark dissects FTP on port 21 only; ftpscope recognised the control connection by its content. */
        FTP_ON_ANOTHER_PORT,
        /**
         * After 234 the control connection carries TLS records (ftpscope reads them as records: the frame
         * carries record bytes by its TLS view); tshark 4.0 switches to TLS after {@code AUTH TLS} but not
         * after curl's {@code AUTH SSL}, and shows the records as FTP text.
         */
        TLS_AFTER_AUTH,
        /**
         * tshark's FTP-DATA dissector does not read TLS (with a key log or without), so the records of a PROT P
         * data connection it tied to its setup show as "FTP Data: N bytes" of ciphertext, handshake and alerts
         * included; ftpscope names the records and, with keys, counts the decrypted bytes.
         */
        TSHARK_FTP_DATA_READS_TLS,
        /**
         * With a key log: tshark read no setup in an encrypted control channel it does not decrypt (AUTH SSL)
         * or does not give to FTP (port 990), so it shows the data connection's decrypted records as TLS
         * "Application Data"; ftpscope as FTP-DATA with the decrypted byte count.
         */
        TSHARK_DATA_CHANNEL_UNKNOWN,
        /**
         * Bytes of the TLS direction are missing before this frame (a lost segment, a snap length) or are no
         * record header (cleartext after the handshake): ftpscope no longer follows the record boundaries and
         * says so; tshark names records it can still parse.
         */
        TLS_AFTER_GAP,
        /**
         * Implicit FTPS (port 990): tshark 4.0 decrypts the records but gives their data to no FTP dissector
         * ("Application Data"); ftpscope shows the decrypted FTP lines.
         */
        TSHARK_NO_FTP_ON_IMPLICIT_TLS,
        /** A data connection to port 21 that a PORT announced: tshark dissects it as FTP by the port. */
        DATA_TO_PORT_21,
        /**
         * Every frame twice: tshark's TLS reassembly reports the copy as overlapping data, or takes it as a
         * segment of a PDU again; ftpscope analyses the copy once (a listed duplicate) and has nothing to
         * reassemble twice.
         */
        TSHARK_REASSEMBLY_ERROR,
        /** Listed one by one in {@link #FRAMES} with the reason. */
        LISTED
    }

    /** Frames whose difference is explained one by one: capture → frame → reason. */
    static final Map<String, Map<Integer, String>> FRAMES = Map.of(
            "bigtransfer.pcap", frames("a capture with >2 GB of each transfer cut out: the ACKs jump by more than 2^31, "
                    + "so which side of the 32-bit sequence space they fall on is ambiguous; tshark and ftpscope "
                    + "unwrap them differently here", 55, 60, 64, 67),
            "server-unreachable.pcap", frames("tshark gives the ICMP error the tcp.stream of the TCP segment it quotes; "
                    + "ftpscope keeps tcp.stream for TCP frames", 15),
            "globus-url-copy.pcap", frames("GridFTP's data connection uses TLS_RSA_WITH_NULL_SHA: its 'encrypted' "
                    + "handshake records are the Finished in clear with a MAC, which tshark reads; ftpscope does not read "
                    + "NULL-cipher records and names them Encrypted Handshake Message", 48, 50),
            "auth-then-cleartext.pcap", frames("a segment holding only the CRLF that ends the reply begun in frame 17: tshark "
                    + "calls it a segment of a reassembled PDU, ftpscope shows it as part of that response", 19));

    private static Map<Integer, String> frames(String why, int... f) {
        Map<Integer, String> m = new TreeMap<>();
        for (int x : f) m.put(x, why);
        return m;
    }

    private static void compare(String name, Path oracle) throws Exception {
        List<String> unexplained = new ArrayList<>();
        Map<Why, Integer> counts = new java.util.EnumMap<>(Why.class);
        int frames = 0;
        Path capture = capture(name);
        try (Analysis a = name.endsWith(WITH_KEYS)
                ? Analyzer.analyzeWithKeyLog(capture, org.ftpscope.tls.KeyLog.read(
                        Path.of(capture.toString().replaceFirst("\\.pcap$", ".keys"))))
                : Analyzer.analyze(capture);
             BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(oracle)),
                     StandardCharsets.UTF_8))) {
            FrameViews v = new FrameViews(a);
            for (String line; (line = r.readLine()) != null; ) {
                String[] t = line.split("\t", -1);
                int frame = Integer.parseInt(t[0]);
                frames++;
                FrameSummary s = v.summary(frame);
                int stream = a.tcpFrames().stream(frame);
                String ours = String.join("\t", s.source(), s.destination(), s.protocol(),
                        Integer.toString(a.capture().index().originalLength(frame)), s.info(), stream < 0 ? "" : Integer.toString(stream));
                String theirs = String.join("\t", t[1], t[2], t[3], t[4], t[5], t[6]);
                if (ours.equals(theirs) || ftpDataLabel(s, t)) continue;
                Why why = classify(a, name, frame, s, t, stream);
                if (DUMP) System.out.println("DIFF " + name + " " + why + " " + frame + "\n  tshark:   " + theirs + "\n  ftpscope: " + ours);
                if (why == null) unexplained.add(frame + "\n  tshark:   " + theirs + "\n  ftpscope: " + ours);
                else counts.merge(why, 1, Integer::sum);
            }
        }
        assertEquals(List.of(), unexplained, name + ": rows that differ from tshark without a reason");
        assertEquals(EXPECTED.getOrDefault(name, Map.of()), counts, name + ": differences by reason");
    }

    private static Why classify(Analysis a, String name, int frame, FrameSummary s, String[] t, int stream) {
        if (FRAMES.getOrDefault(name, Map.of()).containsKey(frame)) return Why.LISTED;
        boolean sameRow = t[1].equals(s.source()) && t[2].equals(s.destination()) && t[6].equals(stream < 0 ? "" : Integer.toString(stream));
        if (!sameRow) return null;
        org.ftpscope.ftp.model.StreamRole role = a.role(stream);
        String prefix = s.info().replaceFirst("^((\\[[^\\]]*\\] )*).*$", "$1"), rest = s.info().substring(prefix.length());
        if ("TCP".equals(t[3]) && "FTP-DATA".equals(s.protocol()) && role != null && !role.control() && t[5].startsWith(prefix)
                && rest.startsWith("FTP Data: ") && t[5].contains(" Len=" + rest.replaceAll("^FTP Data: (\\d+) bytes.*$", "$1") + " ")) {
            return Why.TSHARK_MISSED_DATA_CHANNEL;
        }
        if (t[3].equals(s.protocol()) && t[5].startsWith(s.info()) && t[5].substring(s.info().length()).startsWith("[Reassembly error")) {
            return Why.TSHARK_REASSEMBLY_ERROR;
        }
        if (a.tcpFrames().copyOf(frame) > 0 && t[5].equals(s.info() + " [TCP segment of a reassembled PDU]")) {
            return Why.TSHARK_REASSEMBLY_ERROR;
        }
        if ("TCP".equals(t[3]) && "FTP".equals(s.protocol()) && role != null && role.control()
                && a.sessions().get(role.session()).server().port() != 21) {
            return Why.FTP_ON_ANOTHER_PORT;
        }
        boolean records = stream >= 0 && a.tlsView(stream).carriesRecords(frame);
        if ("FTP".equals(t[3]) && records && role != null && role.control() && a.sessions().get(role.session()).tls()) {
            return Why.TLS_AFTER_AUTH;
        }
        if ("FTP-DATA".equals(t[3]) && records && role != null && !role.control()) {
            return Why.TSHARK_FTP_DATA_READS_TLS;
        }
        if (t[3].startsWith("TLS") && "FTP-DATA".equals(s.protocol()) && records && role != null && !role.control()) {
            return Why.TSHARK_DATA_CHANNEL_UNKNOWN;
        }
        if (stream >= 0 && a.tlsView(stream).opaque(frame)) return Why.TLS_AFTER_GAP;
        if (t[3].startsWith("TLS") && "FTP".equals(s.protocol()) && records && role != null && role.control()
                && a.sessions().get(role.session()).server().port() == 990) {
            return Why.TSHARK_NO_FTP_ON_IMPLICIT_TLS;
        }
        if ("FTP".equals(t[3]) && "FTP-DATA".equals(s.protocol()) && role != null && !role.control()
                && a.transferOnStream(stream) != null && a.transferOnStream(stream).data().server().port() == 21) {
            return Why.DATA_TO_PORT_21;
        }
        return null;
    }

    /** The differences each capture has, by reason; a change in any count fails the test. */
    static final Map<String, Map<Why, Integer>> EXPECTED = Map.ofEntries(
            Map.entry("auth-then-cleartext.pcap", Map.of(Why.LISTED, 1)),
            Map.entry("auth-tls.pcap", Map.of(Why.TLS_AFTER_AUTH, 67)),
            Map.entry("auth-tls.pcap+keys", Map.of(Why.TLS_AFTER_AUTH, 67, Why.TSHARK_DATA_CHANNEL_UNKNOWN, 6, Why.TSHARK_FTP_DATA_READS_TLS, 23)),
            Map.entry("bigtransfer.pcap", Map.of(Why.LISTED, 4)),
            Map.entry("bounce-port.pcap", Map.of(Why.TSHARK_MISSED_DATA_CHANNEL, 1)),
            Map.entry("derived--long-session-s96.pcap", Map.of(Why.TSHARK_MISSED_DATA_CHANNEL, 140)),
            Map.entry("derived--nat-one-control-missing.pcap", Map.of(Why.TSHARK_MISSED_DATA_CHANNEL, 2)),
            Map.entry("derived--nmap-bounce-scan-control-only.pcap", Map.of(Why.FTP_ON_ANOTHER_PORT, 806)),
            Map.entry("derived--nmap-bounce-scan-cut.pcap", Map.of(Why.FTP_ON_ANOTHER_PORT, 388, Why.TSHARK_MISSED_DATA_CHANNEL, 2)),
            Map.entry("derived--tls-every-frame-twice.pcap", Map.of(Why.TLS_AFTER_AUTH, 67, Why.TSHARK_REASSEMBLY_ERROR, 20)),
            Map.entry("derived--tls-lost-frame-100.pcap", Map.of(Why.TLS_AFTER_AUTH, 67, Why.TLS_AFTER_GAP, 22)),
            Map.entry("derived--tls-snaplen-200.pcap", Map.of(Why.TLS_AFTER_AUTH, 2, Why.TLS_AFTER_GAP, 186)),
            Map.entry("ftps-blocked-pasv.pcap", Map.of(Why.TLS_AFTER_AUTH, 22)),
            Map.entry("ftps-blocked-pasv.pcap+keys", Map.of(Why.TLS_AFTER_AUTH, 22)),
            Map.entry("ftps-ccc.pcap", Map.of(Why.TLS_AFTER_AUTH, 17, Why.TSHARK_FTP_DATA_READS_TLS, 12)),
            Map.entry("ftps-ccc.pcap+keys", Map.of(Why.TLS_AFTER_AUTH, 17, Why.TSHARK_FTP_DATA_READS_TLS, 12)),
            Map.entry("ftps-implicit.pcap+keys", Map.of(Why.TSHARK_DATA_CHANNEL_UNKNOWN, 3, Why.TSHARK_NO_FTP_ON_IMPLICIT_TLS, 68)),
            Map.entry("ftps-ssl-reuse.pcap", Map.of(Why.TLS_AFTER_AUTH, 68)),
            Map.entry("ftps-ssl-reuse.pcap+keys", Map.of(Why.TLS_AFTER_AUTH, 68, Why.TSHARK_DATA_CHANNEL_UNKNOWN, 3, Why.TSHARK_FTP_DATA_READS_TLS, 7)),
            Map.entry("ftps-tls12-cbc.pcap", Map.of(Why.TLS_AFTER_AUTH, 58)),
            Map.entry("ftps-tls12-cbc.pcap+keys", Map.of(Why.TLS_AFTER_AUTH, 58, Why.TSHARK_DATA_CHANNEL_UNKNOWN, 4, Why.TSHARK_FTP_DATA_READS_TLS, 8)),
            Map.entry("ftps-tls12-chacha.pcap+keys", Map.of(Why.TSHARK_FTP_DATA_READS_TLS, 32)),
            Map.entry("ftps-tls12-gcm.pcap", Map.of(Why.TLS_AFTER_AUTH, 92)),
            Map.entry("ftps-tls12-gcm.pcap+keys", Map.of(Why.TLS_AFTER_AUTH, 92, Why.TSHARK_DATA_CHANNEL_UNKNOWN, 6)),
            Map.entry("ftps-tls13.pcap", Map.of(Why.TLS_AFTER_AUTH, 62)),
            Map.entry("ftps-tls13.pcap+keys", Map.of(Why.TLS_AFTER_AUTH, 62, Why.TSHARK_DATA_CHANNEL_UNKNOWN, 2, Why.TSHARK_FTP_DATA_READS_TLS, 8)),
            Map.entry("globus-url-copy.pcap", Map.of(Why.FTP_ON_ANOTHER_PORT, 32, Why.LISTED, 2)),
            Map.entry("ipv4.pcap", Map.of(Why.TSHARK_MISSED_DATA_CHANNEL, 2)),
            Map.entry("ipv6-eprt-epsv.pcap", Map.of(Why.TSHARK_MISSED_DATA_CHANNEL, 7)),
            Map.entry("ipv6.pcap", Map.of(Why.TSHARK_MISSED_DATA_CHANNEL, 2)),
            Map.entry("nat-wrong-pasv-address.pcap", Map.of(Why.TSHARK_MISSED_DATA_CHANNEL, 2)),
            Map.entry("nmap-bounce-scan.pcap", Map.of(Why.FTP_ON_ANOTHER_PORT, 806, Why.TSHARK_MISSED_DATA_CHANNEL, 3)),
            Map.entry("pasv-hijack.pcap", Map.of(Why.TSHARK_MISSED_DATA_CHANNEL, 1)),
            Map.entry("pasv-race.pcap", Map.of(Why.TSHARK_MISSED_DATA_CHANNEL, 1)),
            Map.entry("port-hijack.pcap", Map.of(Why.TSHARK_MISSED_DATA_CHANNEL, 14)),
            Map.entry("port-to-21.pcap", Map.of(Why.DATA_TO_PORT_21, 1)),
            Map.entry("server-unreachable.pcap", Map.of(Why.LISTED, 1)),
            Map.entry("snaplen-96.pcap", Map.of(Why.TSHARK_MISSED_DATA_CHANNEL, 34)),
            Map.entry("tunnel-6in4.pcap", Map.of(Why.TSHARK_MISSED_DATA_CHANNEL, 1)));

    /** tshark names the last command sent ("(PASV) (TYPE A)"), ftpscope the transfer's: the rest is equal. */
    private static boolean ftpDataLabel(FrameSummary s, String[] t) {
        if (!"FTP-DATA".equals(t[3]) || !"FTP-DATA".equals(s.protocol())) return false;
        String theirs = t[5].replaceFirst(" \\(.*$", ""), ours = s.info().replaceFirst(" \\(.*$", "");
        return theirs.equals(ours) && t[1].equals(s.source()) && t[2].equals(s.destination());
    }
}

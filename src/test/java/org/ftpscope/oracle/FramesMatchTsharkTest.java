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
        assertEquals(66, tests.size(), "oracle files");
        return tests;
    }

    private static Path capture(String name) {
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
        /** After 234 the control connection carries TLS records; tshark shows them as FTP text or as TLS. */
        TLS_AFTER_AUTH,
        /** A data connection to port 21 that a PORT announced: tshark dissects it as FTP by the port. */
        DATA_TO_PORT_21,
        /**
         * A gap of ftpscope's, not tshark's error: tshark names the TLS records of a data connection (FTPS,
         * GridFTP) by their content, ftpscope's frame list still shows the TCP segment (issue 22).
         */
        TLS_RECORDS_NOT_NAMED,
        /**
         * Every frame twice: tshark's TLS reassembly reports the copy as overlapping data; ftpscope analyses
         * the copy once (a listed duplicate) and has nothing to reassemble twice.
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
        try (Analysis a = Analyzer.analyze(capture(name));
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
        if ("TCP".equals(t[3]) && "FTP".equals(s.protocol()) && role != null && role.control()
                && a.sessions().get(role.session()).server().port() != 21) {
            return Why.FTP_ON_ANOTHER_PORT;
        }
        if ("TLS".equals(s.protocol()) && role != null && role.control() && a.sessions().get(role.session()).tls()) {
            return Why.TLS_AFTER_AUTH;
        }
        if ((t[3].startsWith("TLS") || t[5].endsWith("[TCP segment of a reassembled PDU]")) && "TCP".equals(s.protocol())
                && (role == null || !role.control())) {
            return Why.TLS_RECORDS_NOT_NAMED;
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
            Map.entry("auth-tls.pcap", Map.of(Why.TLS_AFTER_AUTH, 98, Why.TLS_RECORDS_NOT_NAMED, 98)),
            Map.entry("bigtransfer.pcap", Map.of(Why.LISTED, 4)),
            Map.entry("bounce-port.pcap", Map.of(Why.TSHARK_MISSED_DATA_CHANNEL, 1)),
            Map.entry("derived--long-session-s96.pcap", Map.of(Why.TSHARK_MISSED_DATA_CHANNEL, 140)),
            Map.entry("derived--nat-one-control-missing.pcap", Map.of(Why.TSHARK_MISSED_DATA_CHANNEL, 2)),
            Map.entry("derived--nmap-bounce-scan-control-only.pcap", Map.of(Why.FTP_ON_ANOTHER_PORT, 806)),
            Map.entry("derived--nmap-bounce-scan-cut.pcap", Map.of(Why.TSHARK_MISSED_DATA_CHANNEL, 2, Why.FTP_ON_ANOTHER_PORT, 388)),
            Map.entry("derived--tls-every-frame-twice.pcap", Map.of(Why.TLS_AFTER_AUTH, 98, Why.TLS_RECORDS_NOT_NAMED, 115, Why.TSHARK_REASSEMBLY_ERROR, 3)),
            Map.entry("derived--tls-lost-frame-100.pcap", Map.of(Why.TLS_AFTER_AUTH, 98, Why.TLS_RECORDS_NOT_NAMED, 96)),
            Map.entry("derived--tls-snaplen-200.pcap", Map.of(Why.TLS_AFTER_AUTH, 98, Why.TLS_RECORDS_NOT_NAMED, 96)),
            Map.entry("ftp-auth-tls.pcap", Map.of(Why.TLS_AFTER_AUTH, 47)),
            Map.entry("globus-url-copy.pcap", Map.of(Why.FTP_ON_ANOTHER_PORT, 32, Why.TLS_RECORDS_NOT_NAMED, 7)),
            Map.entry("ipv4.pcap", Map.of(Why.TSHARK_MISSED_DATA_CHANNEL, 2)),
            Map.entry("ipv6-eprt-epsv.pcap", Map.of(Why.TSHARK_MISSED_DATA_CHANNEL, 7)),
            Map.entry("ipv6.pcap", Map.of(Why.TSHARK_MISSED_DATA_CHANNEL, 2)),
            Map.entry("nat-wrong-pasv-address.pcap", Map.of(Why.TSHARK_MISSED_DATA_CHANNEL, 2)),
            Map.entry("nmap-bounce-scan.pcap", Map.of(Why.TSHARK_MISSED_DATA_CHANNEL, 3, Why.FTP_ON_ANOTHER_PORT, 806)),
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

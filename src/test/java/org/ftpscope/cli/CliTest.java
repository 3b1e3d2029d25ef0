package org.ftpscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ftpscope.TestCaptures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The headless commands end to end, on real captures. Expected lines are tshark 4.0.17's. */
class CliTest {
    record Run(int code, String out, String err) {
        List<String> lines() { return out.lines().toList(); }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void framesPrintsWiresharkColumns() {
        Run r = run("frames", TestCaptures.sample("pasv-curl.pcap").toString());
        assertEquals(0, r.code());
        List<String> l = r.lines();
        assertEquals(169, l.size());
        assertEquals("1\t0.000000\tb2:38:21:7e:32:cd\tBroadcast\tARP\t42\tWho has 198.51.100.21? Tell 198.51.100.1", l.get(0));
        assertEquals("19\t0.142374\t192.0.2.10\t198.51.100.21\tFTP\t72\tRequest: PASV", l.get(18));
        assertEquals("20\t0.142963\t198.51.100.21\t192.0.2.10\tFTP\t117\tResponse: 227 Entering Passive Mode (198,51,100,21,156,93).", l.get(19));
        assertEquals("21\t0.143135\t192.0.2.10\t198.51.100.21\tTCP\t74\t37864 → 40029 [SYN] Seq=0 Win=64240 Len=0 MSS=1460 SACK_PERM"
                + " TSval=1199569889 TSecr=0 WS=1024", l.get(20));
        // tshark writes "(PASV) (TYPE A)" here: the last command, not the transfer's. ftpscope names the LIST.
        assertEquals("28\t0.143986\t198.51.100.21\t192.0.2.10\tFTP-DATA\t488\tFTP Data: 422 bytes (PASV) (LIST)", l.get(27));
    }

    @Test
    void framesShowTcpAnalysisLikeWireshark() {
        List<String> l = run("frames", TestCaptures.sample("lossy-transfers.pcap").toString()).lines();
        assertEquals("[TCP Retransmission] 40036 → 54204 [SYN, ACK] Seq=0 Ack=1 Win=65160 Len=0 MSS=1460 SACK_PERM"
                + " TSval=3249046592 TSecr=3926048511 WS=1024", info(l, 29));
        assertEquals("[TCP Dup ACK 50#1] 54204 → 40036 [ACK] Seq=1 Ack=13033 Win=81920 Len=0 TSval=3926049531"
                + " TSecr=3249046593 SLE=11585 SRE=13033", info(l, 51));
        assertEquals("[TCP Fast Retransmission] FTP Data: 1448 bytes (EPSV) (RETR large-300k.bin)", info(l, 77));
        assertEquals("[TCP Out-Of-Order] 40036 → 54204 [ACK] Seq=20273 Ack=1 Win=65536 Len=1448 TSval=3249046629"
                + " TSecr=3926049562", info(l, 79));
        assertEquals("[TCP Previous segment not captured] FTP Data: 1448 bytes (EPSV) (STOR up-250k.bin)", info(l, 653));
        assertEquals("[TCP Spurious Retransmission] 52798 → 40006 [ACK] Seq=7241 Ack=1 Win=64512 Len=1448"
                + " TSval=1782474549 TSecr=3344279579", info(l, 663));
    }

    private static String info(List<String> lines, int frame) { return lines.get(frame - 1).split("\t", 7)[6]; }

    @Test
    void treeNodesCarryFieldsAndByteRanges() {
        Run r = run("tree", TestCaptures.sample("pasv-curl.pcap").toString(), "20", "--bytes");
        assertEquals(0, r.code());
        String t = r.out();
        // Positions and sizes as in tshark -T pdml.
        assertTrue(t.contains("Source Address: 198.51.100.21    [ip.src @26+4]"), t);
        assertTrue(t.contains("Source Port: 21    [tcp.srcport @34+2]"), t);
        assertTrue(t.contains("Response code: Entering Passive Mode (227)    [ftp.response.code @66+3]"), t);
        assertTrue(t.contains("Passive port: 40029 (156*256+93)    [ftp.passive.port @107+6]"), t);
        assertTrue(t.contains("[Stream index: 0]    [tcp.stream]"), t);
        assertTrue(t.lines().anyMatch(x -> x.equals("File Transfer Protocol (FTP)    [ftp @66+51]")), t);
        Run plain = run("tree", TestCaptures.sample("pasv-curl.pcap").toString(), "20");
        assertTrue(plain.out().startsWith("Frame 20: 117 bytes on wire (936 bits), 117 bytes captured (936 bits)\n"));
    }

    @Test
    void treeOfAnActiveDataFrameNamesItsSetup() {
        String t = run("tree", TestCaptures.sample("active-port.pcap").toString(), "26").out(); // the LIST data (422 bytes)
        assertTrue(t.contains("FTP Data"), t);
        assertTrue(t.contains("[Setup frame: 17]"), t);
        assertTrue(t.contains("[Command: LIST]"), t);
    }

    @Test
    void analyzeWritesTheDocumentedJson(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("report.json");
        Run r = run("analyze", TestCaptures.sample("pasv-curl.pcap").toString(), "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode d = new ObjectMapper().readTree(json.toFile());
        assertEquals("pasv-curl.pcap", d.at("/capture/file").asText());
        assertEquals("pcap", d.at("/capture/format").asText());
        assertEquals(169, d.at("/capture/frames").asInt());
        assertEquals("EN10MB", d.at("/capture/linkTypes/0").asText());
        JsonNode s = d.at("/sessions/0");
        assertEquals("192.0.2.10", s.at("/client/ip").asText());
        assertEquals(21, s.at("/server/port").asInt());
        assertEquals(0, s.at("/controlStream").asInt());
        assertEquals("ftpuser", s.at("/user").asText());
        assertEquals("succeeded", s.at("/login").asText());
        assertFalse(s.at("/tls").asBoolean());
        assertEquals("********", s.at("/password").asText()); // masked unless --show-passwords
        JsonNode retr = s.at("/transfers/1");
        assertEquals("RETR", retr.at("/command").asText());
        assertEquals("/pub/notes-48k.txt", retr.at("/path").asText());
        assertEquals("PASV", retr.at("/mode").asText());
        assertEquals(36, retr.at("/setupFrame").asInt());
        assertEquals("156*256+134 = 40070", retr.at("/advertised/portMath").asText());
        assertEquals(2, retr.at("/data/stream").asInt());
        assertEquals("transferred", retr.at("/data/state").asText());
        assertEquals("download", retr.at("/direction").asText());
        assertEquals(48000, retr.at("/bytes").asLong());
        assertEquals(48000, retr.at("/expectedBytes").asLong());
        assertTrue(retr.at("/complete").asBoolean());
        assertEquals("9212e46ee8ac927bd5db5dbeee203ac8fc150f9af2ee5fb26557cd9ae01223cf", retr.at("/sha256").asText());
        assertEquals(226, retr.at("/replyCode").asInt());
        assertEquals("ok", retr.at("/outcome").asText());
        assertEquals("cleartext-credentials", d.at("/findings/0/kind").asText());
        assertEquals("warning", d.at("/findings/0/severity").asText());
        assertEquals(40029, d.at("/firewall/servers/0/passivePortRange/min").asInt());

        Run shown = run("analyze", TestCaptures.sample("pasv-curl.pcap").toString(), "--show-passwords");
        assertEquals("ftpsecret", new ObjectMapper().readTree(shown.out()).at("/sessions/0/password").asText());
    }

    @Test
    void extractWritesFilesSafelyAndNeverOverwrites(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("out");
        Run r = run("extract", TestCaptures.sample("hostile-names.pcap").toString(), dir.toString());
        assertEquals(0, r.code(), r.err());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertEquals(16, all.size()); // 8 stored and 8 retrieved files; ../../etc/passwd failed both ways
            for (Path p : all) assertEquals(dir.toAbsolutePath().normalize(), p.toAbsolutePath().getParent());
        }
        assertTrue(Files.exists(dir.resolve("_img src=x onerror=alert(1)_.txt")));
        assertTrue(Files.exists(dir.resolve("_CON")));
        assertTrue(Files.exists(dir.resolve("win.ini")));
        assertFalse(Files.exists(tmp.resolve("etc")));
        assertTrue(r.out().contains("\t99018decb3233bddf847ff364a71df04433539256db5cb4c5377543ada04e8db\t"));
        // Again into the same folder: new names, nothing overwritten.
        run("extract", TestCaptures.sample("hostile-names.pcap").toString(), dir.toString());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(32, files.count());
        }
    }

    @Test
    void extractedFileHashesMatchTheRecording(@TempDir Path tmp) throws Exception {
        Run r = run("extract", TestCaptures.sample("concurrent-clients.pcap").toString(), tmp.toString());
        assertTrue(r.out().contains("large-300k.bin\t300000\t0\t842cc35acc364df50b3a4cb81a6d6d0ab494c41fe869861e4ef0951e313721af"), r.out());
        assertEquals(300000, Files.size(tmp.resolve("large-300k.bin")));
    }

    @Test
    void exitCodesAndMessages(@TempDir Path tmp) throws Exception {
        assertEquals(1, run().code());
        assertEquals(1, run("bogus").code());
        assertEquals(1, run("frames").code());
        Run notCapture = run("frames", TestCaptures.sample("README.md").toString());
        assertEquals(2, notCapture.code());
        assertTrue(notCapture.err().startsWith("ftpscope: samples/README.md: not a pcap or pcapng capture"), notCapture.err());
        assertFalse(notCapture.err().contains("Exception"), "no stack trace without --debug");
        Run missing = run("analyze", tmp.resolve("none.pcap").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("none.pcap: no such file"));
        // A damaged capture is analysed up to the damage: exit 0 with a located warning.
        byte[] all = Files.readAllBytes(TestCaptures.sample("pasv-curl.pcap"));
        Path cut = tmp.resolve("cut.pcap");
        Files.write(cut, java.util.Arrays.copyOf(all, 10000));
        Run partial = run("frames", cut.toString());
        assertEquals(0, partial.code());
        assertTrue(partial.err().contains("file cut short inside frame"), partial.err());
        assertEquals(run("frames", TestCaptures.sample("pasv-curl.pcap").toString()).lines().subList(0, partial.lines().size()),
                partial.lines());
        Run badFrame = run("tree", TestCaptures.sample("pasv-curl.pcap").toString(), "999");
        assertEquals(1, badFrame.code());
    }

    @Test
    void followWritesRawBytes() {
        Run r = run("follow", TestCaptures.sample("pasv-curl.pcap").toString(), "0", "--client");
        assertTrue(r.out().startsWith("USER ftpuser\r\nPASS ftpsecret\r\nPWD\r\nCWD pub\r\nPASV\r\n"), r.out());
        Run streams = run("streams", TestCaptures.sample("pasv-curl.pcap").toString());
        assertEquals("stream\tclient\tserver\tstate\tclient_bytes\tserver_bytes\tgaps", String.join("\t",
                List.of(streams.lines().get(0).split("\t")).subList(0, 7)));
        assertTrue(streams.lines().get(3).startsWith("2\t192.0.2.10:56974\t198.51.100.21:40070\tclosed\t0\t48000\t0"));
    }

    /** Analysing, reporting and extracting leave the capture byte-for-byte and time-for-time untouched. */
    @Test
    void theCaptureIsNeverWritten(@TempDir Path dir) throws Exception {
        Path capture = dir.resolve("hostile-names.pcap");
        Files.copy(TestCaptures.sample("hostile-names.pcap"), capture);
        java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(capture);
        byte[] bytes = Files.readAllBytes(capture);
        assertEquals(0, run("analyze", capture.toString()).code());
        assertEquals(0, run("report", capture.toString(), "--out", dir.resolve("r.html").toString()).code());
        assertEquals(0, run("extract", capture.toString(), dir.resolve("files").toString()).code());
        assertEquals(0, run("frames", capture.toString(), "-Y", "ftp").code());
        assertEquals(before, Files.getLastModifiedTime(capture));
        assertTrue(java.util.Arrays.equals(bytes, Files.readAllBytes(capture)));
        try (Stream<Path> left = Files.list(dir)) {
            // no temp file left behind beside the outputs
            assertEquals(List.of("files", "hostile-names.pcap", "r.html"),
                    left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}

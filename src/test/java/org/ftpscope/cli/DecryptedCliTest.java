package org.ftpscope.cli;

import org.ftpscope.TestCaptures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code follow} and {@code extract} with {@code --tls-keylog} on the FTPS recordings (issue 22): the
 * decrypted control channel equals tshark 4.0.17's {@code follow,tls,raw} (with {@code -d tcp.port==21,tls}),
 * and every file written has the SHA-256 of the file the server sent (samples/transfers.tsv).
 */
class DecryptedCliTest {
    static String sha256(byte[] b) throws Exception { return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)); }

    static String sample(String name) { return TestCaptures.sample(name).toString(); }

    @Test
    void followDecryptsTheControlChannel() throws Exception {
        String cap = sample("ftps-tls12-gcm.pcap"), keys = sample("ftps-tls12-gcm.keys");
        CliTest.Run client = CliTest.run("follow", cap, "0", "--client", "--tls-keylog", keys);
        assertEquals(0, client.code(), client.err());
        assertTrue(client.out().startsWith("AUTH SSL\r\nUSER ftpuser\r\nPASS ftpsecret\r\nPBSZ 0\r\nPROT P\r\n"), client.out());
        // After the cleartext AUTH SSL: byte for byte what tshark decrypts.
        byte[] decrypted = client.out().substring("AUTH SSL\r\n".length()).getBytes(StandardCharsets.US_ASCII);
        assertEquals("89a1538364f765882c66859cdbdd9e94ffe7b73f771d65dd9c047e6fed81e481", sha256(decrypted));
        CliTest.Run server = CliTest.run("follow", cap, "0", "--server", "--tls-keylog", keys);
        String greeting = "220 ftpscope test server (vsftpd) ready.\r\n234 Proceed with negotiation.\r\n";
        assertTrue(server.out().startsWith(greeting + "331 Please specify the password.\r\n"), server.out());
        assertEquals("9f2b86955a371a251a733e87bea83f386d6e993ac094b63e45a63a9269596041",
                sha256(server.out().substring(greeting.length()).getBytes(StandardCharsets.US_ASCII)));
        assertTrue(CliTest.run("follow", cap, "0", "--tls-keylog", keys).out().contains("RETR notes-48k.txt\r\n150 Opening BINARY"));
        // Without the key log: the records as they are (the ClientHello's first bytes after the 234).
        CliTest.Run raw = CliTest.run("follow", cap, "0", "--client");
        assertTrue(raw.out().startsWith("AUTH SSL\r\n\u0016\u0003\u0001"), raw.out().substring(0, 20));
    }

    /** After CCC the control channel's cleartext follows the decrypted part. */
    @Test
    void followAcrossCcc() {
        CliTest.Run r = CliTest.run("follow", sample("ftps-ccc.pcap"), "0", "--client", "--tls-keylog", sample("ftps-ccc.keys"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("CCC\r\nPWD\r\nCWD pub\r\nEPSV\r\n"), r.out());
    }

    /** Every transfers.tsv row of the FTPS recordings, extracted decrypted: the files on disk hash to the server's. */
    @Test
    void extractWritesTheDecryptedFiles(@TempDir Path dir) throws Exception {
        Map<String, List<String>> expected = new TreeMap<>(), written = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("samples", "transfers.tsv"))) {
            String[] c = line.split("\t", -1);
            if (c[0].startsWith("ftps-")) expected.computeIfAbsent(c[0], k -> new ArrayList<>()).add(c[4] + " " + c[5]);
        }
        assertEquals(7, expected.size(), "every FTPS recording but ftps-blocked-pasv, whose LIST never connects");
        // transfers.tsv has lftp's files but not its LIST of /pub: the same 422 bytes as vsftpd's other listings.
        expected.get("ftps-tls12-chacha.pcap").add("422 19fa352ce0d0949f8c22ffbadf75eeabb7394bf0ff55c184e400736fb7242aaa");
        for (String capture : expected.keySet()) {
            Path out = dir.resolve(capture);
            CliTest.Run r = CliTest.run("extract", sample(capture), out.toString(), "--listings",
                    "--tls-keylog", sample(capture.replace(".pcap", ".keys")));
            assertEquals(0, r.code(), capture + ": " + r.err());
            try (var files = Files.list(out)) {
                for (Path f : files.sorted().toList()) {
                    byte[] b = Files.readAllBytes(f);
                    written.computeIfAbsent(capture, k -> new ArrayList<>()).add(b.length + " " + sha256(b));
                }
            }
            expected.get(capture).sort(null);
            written.get(capture).sort(null);
        }
        assertEquals(expected, written);
        assertEquals(21, written.values().stream().mapToInt(List::size).sum());
        assertTrue(Files.readString(dir.resolve("ftps-tls12-chacha.pcap").resolve("readme.txt")).length() == 900);
        assertEquals("293ee650ec4b84ae8d93945538f9020ecddf31deb3a18b7c31f0f883511a6627",
                sha256(Files.readAllBytes(dir.resolve("ftps-tls13.pcap").resolve("readme.txt"))));
    }

    /** Without the key log nothing of a PROT P transfer is written: its bytes are TLS records, not the file. */
    @Test
    void extractWithoutKeysWritesNoCiphertext(@TempDir Path dir) throws Exception {
        CliTest.Run r = CliTest.run("extract", sample("ftps-tls12-gcm.pcap"), dir.toString(), "--listings");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("file\tbytes\tmissing_bytes\tsha256\tsession\tcommand\tftp_path"), r.out().lines().toList());
    }
}

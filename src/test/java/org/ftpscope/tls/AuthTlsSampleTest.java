package org.ftpscope.tls;

import org.ftpscope.TestCaptures;
import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.TcpPass;
import org.ftpscope.tls.TlsConnectionSummary.CertificateVisibility;
import org.ftpscope.tls.TlsConnectionSummary.Resumption;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real FTPS recording: curl (AUTH SSL) and ftplib (AUTH TLS) against vsftpd, all connections
 * TLS 1.3 with TLS_AES_256_GCM_SHA384 after a HelloRetryRequest. Expected values come from
 * tshark 4.0.17 ({@code -o tls.keylog_file:samples/auth-tls.keys -d tcp.port==21,tls
 * -d tcp.port==40000-40100,tls}) and from samples/transfers.tsv.
 */
class AuthTlsSampleTest {
    static final Direction C2S = Direction.CLIENT_TO_SERVER, S2C = Direction.SERVER_TO_CLIENT;

    record Run(List<TlsConnectionSummary> tls, Collector plain) {}

    static Run run(Path capture, KeyLog keys) throws Exception {
        Collector col = new Collector();
        TlsAnalyzer a = new TlsAnalyzer(keys, col);
        TcpPass.run(capture, a, null).capture().close();
        return new Run(a.connections(), col);
    }

    static KeyLog keys() throws Exception { return KeyLog.read(TestCaptures.sample("auth-tls.keys")); }

    @Test
    void withoutKeysEveryHandshakeFactIsVisible() throws Exception {
        Run r = run(TestCaptures.sample("auth-tls.pcap"), KeyLog.none());
        List<TlsConnectionSummary> t = r.tls();
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), t.stream().map(TlsConnectionSummary::stream).toList());
        assertEquals(List.of(9, 36, 66, 144, 171, 223, 250, 276), t.stream().map(TlsConnectionSummary::clientHelloFrame).toList());
        assertEquals(List.of(12, 48, 81, 147, 181, 226, 255, 281), t.stream().map(TlsConnectionSummary::serverHelloFrame).toList());
        for (TlsConnectionSummary s : t) {
            assertEquals(TlsVersion.TLS13, s.version());
            assertEquals("TLS 1.3", s.versionName());
            assertEquals("TLS_AES_256_GCM_SHA384", s.cipherSuiteName());
            assertTrue(s.helloRetryRequest(), "vsftpd asks every client for another key share");
            assertNull(s.serverName());
            assertEquals(List.of(), s.alpnOffered());
            assertEquals(Decryption.NO_KEY_LOG, s.fromClient().decryption());
            assertEquals(Decryption.NO_KEY_LOG, s.fromServer().decryption());
            assertEquals(0, s.fromServer().applicationBytes());
            assertTrue(s.alerts().isEmpty(), "TLS 1.3 alerts are encrypted: none visible without keys");
        }
        // Control connections: TLS after "AUTH SSL\r\n" / "AUTH TLS\r\n" (10 bytes); data connections: implicit.
        assertEquals(List.of(10L, 0L, 0L, 10L, 0L, 10L, 0L, 0L), t.stream().map(TlsConnectionSummary::tlsStartOffset).toList());
        // curl's data connections resume the control connection's session (PSK); ftplib's do not.
        assertEquals(List.of(Resumption.NONE, Resumption.PSK, Resumption.PSK, Resumption.NONE, Resumption.PSK,
                Resumption.NONE, Resumption.NONE, Resumption.NONE), t.stream().map(TlsConnectionSummary::resumption).toList());
        assertEquals(CertificateVisibility.ENCRYPTED, t.get(0).certificateVisibility());
        assertEquals(CertificateVisibility.NONE, t.get(1).certificateVisibility());
        assertEquals(List.of(772, 771, 770, 769), t.get(0).offeredVersions());
        assertEquals(List.of(772, 771), t.get(5).offeredVersions(), "ftplib offers TLS 1.2 and 1.3 only");
        // The server closes the curl control connection with FIN right after 221 (frame 133).
        assertEquals(new TlsConnectionSummary.Closure(S2C, "FIN", 133), t.get(0).closedBy());
    }

    @Test
    void withKeysEveryConnectionDecryptsAndTheFilesMatchTheRecording() throws Exception {
        Run r = run(TestCaptures.sample("auth-tls.pcap"), keys());
        List<TlsConnectionSummary> t = r.tls();
        assertEquals(8, t.size());
        for (TlsConnectionSummary s : t) {
            assertEquals(Decryption.DECRYPTED, s.fromClient().decryption(), "stream " + s.stream());
            assertEquals(Decryption.DECRYPTED, s.fromServer().decryption(), "stream " + s.stream());
            assertEquals(s.fromClient().protectedRecords(), s.fromClient().decryptedRecords());
        }
        Collector p = r.plain();
        // transfers.tsv: LIST /pub/ (422), RETR notes-48k.txt, STOR up-20k.bin, RETR readme.txt, STOR tls-up.txt
        assertEquals("19fa352ce0d0949f8c22ffbadf75eeabb7394bf0ff55c184e400736fb7242aaa", p.sha256(1, S2C));
        assertEquals("9212e46ee8ac927bd5db5dbeee203ac8fc150f9af2ee5fb26557cd9ae01223cf", p.sha256(2, S2C));
        assertEquals("b3f6cfc32bde5516114301dfe5a4a1fcd03e92b2f1a217094f16309a4ef33335", p.sha256(4, C2S));
        assertEquals("293ee650ec4b84ae8d93945538f9020ecddf31deb3a18b7c31f0f883511a6627", p.sha256(6, S2C));
        assertEquals("b6558f8e60fac7c118b1ac19b9891479cb24a8f15023950b2afafafa41387665", p.sha256(7, C2S));
        assertEquals(List.of(422L, 48000L, 20000L, 900L, 6000L), List.of(t.get(1).fromServer().applicationBytes(),
                t.get(2).fromServer().applicationBytes(), t.get(4).fromClient().applicationBytes(),
                t.get(6).fromServer().applicationBytes(), t.get(7).fromClient().applicationBytes()));
        for (TestCaptures.TransferRow row : TestCaptures.transfers()) {
            if (!row.capture().equals("auth-tls.pcap")) continue;
            assertTrue(p.bytes.keySet().stream().anyMatch(k -> p.sha256(Integer.parseInt(k.split("/")[0]),
                    Direction.valueOf(k.split("/")[1])).equals(row.sha256())), row.command() + " " + row.path());
        }
        // Control channels, byte for byte as tshark's "follow,tls,raw" shows them.
        assertEquals("89a1538364f765882c66859cdbdd9e94ffe7b73f771d65dd9c047e6fed81e481", p.sha256(0, C2S));
        assertEquals("0181cf3a2daf3e230eecea5bb06a304012084e1697b05974e691a66d79d6b82a", p.sha256(0, S2C));
        assertEquals("4bf9f24586d566730dd986187e863eaff4638e49f4ef96212d62ecb6db242cb3", p.sha256(3, C2S));
        assertEquals("893b492fe955c9241fe58e73919021788a732461e8c90bd96745122ce04366ce", p.sha256(5, C2S));
        assertEquals("d75a9793711181a8335bfe8b17b3a5e0dfe9e1247ac18054013196ff5a11a345", p.sha256(5, S2C));
        assertEquals("USER ftpuser\r\nPASS ftpsecret\r\nPBSZ 0\r\nPROT P\r\nTYPE I\r\nPASV\r\nRETR pub/readme.txt\r\n"
                + "TYPE I\r\nPASV\r\nSTOR upload/tls-up.txt\r\nQUIT\r\n", p.text(5, C2S));
        assertTrue(p.text(0, S2C).startsWith("331 Please specify the password.\r\n230 Login successful.\r\n"));
        assertTrue(p.text(0, S2C).contains("229 Entering Extended Passive Mode (|||40036|)\r\n"));
        assertTrue(p.text(5, S2C).contains("227 Entering Passive Mode (198,51,100,21,156,108).\r\n"));
    }

    @Test
    void decryptedBytesCarryTheFramesOfTheirRecords() throws Exception {
        Run r = run(TestCaptures.sample("auth-tls.pcap"), keys());
        // RETR notes-48k.txt: three records completing in frames 98, 111 and 122 (tshark: "Application Data").
        List<Collector.Chunk> retr = r.plain().chunks.stream().filter(c -> c.stream() == 2).toList();
        assertEquals(List.of(98, 111, 122), retr.stream().map(Collector.Chunk::lastFrame).toList());
        assertEquals(List.of(84, 100, 112), retr.stream().map(Collector.Chunk::firstFrame).toList());
        assertEquals(List.of(16384, 16384, 15232), retr.stream().map(Collector.Chunk::length).toList());
        // ftplib's first command after AUTH TLS: USER in frame 229 (tshark's ftp.request.command).
        Collector.Chunk user = r.plain().chunks.stream().filter(c -> c.stream() == 5 && c.d() == C2S).findFirst().orElseThrow();
        assertEquals(229, user.lastFrame());
        assertEquals("USER ftpuser\r\n".length(), user.length());
    }

    @Test
    void withKeysTheTls13CertificateAlpnAndAlertsBecomeVisible() throws Exception {
        List<TlsConnectionSummary> t = run(TestCaptures.sample("auth-tls.pcap"), keys()).tls();
        TlsConnectionSummary ctl = t.get(0);
        assertEquals(CertificateVisibility.DECRYPTED, ctl.certificateVisibility());
        assertEquals(1, ctl.certificatesSent());
        CertificateInfo c = ctl.certificates().get(0);
        assertEquals("CN=ftp.example.net", c.subject());
        assertEquals("CN=ftp.example.net", c.issuer());
        assertTrue(c.selfIssued());
        assertEquals("RSA", c.keyType());
        assertEquals(2048, c.keyBits());
        assertEquals(Instant.parse("2026-11-25T02:30:17Z"), c.notBefore());
        assertEquals(Instant.parse("2036-11-22T02:30:17Z"), c.notAfter());
        assertEquals("5c317a39c669696b9b1ca1696c884a6e4f54b385134cec7f5fe35c1447da857b", c.sha256());
        assertTrue(ctl.notes().contains("client answered the CertificateRequest with no certificate (frame 13)"));
        // Data connection 1: server's close_notify (frame 53) before the client's (54).
        assertEquals(List.of("SERVER_TO_CLIENT warning close_notify 53", "CLIENT_TO_SERVER warning close_notify 54"),
                t.get(1).alerts().stream().map(a -> a.from() + " " + a.text() + " " + a.frame()).toList());
        assertEquals(new TlsConnectionSummary.Closure(S2C, "close_notify", 53), t.get(1).closedBy());
        // STOR up-20k.bin: the client closes first (frame 202).
        assertEquals(new TlsConnectionSummary.Closure(C2S, "close_notify", 202), t.get(4).closedBy());
        assertEquals(CertificateVisibility.NONE, t.get(1).certificateVisibility(), "PSK resumption sends no certificate");
    }

    @Test
    void aWrongSecretIsReportedPerDirectionAndNothingOfItIsDelivered() throws Exception {
        // Every SERVER_TRAFFIC_SECRET_0 with its last byte changed: handshakes decrypt, server data does not.
        String text = Files.readString(TestCaptures.sample("auth-tls.keys")).lines().map(l -> {
            if (!l.startsWith("SERVER_TRAFFIC_SECRET_0 ")) return l;
            char last = l.charAt(l.length() - 1);
            return l.substring(0, l.length() - 1) + (last == '0' ? '1' : '0');
        }).collect(Collectors.joining("\n"));
        Run r = run(TestCaptures.sample("auth-tls.pcap"), KeyLog.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), "wrong"));
        TlsConnectionSummary retr = r.tls().get(2);
        assertEquals(Decryption.FAILED, retr.fromServer().decryption());
        assertEquals(83, retr.fromServer().problemFrame(), "the NewSessionTicket is the first record under the server's application key");
        assertTrue(retr.fromServer().detail().contains("authentication tag does not match"), retr.fromServer().detail());
        assertEquals(0, retr.fromServer().applicationBytes());
        assertEquals(Decryption.DECRYPTED, retr.fromClient().decryption());
        assertEquals(0, r.plain().of(2, S2C).length);
        assertEquals("b3f6cfc32bde5516114301dfe5a4a1fcd03e92b2f1a217094f16309a4ef33335", r.plain().sha256(4, C2S),
                "the client's direction keeps its own, correct key");
        assertEquals(CertificateVisibility.DECRYPTED, r.tls().get(0).certificateVisibility(), "handshake keys are right");
    }

    @Test
    void aMissingSecretNamesTheConnectionsClientRandom() throws Exception {
        String random = "8a93da441a6e68dc9211dced7f9e266d7ccfe74c2b4b3124013ec49a20d84464"; // stream 2
        String text = Files.readString(TestCaptures.sample("auth-tls.keys")).lines().filter(l -> !l.contains(random))
                .collect(Collectors.joining("\n"));
        Run r = run(TestCaptures.sample("auth-tls.pcap"), KeyLog.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), "partial"));
        TlsConnectionSummary s = r.tls().get(2);
        assertEquals(Decryption.KEY_MISSING, s.fromServer().decryption());
        assertEquals("the key log has no CLIENT_HANDSHAKE_TRAFFIC_SECRET for client random " + random, s.fromServer().detail());
        assertEquals(Decryption.DECRYPTED, r.tls().get(1).fromServer().decryption());
        assertFalse(r.plain().bytes.containsKey("2/" + S2C));
    }
}

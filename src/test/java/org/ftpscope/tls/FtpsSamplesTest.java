package org.ftpscope.tls;

import org.ftpscope.TestCaptures;
import org.ftpscope.tcp.Direction;
import org.ftpscope.tls.TlsConnectionSummary.CertificateVisibility;
import org.ftpscope.tls.TlsConnectionSummary.Closure;
import org.ftpscope.tls.TlsConnectionSummary.Resumption;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FTPS recordings (samples/ftps-*.pcap, see samples/README.md): vsftpd and ProFTPD with curl,
 * lftp (GnuTLS) and ftplib. Expected values: transfers.tsv (the SHA-256 of the files served,
 * written when recording), and tshark 4.0.17 with {@code -o tls.keylog_file:samples/ftps-X.keys
 * -d tcp.port==21,tls}: its {@code follow,tls,raw} gives the same control-channel bytes (SHA-256
 * below for gcm stream 0, cbc stream 4, chacha stream 0, tls13 stream 4), and verify.sh finds every
 * transfer of these captures in tshark's decryption.
 */
class FtpsSamplesTest {
    static final Direction C2S = Direction.CLIENT_TO_SERVER, S2C = Direction.SERVER_TO_CLIENT;
    static final String LEAF = "CN=ftps.example.net,O=ftpscope test", CA = "CN=ftpscope test CA,O=ftpscope test";
    static final String LIST_422 = "19fa352ce0d0949f8c22ffbadf75eeabb7394bf0ff55c184e400736fb7242aaa";
    static final String NOTES_48K = "9212e46ee8ac927bd5db5dbeee203ac8fc150f9af2ee5fb26557cd9ae01223cf";
    static final String README_900 = "293ee650ec4b84ae8d93945538f9020ecddf31deb3a18b7c31f0f883511a6627";
    static final String SMALL_512 = "d4adc60d1bef7b660cdff7e2ca1d30da93521244975ed51c0c109347e1480831";
    static final String UP_6K = "b6558f8e60fac7c118b1ac19b9891479cb24a8f15023950b2afafafa41387665";
    static final String UP_20K = "b3f6cfc32bde5516114301dfe5a4a1fcd03e92b2f1a217094f16309a4ef33335";

    static AuthTlsSampleTest.Run run(String name, boolean keys) throws Exception {
        return AuthTlsSampleTest.run(TestCaptures.sample(name + ".pcap"),
                keys ? KeyLog.read(TestCaptures.sample(name + ".keys")) : KeyLog.none());
    }

    static List<String> suites(List<TlsConnectionSummary> t) { return t.stream().map(TlsConnectionSummary::cipherSuiteName).toList(); }

    static List<Resumption> resumptions(List<TlsConnectionSummary> t) { return t.stream().map(TlsConnectionSummary::resumption).toList(); }

    static void assertChain(TlsConnectionSummary s, CertificateVisibility how) {
        assertEquals(how, s.certificateVisibility(), "stream " + s.stream());
        assertEquals(2, s.certificatesSent(), "leaf and test CA");
        assertEquals(LEAF, s.certificates().get(0).subject());
        assertEquals(CA, s.certificates().get(0).issuer());
        assertFalse(s.certificates().get(0).selfIssued());
        assertEquals("RSA", s.certificates().get(0).keyType());
        assertEquals(2048, s.certificates().get(0).keyBits());
        assertEquals(CA, s.certificates().get(1).subject());
        assertTrue(s.certificates().get(1).selfIssued());
    }

    /** Every transfers.tsv row of the capture is some decrypted stream direction, by SHA-256. */
    static void assertEveryTransferDecrypts(String capture, Collector p) {
        Map<String, String> shaOf = new TreeMap<>();
        for (String k : p.bytes.keySet()) {
            String[] f = k.split("/");
            shaOf.put(p.sha256(Integer.parseInt(f[0]), Direction.valueOf(f[1])), k);
        }
        int rows = 0;
        for (TestCaptures.TransferRow row : TestCaptures.transfers()) {
            if (!row.capture().equals(capture)) continue;
            rows++;
            assertTrue(shaOf.containsKey(row.sha256()), capture + ": " + row.command() + " " + row.path() + " not decrypted");
        }
        assertTrue(rows > 0, "transfers.tsv lists " + capture);
    }

    static void assertAllDecrypted(List<TlsConnectionSummary> t) {
        for (TlsConnectionSummary s : t) {
            for (Direction d : Direction.values()) {
                assertEquals(Decryption.DECRYPTED, s.direction(d).decryption(), "stream " + s.stream() + " " + d + ": " + s.direction(d).detail());
                assertEquals(s.direction(d).protectedRecords(), s.direction(d).decryptedRecords());
            }
        }
    }

    // ---- TLS 1.2 AES-GCM ------------------------------------------------------------------------

    @Test
    void tls12GcmWithoutKeys() throws Exception {
        List<TlsConnectionSummary> t = run("ftps-tls12-gcm", false).tls();
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), t.stream().map(TlsConnectionSummary::stream).toList());
        String g128 = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", g256 = "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384";
        assertEquals(List.of(g128, g128, g128, g128, g128, g256, g256), suites(t));
        for (TlsConnectionSummary s : t) {
            assertEquals(TlsVersion.TLS12, s.version());
            assertEquals("ftps.example.net", s.serverName(), "curl was given the name (--resolve)");
            assertFalse(s.helloRetryRequest());
        }
        // Control connections 0, 3, 5 do full handshakes; the data connections resume their session.
        assertEquals(List.of(Resumption.NONE, Resumption.SESSION_ID, Resumption.SESSION_ID, Resumption.NONE,
                Resumption.SESSION_ID, Resumption.NONE, Resumption.SESSION_ID), resumptions(t));
        for (int i : new int[] {0, 3, 5}) {
            assertChain(t.get(i), CertificateVisibility.CLEAR);
            assertEquals(10, t.get(i).tlsStartOffset(), "after \"AUTH SSL\\r\\n\"");
        }
        assertEquals(CertificateVisibility.NONE, t.get(1).certificateVisibility());
        assertEquals(List.of(12, 44, 74, 137, 169, 204, 236), t.stream().map(TlsConnectionSummary::serverHelloFrame).toList());
        // TLS 1.2 alerts are records of type 21, visible, but their content is encrypted.
        TlsConnectionSummary list = t.get(1);
        assertEquals(List.of("SERVER_TO_CLIENT -1 49", "CLIENT_TO_SERVER -1 51"),
                list.alerts().stream().map(a -> a.from() + " " + a.level() + " " + a.frame()).toList());
        assertEquals(new Closure(S2C, "encrypted alert", 49), list.closedBy());
        assertEquals(Decryption.NO_KEY_LOG, list.fromServer().decryption());
    }

    @Test
    void tls12GcmWithKeys() throws Exception {
        AuthTlsSampleTest.Run r = run("ftps-tls12-gcm", true);
        assertAllDecrypted(r.tls());
        Collector p = r.plain();
        assertEquals("USER ftpuser\r\nPASS ftpsecret\r\nPBSZ 0\r\nPROT P\r\nPWD\r\nCWD pub\r\nEPSV\r\nTYPE A\r\nLIST\r\n"
                + "EPSV\r\nTYPE I\r\nSIZE notes-48k.txt\r\nRETR notes-48k.txt\r\nQUIT\r\n", p.text(0, C2S));
        assertTrue(p.text(0, S2C).contains("229 Entering Extended Passive Mode (|||40095|)\r\n"));
        assertTrue(p.text(0, S2C).endsWith("150 Opening BINARY mode data connection for notes-48k.txt (48000 bytes).\r\n"
                + "226 Transfer complete.\r\n221 Goodbye.\r\n"));
        // tshark follow,tls,raw of stream 0
        assertEquals("89a1538364f765882c66859cdbdd9e94ffe7b73f771d65dd9c047e6fed81e481", p.sha256(0, C2S));
        assertEquals("9f2b86955a371a251a733e87bea83f386d6e993ac094b63e45a63a9269596041", p.sha256(0, S2C));
        assertEquals(LIST_422, p.sha256(1, S2C));
        assertEquals(NOTES_48K, p.sha256(2, S2C));
        assertEquals(UP_6K, p.sha256(4, C2S));
        assertEquals(README_900, p.sha256(6, S2C), "SHA-384 PRF suite");
        assertEquals(48000, r.tls().get(2).fromServer().applicationBytes());
        assertEquals(new Closure(S2C, "close_notify", 49), r.tls().get(1).closedBy());
        assertEveryTransferDecrypts("ftps-tls12-gcm.pcap", p);
    }

    // ---- TLS 1.2 ChaCha20-Poly1305, lftp/GnuTLS ---------------------------------------------------

    @Test
    void tls12ChaChaFromLftpResumesByTicketAndOpensWithTheControlConnectionsSecret() throws Exception {
        AuthTlsSampleTest.Run r = run("ftps-tls12-chacha", true);
        List<TlsConnectionSummary> t = r.tls();
        assertEquals(4, t.size());
        String cc = "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256";
        assertEquals(List.of(cc, cc, cc, cc), suites(t));
        // GnuTLS sends the IP address as SNI (RFC 6066 allows host names only); we report what was sent.
        assertEquals("198.51.100.21", t.get(0).serverName());
        assertEquals(List.of(Resumption.NONE, Resumption.SESSION_TICKET, Resumption.SESSION_TICKET, Resumption.SESSION_TICKET),
                resumptions(t));
        assertChain(t.get(0), CertificateVisibility.CLEAR);
        assertEquals(16, t.get(0).tlsStartOffset(), "after lftp's FEAT and AUTH TLS");
        // GnuTLS logged only the control connection's CLIENT_RANDOM: the data connections open
        // with the master secret of the ticket they present (from stream 0).
        assertAllDecrypted(t);
        for (int i = 1; i <= 3; i++) {
            assertTrue(t.get(i).notes().contains("master secret reused from stream 0 (its session ticket; the key log has no line for this client random)"),
                    t.get(i).notes().toString());
        }
        Collector p = r.plain();
        assertEquals("8da7f63a1d83672109443dbdbd55e20e3be3c62096b5692d9af7d27d511aa69b", p.sha256(0, C2S), "tshark follow,tls");
        assertEquals("b19b9f8854487542a163c6e82cfaa3cd09368a4a1f45882709af223bddad9330", p.sha256(0, S2C), "tshark follow,tls");
        assertTrue(p.text(0, C2S).startsWith("USER ftpuser\r\nPASS ftpsecret\r\nPWD\r\nPBSZ 0\r\nPROT P\r\nCWD /pub\r\nPASV\r\nLIST\r\n"));
        assertTrue(p.text(0, S2C).contains("227 Entering Passive Mode (198,51,100,21,156,133).\r\n"
                + "150 Opening BINARY mode data connection for pub/readme.txt (900 bytes).\r\n226 Transfer complete.\r\n"));
        assertEquals(LIST_422, p.sha256(1, S2C));
        assertEquals(README_900, p.sha256(2, S2C));
        assertEquals(UP_20K, p.sha256(3, C2S));
        assertEveryTransferDecrypts("ftps-tls12-chacha.pcap", p);
    }

    @Test
    void withoutTheControlConnectionTheResumedDataConnectionsCannotBeOpened() throws Exception {
        // Only frames of the data connection that carries readme.txt (stream 2, frames 90-104): its
        // ticket's master secret is unknown, and the key log has no line for its client random.
        Collector col = new Collector();
        TlsAnalyzer a = new TlsAnalyzer(KeyLog.read(TestCaptures.sample("ftps-tls12-chacha.keys")), col);
        java.nio.file.Path cut = java.nio.file.Files.createTempFile("ftps-chacha-stream2", ".pcap");
        try {
            int[] frames = java.util.stream.IntStream.rangeClosed(90, 104).toArray();
            try (var cap = org.ftpscope.capture.CaptureFile.open(TestCaptures.sample("ftps-tls12-chacha.pcap"))) {
                TestCaptures.writePcap(cap, frames, cut);
            }
            org.ftpscope.tcp.TcpPass.run(cut, a, null).capture().close();
        } finally {
            java.nio.file.Files.deleteIfExists(cut);
        }
        TlsConnectionSummary s = a.connections().get(0);
        assertEquals(Resumption.SESSION_TICKET, s.resumption());
        assertEquals(Decryption.KEY_MISSING, s.fromServer().decryption());
        assertTrue(s.fromServer().detail().contains("resumed session whose first connection's secret is not known either"), s.fromServer().detail());
        assertEquals(0, col.of(0, S2C).length);
    }

    // ---- TLS 1.2 AES-CBC ----------------------------------------------------------------------------

    @Test
    void tls12CbcSha1Sha256AndMacThenEncrypt() throws Exception {
        AuthTlsSampleTest.Run r = run("ftps-tls12-cbc", true);
        List<TlsConnectionSummary> t = r.tls();
        String sha1 = "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", rsa256 = "TLS_RSA_WITH_AES_256_CBC_SHA256",
                sha384 = "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384";
        assertEquals(List.of(sha1, sha1, rsa256, rsa256, sha384, sha384), suites(t));
        assertAllDecrypted(t);
        // ftplib (streams 4, 5) does not resume: its data connection shows the certificate again, and no SNI.
        assertEquals(List.of(Resumption.NONE, Resumption.SESSION_ID, Resumption.NONE, Resumption.SESSION_ID,
                Resumption.NONE, Resumption.NONE), resumptions(t));
        assertChain(t.get(5), CertificateVisibility.CLEAR);
        assertNull(t.get(4).serverName());
        Collector p = r.plain();
        assertEquals(SMALL_512, p.sha256(1, S2C), "HMAC-SHA1, encrypt-then-MAC");
        assertEquals(NOTES_48K, p.sha256(3, S2C), "RSA key exchange, HMAC-SHA256, encrypt-then-MAC");
        assertEquals(README_900, p.sha256(5, S2C), "HMAC-SHA384, MAC-then-encrypt");
        assertEquals("USER ftpuser\r\nPASS ftpsecret\r\nPBSZ 0\r\nPROT P\r\nTYPE I\r\nPASV\r\nRETR pub/readme.txt\r\nQUIT\r\n", p.text(4, C2S));
        assertEquals("331 Please specify the password.\r\n230 Login successful.\r\n200 PBSZ set to 0.\r\n200 PROT now Private.\r\n"
                + "200 Switching to Binary mode.\r\n227 Entering Passive Mode (198,51,100,21,156,123).\r\n"
                + "150 Opening BINARY mode data connection for pub/readme.txt (900 bytes).\r\n226 Transfer complete.\r\n221 Goodbye.\r\n",
                p.text(4, S2C));
        assertEquals("1cc104bb5920de7bb6e03b7d8ce9de96f41dcd0cc52478d9bc842891b6fad41e", p.sha256(4, C2S), "tshark follow,tls");
        assertEquals("75db1bd4cecfc5358845f7f253c588f04aeef8c45235b77ec5a8c6ce1e17191f", p.sha256(4, S2C), "tshark follow,tls");
        assertEveryTransferDecrypts("ftps-tls12-cbc.pcap", p);
    }

    // ---- TLS 1.3 ------------------------------------------------------------------------------------

    @Test
    void tls13WithoutKeysTheCertificateIsEncrypted() throws Exception {
        List<TlsConnectionSummary> t = run("ftps-tls13", false).tls();
        assertEquals(List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
                "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_AES_256_GCM_SHA384"), suites(t));
        assertEquals(List.of(true, true, true, true, false, false), t.stream().map(TlsConnectionSummary::helloRetryRequest).toList(),
                "vsftpd asks curl, not GnuTLS, for another key share");
        assertEquals(List.of(Resumption.NONE, Resumption.PSK, Resumption.NONE, Resumption.PSK, Resumption.NONE, Resumption.PSK),
                resumptions(t));
        for (int i : new int[] {0, 2, 4}) {
            assertEquals(CertificateVisibility.ENCRYPTED, t.get(i).certificateVisibility());
            assertTrue(t.get(i).certificates().isEmpty());
        }
        for (TlsConnectionSummary s : t) assertTrue(s.alerts().isEmpty(), "TLS 1.3 alerts look like application data");
    }

    @Test
    void tls13WithKeysAllThreeSuitesDecryptIncludingGnuTlsAfterAMiddleboxChangeCipherSpec() throws Exception {
        AuthTlsSampleTest.Run r = run("ftps-tls13", true);
        List<TlsConnectionSummary> t = r.tls();
        assertAllDecrypted(t);
        for (int i : new int[] {0, 2, 4}) assertChain(t.get(i), CertificateVisibility.DECRYPTED);
        Collector p = r.plain();
        assertEquals(README_900, p.sha256(1, S2C), "TLS_AES_128_GCM_SHA256");
        assertEquals(UP_6K, p.sha256(3, C2S), "TLS_CHACHA20_POLY1305_SHA256");
        assertEquals(SMALL_512, p.sha256(5, S2C), "TLS_AES_256_GCM_SHA384 (GnuTLS)");
        assertEquals("USER ftpuser\r\nPASS ftpsecret\r\nPWD\r\nPBSZ 0\r\nPROT P\r\nTYPE I\r\nSIZE pub/small.bin\r\n"
                + "MDTM pub/small.bin\r\nPASV\r\nRETR pub/small.bin\r\nQUIT\r\n", p.text(4, C2S));
        assertEquals("8ceb976937cd109dc552f6441c92db1c8bf9310bc5a058d4a189397749305eee", p.sha256(4, C2S), "tshark follow,tls");
        assertEquals("2a816d4cd913254d7165af0116e5b01aa6962d92c59ea3f3afbf156d164012cd", p.sha256(4, S2C), "tshark follow,tls");
        assertEquals(List.of("SERVER_TO_CLIENT warning close_notify 213", "CLIENT_TO_SERVER warning close_notify 214"),
                t.get(5).alerts().stream().map(a -> a.from() + " " + a.text() + " " + a.frame()).toList());
        assertTrue(p.lost.isEmpty(), p.lost.toString());
        assertEveryTransferDecrypts("ftps-tls13.pcap", p);
    }

    // ---- require_ssl_reuse ----------------------------------------------------------------------------

    @Test
    void requireSslReuseCurlResumesFtplibDoesNotAndIsRefused() throws Exception {
        AuthTlsSampleTest.Run r = run("ftps-ssl-reuse", true);
        List<TlsConnectionSummary> t = r.tls();
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), t.stream().map(TlsConnectionSummary::stream).toList());
        assertEquals(List.of(Resumption.NONE, Resumption.SESSION_ID, Resumption.SESSION_ID, Resumption.NONE, Resumption.PSK,
                Resumption.NONE, Resumption.NONE), resumptions(t));
        assertEquals(List.of(TlsVersion.TLS12, TlsVersion.TLS12, TlsVersion.TLS12, TlsVersion.TLS13, TlsVersion.TLS13,
                TlsVersion.TLS12, TlsVersion.TLS12), t.stream().map(TlsConnectionSummary::version).toList());
        assertAllDecrypted(t);
        // ftplib's data connection: a full handshake (certificate again), no application data, the server closes it.
        TlsConnectionSummary refused = t.get(6);
        assertChain(refused, CertificateVisibility.CLEAR);
        assertEquals(0, refused.fromServer().applicationBytes());
        assertEquals(0, refused.fromClient().applicationBytes());
        assertEquals(new Closure(S2C, "close_notify", 199), refused.closedBy());
        Collector p = r.plain();
        assertTrue(p.text(5, S2C).endsWith("227 Entering Passive Mode (198,51,100,21,156,138).\r\n"
                + "150 Opening BINARY mode data connection for pub/small.bin (512 bytes).\r\n"
                + "522 SSL connection failed: session reuse required\r\n"), p.text(5, S2C));
        assertEquals(LIST_422, p.sha256(1, S2C));
        assertEquals(README_900, p.sha256(2, S2C));
        assertEquals(SMALL_512, p.sha256(4, S2C));
        assertEveryTransferDecrypts("ftps-ssl-reuse.pcap", p);
    }

    // ---- implicit FTPS ---------------------------------------------------------------------------------

    @Test
    void implicitFtpsOn990AndActiveDataFrom989() throws Exception {
        AuthTlsSampleTest.Run r = run("ftps-implicit", true);
        List<TlsConnectionSummary> t = r.tls();
        assertEquals(List.of(990, 40005, 40033, 990, 48277), t.stream().map(s -> s.server().port()).toList());
        // Stream 4: vsftpd connects from port 989 to lftp's PORT, yet lftp sends the ClientHello.
        TlsConnectionSummary active = t.get(4);
        assertEquals(989, active.client().port());
        assertTrue(active.rolesReversed());
        assertTrue(active.notes().contains("TLS roles reversed: the TCP client " + active.client()
                + " is the TLS server (active-mode data connection)"), active.notes().toString());
        assertEquals(Resumption.PSK, active.resumption(), "lftp resumes the control session");
        assertEquals(512, active.fromServer().applicationBytes(), "the file comes from the TLS server (vsftpd)");
        assertEquals(active.fromServer(), active.direction(C2S), "which is the TCP client");
        assertEquals(List.of(false, false, false, false, true), t.stream().map(TlsConnectionSummary::rolesReversed).toList());
        for (TlsConnectionSummary s : t) assertEquals(0, s.tlsStartOffset(), "implicit: TLS from the first byte");
        assertAllDecrypted(t);
        Collector p = r.plain();
        assertTrue(p.text(0, S2C).startsWith("220 ftpscope test server (vsftpd) ready.\r\n331 "), "the greeting is inside TLS");
        assertEquals(LIST_422, p.sha256(1, S2C));
        assertEquals(README_900, p.sha256(2, S2C));
        assertEquals(SMALL_512, p.sha256(4, C2S));
        assertTrue(p.text(3, C2S).contains("PORT 192,0,2,10,"), p.text(3, C2S));
        assertEveryTransferDecrypts("ftps-implicit.pcap", p);
    }

    // ---- blocked passive port --------------------------------------------------------------------------

    @Test
    void blockedPassivePortLoginWorksAndThePassiveReplyIsEncrypted() throws Exception {
        List<TlsConnectionSummary> none = run("ftps-blocked-pasv", false).tls();
        assertEquals(List.of(0, 2), none.stream().map(TlsConnectionSummary::stream).toList(),
                "streams 1 and 3 are the unanswered data SYNs: no TLS");
        assertEquals(Decryption.NO_KEY_LOG, none.get(0).fromServer().decryption());
        AuthTlsSampleTest.Run r = run("ftps-blocked-pasv", true);
        Collector p = r.plain();
        assertEquals("USER ftpuser\r\nPASS ftpsecret\r\nPBSZ 0\r\nPROT P\r\nPWD\r\nCWD pub\r\nEPSV\r\nPASV\r\n", p.text(0, C2S));
        assertTrue(p.text(0, S2C).endsWith("229 Entering Extended Passive Mode (|||40022|)\r\n227 Entering Passive Mode (198,51,100,21,156,132).\r\n"));
        assertTrue(p.text(2, S2C).contains("227 Entering Passive Mode (198,51,100,21,156,127).\r\n221 Goodbye.\r\n"));
        assertEquals(new Closure(C2S, "close_notify", 40), r.tls().get(0).closedBy(), "curl gives up and closes");
    }

    // ---- CCC ---------------------------------------------------------------------------------------------

    @Test
    void cccTheControlChannelContinuesInClearAfterTheCloseNotify() throws Exception {
        for (boolean keys : new boolean[] {false, true}) {
            AuthTlsSampleTest.Run r = run("ftps-ccc", keys);
            TlsConnectionSummary ctl = r.tls().get(0);
            assertEquals("198.51.100.22:21", ctl.server().toString(), "ProFTPD");
            assertTrue(ctl.notes().contains("client continues in clear after the TLS alert, from stream offset 847 (frame 31): "
                    + "the control channel was cleared (CCC)"), ctl.notes().toString());
            assertTrue(ctl.notes().contains("server continues in clear after the TLS alert, from stream offset 2585 (frame 32): "
                    + "the control channel was cleared (CCC)"), ctl.notes().toString());
            Collector p = r.plain();
            assertEquals("PWD\r\nCWD pub\r\nEPSV\r\nTYPE A\r\nLIST\r\nEPSV\r\nTYPE I\r\nSIZE readme.txt\r\nRETR readme.txt\r\nQUIT\r\n",
                    p.clearText(0, C2S), "keys=" + keys);
            assertTrue(p.clearText(0, S2C).startsWith("257 \"/\" is the current directory\r\n250 CWD command successful\r\n"
                    + "229 Entering Extended Passive Mode (|||40284|)\r\n"));
            if (keys) {
                assertEquals("USER ftpuser\r\nPASS ftpsecret\r\nPBSZ 0\r\nPROT P\r\nCCC\r\n", p.text(0, C2S));
                assertTrue(p.text(0, S2C).endsWith("200 Clearing control channel protection\r\n"));
                assertEquals(List.of("CLIENT_TO_SERVER warning close_notify 29", "SERVER_TO_CLIENT warning close_notify 30"),
                        ctl.alerts().stream().map(a -> a.from() + " " + a.text() + " " + a.frame()).toList());
                assertAllDecrypted(r.tls());
                assertEquals(README_900, p.sha256(2, S2C));
                assertEveryTransferDecrypts("ftps-ccc.pcap", p);
            }
        }
    }
}

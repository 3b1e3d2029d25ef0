package org.ftpscope.ftp.session;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.findings.FindingKind;
import org.ftpscope.ftp.model.CommandRecord;
import org.ftpscope.ftp.model.DataMode;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.LoginOutcome;
import org.ftpscope.ftp.model.Outcome;
import org.ftpscope.ftp.model.ReplyRecord;
import org.ftpscope.ftp.model.Shortfall;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.tls.KeyLog;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FTP analysis of the FTPS recordings (samples/ftps-*.pcap): with the key log beside each
 * capture the whole session is read (commands, replies, port math, transfers with SHA-256 equal to
 * transfers.tsv); without it, only what the capture shows. Frames as tshark 4.0.17 numbers them.
 */
class FtpsAnalysisTest {
    static Analysis analyze(String name, boolean keys) throws Exception {
        return keys ? Analyzer.analyzeWithKeyLog(TestCaptures.sample(name + ".pcap"), KeyLog.read(TestCaptures.sample(name + ".keys")))
                : Analyzer.analyze(TestCaptures.sample(name + ".pcap"));
    }

    static List<String> verbs(FtpSession s) { return s.commands().stream().map(c -> Objects.toString(c.command())).toList(); }

    static List<Finding> findings(Analysis a, FindingKind k) { return a.findings().stream().filter(f -> f.kind() == k).toList(); }

    @Test
    void withTheKeyLogAnExplicitFtpsSessionIsAnalysedAsInClear() throws Exception {
        try (Analysis a = analyze("ftps-tls12-gcm", true)) {
            assertEquals(3, a.sessions().size());
            FtpSession s = a.sessions().get(0);
            assertEquals(List.of("null", "AUTH", "USER", "PASS", "PBSZ", "PROT", "PWD", "CWD", "EPSV", "TYPE", "LIST",
                    "EPSV", "TYPE", "SIZE", "RETR", "QUIT"), verbs(s));
            assertEquals("ftpuser", s.user());
            assertEquals(LoginOutcome.SUCCEEDED, s.login());
            CommandRecord user = s.commands().get(2);
            assertEquals(17, user.frame(), "the record that carried USER ends in frame 17");
            assertEquals(331, user.replies().get(0).code());
            CommandRecord epsv = s.commands().get(8);
            assertEquals(229, epsv.replies().get(0).code());
            assertEquals("Entering Extended Passive Mode (|||40095|)", epsv.replies().get(0).text());
            CommandRecord retr = s.commands().get(14);
            assertEquals(List.of(150, 226), retr.replies().stream().map(ReplyRecord::code).toList());
            assertEquals(121, retr.replies().get(1).frame());
            List<Transfer> t = s.transfers();
            assertEquals(List.of("LIST", "RETR"), t.stream().map(Transfer::command).toList());
            assertEquals(422, t.get(0).bytes());
            assertEquals("19fa352ce0d0949f8c22ffbadf75eeabb7394bf0ff55c184e400736fb7242aaa", t.get(0).sha256());
            assertEquals(48000, t.get(1).bytes());
            assertEquals("9212e46ee8ac927bd5db5dbeee203ac8fc150f9af2ee5fb26557cd9ae01223cf", t.get(1).sha256());
            assertTrue(t.get(1).complete());
            assertEquals(Outcome.OK, t.get(1).outcome());

            // The password was decrypted, it did not cross in clear.
            assertEquals(List.of(), findings(a, FindingKind.CLEARTEXT_CREDENTIALS));
            assertEquals("The server accepted AUTH (234, frame 10): from here on the control channel is encrypted (TLS 1.2, "
                    + "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256); decrypted with the key log, so its commands, replies and "
                    + "data-channel ports are analysed.", findings(a, FindingKind.TLS_CONTROL_CHANNEL).get(0).message());
            assertEquals(7, a.tlsConnections().size());
            assertEquals(null, a.contentOf(t.get(1)), "the spans of a PROT P connection are TLS records, not the file");
        }
    }

    @Test
    void withoutKeysOnlyTheCleartextPartIsRead() throws Exception {
        try (Analysis a = analyze("ftps-tls12-gcm", false)) {
            FtpSession s = a.sessions().get(0);
            assertEquals(List.of("null", "AUTH"), verbs(s));
            assertTrue(s.transfers().isEmpty());
            assertEquals("The server accepted AUTH (234, frame 10): from here on the control channel is encrypted; commands, "
                    + "replies and data-channel ports are not visible.", findings(a, FindingKind.TLS_CONTROL_CHANNEL).get(0).message());
            assertTrue(a.tlsConnections().isEmpty());
        }
    }

    @Test
    void implicitFtpsOnPort990IsFtpsWithAndWithoutKeys() throws Exception {
        try (Analysis a = analyze("ftps-implicit", false)) {
            assertEquals(List.of(990, 990), a.sessions().stream().map(s -> s.server().port()).toList());
            assertTrue(a.sessions().get(0).tls());
            assertEquals("Implicit FTPS (port 990, TLS from the connection's first byte): from here on the control channel is "
                    + "encrypted; commands, replies and data-channel ports are not visible.",
                    findings(a, FindingKind.TLS_CONTROL_CHANNEL).get(0).message());
        }
        try (Analysis a = analyze("ftps-implicit", true)) {
            FtpSession lftp = a.sessions().get(1);
            assertEquals(220, lftp.commands().get(0).replies().get(0).code(), "the greeting is inside TLS");
            CommandRecord port = lftp.commands().stream().filter(c -> "PORT".equals(c.command())).findFirst().orElseThrow();
            assertEquals("192,0,2,10,188,149", port.arg());
            Transfer t = lftp.transfers().get(0);
            assertEquals("RETR", t.command());
            assertEquals(DataMode.PORT, t.setup().mode());
            assertEquals(989, t.data().client().port(), "vsftpd connects from port 989");
            assertEquals(512, t.bytes());
            assertEquals("d4adc60d1bef7b660cdff7e2ca1d30da93521244975ed51c0c109347e1480831", t.sha256());
            assertTrue(t.complete());
        }
    }

    @Test
    void requireSslReuseTheRefusedDataConnectionIsAFailedTransfer() throws Exception {
        try (Analysis a = analyze("ftps-ssl-reuse", true)) {
            FtpSession ftplib = a.sessions().get(2);
            assertEquals("TLS", ftplib.commands().get(1).arg());
            Transfer t = ftplib.transfers().get(0);
            assertEquals(522, t.replyCode());
            assertEquals("SSL connection failed: session reuse required", t.replyText());
            assertEquals(Outcome.FAILED, t.outcome());
            assertEquals(0, t.bytes());
            assertTrue(findings(a, FindingKind.TRANSFER_FAILED).stream()
                    .anyMatch(f -> f.message().equals("RETR pub/small.bin failed: 522 SSL connection failed: session reuse required")));
        }
    }

    @Test
    void cccWithoutKeysTheProtectedDataIsNeverTakenForTheFile() throws Exception {
        try (Analysis a = analyze("ftps-ccc", false)) {
            FtpSession s = a.sessions().get(0);
            assertEquals(List.of("null", "AUTH", "PWD", "CWD", "EPSV", "TYPE", "LIST", "EPSV", "TYPE", "SIZE", "RETR", "QUIT"), verbs(s),
                    "after CCC the commands are in clear");
            for (Transfer t : s.transfers()) {
                assertFalse(t.complete(), t.command());
                assertEquals(0, t.bytes(), t.command());
                assertEquals(Shortfall.Cause.NOT_DECRYPTED, t.shortfalls().get(0).cause());
            }
            List<Finding> enc = findings(a, FindingKind.TLS_DATA_NOT_DECRYPTED);
            assertEquals(List.of(46, 74), enc.stream().map(Finding::frame).toList());
            assertEquals("RETR readme.txt: 1101 bytes of TLS records (from frame 74) were not decrypted: the data connection is "
                    + "TLS-protected (PROT P) and no key log was given (--tls-keylog); the file's bytes are not known.", enc.get(1).message());
            assertEquals(List.of(), findings(a, FindingKind.TRANSFER_INCOMPLETE), "ciphertext is not compared with the announced size");
        }
        try (Analysis a = analyze("ftps-ccc", true)) {
            FtpSession s = a.sessions().get(0);
            CommandRecord ccc = s.commands().get(6);
            assertEquals("CCC", ccc.command());
            assertEquals(27, ccc.frame());
            assertEquals(200, ccc.replies().get(0).code());
            assertEquals(List.of(416L, 900L), s.transfers().stream().map(Transfer::bytes).toList());
            assertTrue(findings(a, FindingKind.TLS_CONTROL_CHANNEL).get(0).message()
                    .contains("the commands inside TLS, CCC and its 200 included, were decrypted with the key log"));
        }
    }

    @Test
    void blockedPassivePortUnderFtpsWithKeys() throws Exception {
        try (Analysis a = analyze("ftps-blocked-pasv", true)) {
            List<Finding> blocked = findings(a, FindingKind.DATA_CONNECTION_BLOCKED);
            assertEquals(List.of(31, 74), blocked.stream().map(Finding::frame).toList());
            assertTrue(blocked.get(0).message().startsWith("The data connection 192.0.2.10:54036 → 198.51.100.21:40022 (set up by the "
                    + "EPSV reply in frame 30) got no answer to its SYN, sent 5 times"), blocked.get(0).message());
        }
    }

    @Test
    void withoutKeysTheDataConnectionsAreInferredAndTheBlockedOneExplained() throws Exception {
        try (Analysis a = analyze("ftps-tls12-gcm", false)) {
            List<Finding> inferred = findings(a, FindingKind.ENCRYPTED_SESSION_DATA);
            assertEquals(List.of(33, 158, 225), inferred.stream().map(Finding::frame).toList());
            assertEquals("2 connections between 192.0.2.10 and 198.51.100.21 while the encrypted session was open are its data "
                    + "connections (inferred, control channel encrypted): tcp.stream 1 192.0.2.10:58650 → 198.51.100.21:40095 "
                    + "(frames 33–54, 271 + 623 bytes of TLS, 0.063 s); tcp.stream 2 192.0.2.10:56478 → 198.51.100.21:40092 "
                    + "(frames 60–120, 271 + 48259 bytes of TLS, 0.202 s).", inferred.get(0).message());
            assertEquals(List.of(), findings(a, FindingKind.ORPHAN_DATA_CONNECTION));
        }
        try (Analysis a = analyze("ftps-implicit", false)) {
            List<Finding> inferred = findings(a, FindingKind.ENCRYPTED_SESSION_DATA);
            assertTrue(inferred.get(1).message().contains("tcp.stream 4 198.51.100.21:989 → 192.0.2.10:48277"), "active, from port 989");
        }
        try (Analysis a = analyze("ftps-blocked-pasv", false)) {
            List<Finding> blocked = findings(a, FindingKind.DATA_CONNECTION_BLOCKED);
            assertEquals(List.of(31, 74), blocked.stream().map(Finding::frame).toList());
            assertEquals("The data connection 192.0.2.10:54036 → 198.51.100.21:40022 (inferred, control channel encrypted) got no "
                    + "answer to its SYN, sent 5 times: a firewall drops port 40022. The control channel is encrypted, so a firewall's "
                    + "FTP helper cannot read the 227/229 reply and cannot open the passive port: open the server's passive port range "
                    + "statically, e.g. iptables -A FORWARD -p tcp -d 198.51.100.21 --dport MIN:MAX -j ACCEPT with the server's "
                    + "configured range (vsftpd pasv_min_port/pasv_max_port, ProFTPD PassivePorts); this capture shows port 40022.",
                    blocked.get(0).message());
        }
        try (Analysis a = analyze("ftps-blocked-pasv", true)) {
            assertTrue(findings(a, FindingKind.DATA_CONNECTION_BLOCKED).get(1).message().endsWith("this capture shows port 40063."));
            assertEquals(List.of(), findings(a, FindingKind.ENCRYPTED_SESSION_DATA), "with keys the setups are known");
        }
    }
}

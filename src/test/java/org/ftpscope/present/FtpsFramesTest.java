package org.ftpscope.present;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.decode.DetailNode;
import org.ftpscope.decode.FrameSummary;
import org.ftpscope.filter.AnalysisFields;
import org.ftpscope.filter.DisplayFilter;
import org.ftpscope.tls.KeyLog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The frame list, the detail tree and the display filter over the FTPS recordings (issue 22): TLS
 * records named as Wireshark 4.0 names them, and with the key log the decrypted FTP. tshark 4.0.17
 * with {@code -o tls.keylog_file} agrees on lftp's AUTH TLS captures (FramesMatchTsharkTest has every
 * row); on curl's AUTH SSL ones tshark does not decrypt, and the rows below are ftpscope's alone.
 */
class FtpsFramesTest {
    static Analysis analyze(String name, boolean keys) throws Exception {
        var pcap = TestCaptures.sample(name + ".pcap");
        return keys ? Analyzer.analyzeWithKeyLog(pcap, KeyLog.read(TestCaptures.sample(name + ".keys"))) : Analyzer.analyze(pcap);
    }

    static String row(FrameViews v, int frame) {
        FrameSummary s = v.summary(frame);
        return s.protocol() + " | " + s.info();
    }

    @Test
    void chachaWithKeysShowsTheFtpInsideTls() throws Exception {
        try (Analysis a = analyze("ftps-tls12-chacha", true)) {
            FrameViews v = new FrameViews(a);
            assertEquals("FTP | Request: AUTH TLS", row(v, 23));
            assertEquals("TLSv1.2 | Client Hello", row(v, 26));
            assertEquals("TLSv1.2 | Certificate, Server Key Exchange, Certificate Request, Server Hello Done", row(v, 28));
            assertEquals("TLSv1.2 | New Session Ticket, Change Cipher Spec, Finished", row(v, 32));
            assertEquals("FTP | Request: USER ftpuser", row(v, 33));
            assertEquals("FTP | Response: 230 Login successful.", row(v, 37));
            assertEquals("FTP | Response: 227 Entering Passive Mode (198,51,100,21,156,129).", row(v, 48));
            // The LIST's data connection: its own handshake, 422 decrypted bytes, close_notify both ways.
            assertEquals("TLSv1.2 | Client Hello", row(v, 54));
            assertEquals("FTP-DATA | FTP Data: 422 bytes (PASV) (LIST)", row(v, 59));
            assertEquals("TLSv1.2 | Alert (Level: Warning, Description: Close Notify)", row(v, 60));
            assertEquals("FTP-DATA | FTP Data: 900 bytes (PASV) (RETR pub/readme.txt)", row(v, 100));
        }
    }

    @Test
    void chachaWithoutKeysNamesTheRecords() throws Exception {
        try (Analysis a = analyze("ftps-tls12-chacha", false)) {
            FrameViews v = new FrameViews(a);
            assertEquals("TLSv1.2 | Certificate, Client Key Exchange, Change Cipher Spec, Encrypted Handshake Message", row(v, 31));
            assertEquals("TLSv1.2 | Application Data", row(v, 33));
            assertEquals("TLSv1.2 | Encrypted Alert", row(v, 60));
        }
    }

    /** curl sends AUTH SSL, after which tshark 4.0 reads the records as FTP text; ftpscope follows TLS. */
    @Test
    void curlAuthSslDecryptsWhereTsharkDoesNot() throws Exception {
        try (Analysis a = analyze("ftps-tls12-gcm", true)) {
            FrameViews v = new FrameViews(a);
            assertEquals("FTP | Request: AUTH SSL", row(v, 8));
            assertEquals("TLSv1 | Client Hello", row(v, 11));
            assertEquals("FTP | Request: USER ftpuser", row(v, 17));
            assertEquals("FTP | Request: PASS ftpsecret", row(v, 19));
            assertEquals("FTP-DATA | FTP Data: 16384 bytes (EPSV) (RETR notes-48k.txt)", row(v, 92));
            // A record over many segments: the segment that begins it, then the ones inside it.
            assertEquals("TCP | [TCP segment of a reassembled PDU]", row(v, 93));
            assertTrue(row(v, 94).endsWith(" Len=1448 TSval=565130652 TSecr=73253801 [TCP segment of a reassembled PDU]"), row(v, 94));
        }
    }

    @Test
    void tls13WithKeysNamesTheDecryptedHandshake() throws Exception {
        try (Analysis a = analyze("ftps-tls13", true)) {
            FrameViews v = new FrameViews(a);
            assertEquals("TLSv1.3 | Hello Retry Request, Change Cipher Spec", row(v, 51));
            assertEquals("TLSv1.3 | Change Cipher Spec, Client Hello", row(v, 53));
            assertEquals("TLSv1.3 | Server Hello, Encrypted Extensions, Finished", row(v, 55));
            assertEquals("TLSv1.3 | New Session Ticket", row(v, 57));
            assertEquals("FTP-DATA | FTP Data: 900 bytes (EPSV) (RETR readme.txt)", row(v, 58));
            assertEquals("TLSv1.3 | Server Hello, Change Cipher Spec, Encrypted Extensions, Certificate Request", row(v, 166));
            // The client's Certificate and Finished and the USER line came in one frame: FTP names it.
            assertEquals("FTP | Request: USER ftpuser", row(v, 172));
            assertEquals("FTP-DATA | FTP Data: 512 bytes (PASV) (RETR pub/small.bin)", row(v, 211));
        }
        try (Analysis a = analyze("ftps-tls13", false)) {
            FrameViews v = new FrameViews(a);
            assertEquals("TLSv1.3 | Server Hello, Application Data, Application Data", row(v, 55));
            assertEquals("TLSv1.3 | Application Data, Application Data, Application Data", row(v, 172));
        }
    }

    /** Implicit FTPS: TLS from the first byte on port 990; tshark 4.0 gives the decrypted records to no FTP dissector. */
    @Test
    void implicitFtpsWithKeys() throws Exception {
        try (Analysis a = analyze("ftps-implicit", true)) {
            FrameViews v = new FrameViews(a);
            assertEquals("TLSv1 | Client Hello", row(v, 6), "the first bytes on port 990");
            assertEquals("FTP | Response: 220 ftpscope test server (vsftpd) ready.", row(v, 14));
            assertEquals("FTP | Request: USER ftpuser", row(v, 16));
            assertEquals("FTP | Request: PROT P", row(v, 24));
            assertEquals("FTP | Response: 257 \"/\" is the current directory", row(v, 27));
        }
    }

    /** The detail tree: the record covers its bytes in the frame; the decrypted FTP under it covers none. */
    @Test
    void treeOfADecryptedCommand() throws Exception {
        try (Analysis a = analyze("ftps-tls12-chacha", true)) {
            FrameViews v = new FrameViews(a);
            FrameViews.Decoded d = v.decode(33);
            DetailNode tree = v.tree(d);
            DetailNode tls = child(tree, "Transport Layer Security");
            DetailNode record = tls.children().get(0);
            assertEquals("TLSv1.2 Record Layer: Application Data Protocol: File Transfer Protocol (FTP)", record.label());
            assertEquals(d.info().payloadOffset, record.offset());
            assertEquals(35, record.length(), "5-byte header and 30 bytes: USER ftpuser\\r\\n and the Poly1305 tag");
            assertEquals(List.of("Content Type: Application Data (23)", "Version: TLS 1.2 (0x0303)", "Length: 30",
                    "Encrypted Application Data (30 bytes)", "[Decrypted with the key log: 14 bytes of application data]",
                    "[Application Data Protocol: File Transfer Protocol (FTP)]"),
                    record.children().stream().map(DetailNode::label).toList());
            DetailNode ftp = child(tree, "File Transfer Protocol (FTP)");
            assertEquals("USER ftpuser\\r\\n", ftp.children().get(0).label());
            assertEquals("USER", tree.find("ftp.request.command").value());
            assertEquals("ftpuser", tree.find("ftp.request.arg").value());
            assertEquals(-1, tree.find("ftp.request.command").offset(), "decrypted bytes are not the frame's");
            assertTrue(tree.find("frame.protocols").value().endsWith(":tcp:ftp"), tree.find("frame.protocols").value());
        }
    }

    /** After CCC (ProFTPD, curl --ftp-ssl-ccc) the control channel is cleartext again: FTP rows and FTP in the tree. */
    @Test
    void cleartextAfterCcc() throws Exception {
        for (boolean keys : new boolean[] {false, true}) {
            try (Analysis a = analyze("ftps-ccc", keys)) {
                FrameViews v = new FrameViews(a);
                assertEquals(keys ? "TLSv1.2 | Alert (Level: Warning, Description: Close Notify)" : "TLSv1.2 | Encrypted Alert",
                        row(v, 29), "the close_notify before CCC's cleartext");
                assertEquals("FTP | Request: PWD", row(v, 31));
                assertEquals("FTP | Response: 229 Entering Extended Passive Mode (|||40284|)", row(v, 36));
                DetailNode tree = v.tree(31);
                assertEquals("PWD", tree.find("ftp.request.command").value());
                assertTrue(tree.find("ftp.request.command").offset() > 0, "cleartext: the frame's own bytes");
                assertNull(find(tree, "Transport Layer Security"));
                // The data connection stays PROT P: its records are TLS.
                assertEquals("TLSv1 | Client Hello", row(v, 40));
            }
        }
    }

    /** ftp.request.command matches decrypted frames as tshark's does (its frames for lftp's AUTH TLS: 93). */
    @Test
    void filterOnDecryptedCommands() throws Exception {
        DisplayFilter f = ((DisplayFilter.Result.Compiled) DisplayFilter.compile("ftp.request.command == \"RETR\"")).filter();
        try (Analysis a = analyze("ftps-tls12-chacha", true)) {
            assertArrayEquals(new int[] {93}, AnalysisFields.matching(a, f));
        }
        try (Analysis a = analyze("ftps-tls12-chacha", false)) {
            assertArrayEquals(new int[0], AnalysisFields.matching(a, f), "encrypted without keys");
        }
        try (Analysis a = analyze("ftps-tls12-gcm", true)) {
            assertArrayEquals(new int[] {71, 234}, AnalysisFields.matching(a, f), "curl's AUTH SSL, which tshark does not decrypt");
        }
        try (Analysis a = analyze("ftps-tls13", true)) {
            // tshark finds 199 (lftp); 48 is curl's (AUTH SSL) RETR readme.txt.
            assertArrayEquals(new int[] {48, 199}, AnalysisFields.matching(a, f));
        }
        DisplayFilter data = ((DisplayFilter.Result.Compiled) DisplayFilter.compile("ftp-data.command == \"RETR pub/readme.txt\"")).filter();
        try (Analysis a = analyze("ftps-tls12-chacha", true)) {
            assertArrayEquals(new int[] {100}, AnalysisFields.matching(a, data));
        }
    }

    private static DetailNode child(DetailNode n, String label) {
        DetailNode c = find(n, label);
        assertNotNull(c, label + " in " + n.toIndentedText());
        return c;
    }

    private static DetailNode find(DetailNode n, String label) {
        for (DetailNode c : n.children()) if (c.label().equals(label)) return c;
        return null;
    }
}

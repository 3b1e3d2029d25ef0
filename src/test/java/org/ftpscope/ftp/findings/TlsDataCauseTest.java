package org.ftpscope.ftp.findings;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.ftp.model.Shortfall;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.tls.KeyLog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why PROT P data was not decrypted, on captures from samples/derive-extract.sh: a segment the
 * capture lost is named as the cause (the key log opened the records before it); the key log is
 * blamed only when its key does not fit.
 */
class TlsDataCauseTest {
    private static Analysis analyze(String capture, String keys) throws Exception {
        return Analyzer.analyzeWithKeyLog(TestCaptures.sample(capture), KeyLog.read(TestCaptures.sample(keys)));
    }

    private static List<Finding> of(Analysis a, FindingKind k) {
        return a.findings().stream().filter(f -> f.kind() == k).toList();
    }

    private static Transfer retr(Analysis a) {
        Transfer t = a.sessions().get(0).transfers().get(1);
        assertEquals("/pub/notes-48k.txt", t.path());
        return t;
    }

    @Test
    void aLostSegmentIsTheCauseNotTheKeyLog() throws Exception {
        try (Analysis a = analyze("derived/ftps-gcm-lost-frame-80.pcap", "ftps-tls12-gcm.keys")) {
            assertEquals(List.of(), of(a, FindingKind.TLS_DATA_NOT_DECRYPTED), "the key log opened this connection");
            List<Finding> lost = of(a, FindingKind.TLS_DATA_BYTES_MISSING);
            assertEquals(1, lost.size());
            Finding f = lost.get(0);
            assertEquals(80, f.frame(), "the first frame after the hole (original frame 81)");
            assertEquals(List.of(83), f.frames(), "the client's ACK that shows the hole");
            assertEquals("RETR notes-48k.txt: 0 of 48000 bytes decrypted; 1448 bytes are missing from the capture (the first hole "
                    + "noticed at frame 83); the receiver's ACK in frame 118 covers them, so they crossed the network and only the "
                    + "capture lost them; 43774 bytes of TLS records (from frame 80) were not decrypted: decryption stopped at the "
                    + "1448 bytes missing from the capture (the hole noticed at frame 83): TLS record boundaries after a hole are "
                    + "unknown, so the record it fell in (from frame 78, 2896 bytes of it before the hole) and every later one "
                    + "cannot be opened; the key log is not the cause: its key opened 1 protected record of this direction before "
                    + "the hole; the file's bytes from the hole on are not known.", f.message());
            Transfer t = retr(a);
            assertEquals(List.of(Shortfall.Cause.LOST_IN_CAPTURE, Shortfall.Cause.TLS_RECORDS_LOST),
                    t.shortfalls().stream().map(Shortfall::cause).toList());
            assertEquals(43774, t.shortfalls().get(1).bytes());
            assertFalse(t.outcomeEvidence().contains("the key log has no key"), t.outcomeEvidence());
            // The other transfers decrypt as in the whole capture.
            assertEquals("19fa352ce0d0949f8c22ffbadf75eeabb7394bf0ff55c184e400736fb7242aaa", a.sessions().get(0).transfers().get(0).sha256());
        }
    }

    @Test
    void aLostSegmentAtARecordBoundaryKeepsTheRecordsBefore() throws Exception {
        try (Analysis a = analyze("derived/tls-lost-frame-100.pcap", "auth-tls.keys")) {
            Finding f = of(a, FindingKind.TLS_DATA_BYTES_MISSING).get(0);
            assertTrue(f.message().startsWith("RETR notes-48k.txt: 16384 of 48000 bytes decrypted; 1448 bytes are missing"), f.message());
            assertTrue(f.message().contains("so no later record can be opened; the key log is not the cause: its key opened 4 "
                    + "protected records of this direction before the hole"), f.message());
            assertEquals(List.of(), of(a, FindingKind.TLS_DATA_NOT_DECRYPTED));
        }
    }

    @Test
    void aKeyThatDoesNotFitIsStillTheKeyLogsFault() throws Exception {
        try (Analysis a = analyze("ftps-tls12-gcm.pcap", "derived/ftps-gcm-wrong-data-key.keys")) {
            assertEquals(List.of(), of(a, FindingKind.TLS_DATA_BYTES_MISSING));
            Finding f = of(a, FindingKind.TLS_DATA_NOT_DECRYPTED).get(0);
            assertEquals("RETR notes-48k.txt: 48259 bytes of TLS records (from frame 74) were not decrypted: frame 74: authentication "
                    + "tag does not match (record 0 of this key); the key log's secret does not fit this connection (or the record "
                    + "is damaged); the file's bytes are not known.", f.message());
            assertEquals(List.of(Shortfall.Cause.NOT_DECRYPTED), retr(a).shortfalls().stream().map(Shortfall::cause).toList());
        }
        // Both at once: the key failed before the hole, so the key log is the cause (the hole is a shortfall of its own).
        try (Analysis a = analyze("derived/ftps-gcm-lost-frame-80.pcap", "derived/ftps-gcm-wrong-data-key.keys")) {
            assertEquals(List.of(), of(a, FindingKind.TLS_DATA_BYTES_MISSING));
            assertEquals(List.of(74), of(a, FindingKind.TLS_DATA_NOT_DECRYPTED).stream().map(Finding::frame).toList());
            assertEquals(List.of(Shortfall.Cause.LOST_IN_CAPTURE, Shortfall.Cause.NOT_DECRYPTED),
                    retr(a).shortfalls().stream().map(Shortfall::cause).toList());
        }
    }
}

package org.ftpscope.ftp.session;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.cli.Cli;
import org.ftpscope.ftp.findings.FindingKind;
import org.ftpscope.ftp.model.DataState;
import org.ftpscope.ftp.model.Outcome;
import org.ftpscope.ftp.model.Shortfall;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.present.StoryLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A data connection whose start is not in the capture (samples/derive-start.sh): its bytes are not
 * called complete unless the capture shows where the sender's data began (its SYN, the SYN-ACK's
 * acknowledgment of a lost SYN, the peer's ACK sent before the transfer command) or the announced
 * size shows every byte is there. True sizes: samples/transfers.tsv.
 */
class StreamStartTest {
    static final String UP_20K = "b3f6cfc32bde5516114301dfe5a4a1fcd03e92b2f1a217094f16309a4ef33335";
    static final String LIST = "19fa352ce0d0949f8c22ffbadf75eeabb7394bf0ff55c184e400736fb7242aaa";

    static Path derived(String name) {
        Path p = Path.of("samples", "derived", name);
        assumeTrue(Files.isRegularFile(p), "samples/derived/" + name + " is missing (run samples/derive-start.sh)");
        return p;
    }

    static List<Transfer> transfers(Analysis a) {
        return a.sessions().stream().flatMap(s -> s.transfers().stream()).toList();
    }

    static Transfer transfer(Analysis a, String command) {
        return transfers(a).stream().filter(t -> t.command().equals(command)).findFirst().orElseThrow();
    }

    record Run(int code, String out, String err) {}

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aStreamWithoutItsHandshakeAndFirstSegmentIsNotComplete(@TempDir Path dir) throws Exception {
        // editcap pasv-curl.pcap 125-127 132: STOR up-20k.bin's handshake and first 1448 bytes lost.
        Path capture = derived("pasv-curl-stor-start-lost.pcap");
        try (Analysis a = Analyzer.analyze(capture)) {
            Transfer stor = transfer(a, "STOR");
            assertEquals(18552, stor.bytes());
            assertEquals("9747b5344d36d8fd71861842dc28396089f09bd09fd0ac547d38ce951402ba10", stor.sha256());
            assertEquals(0, stor.gapBytes());
            assertFalse(stor.complete());
            assertEquals(Outcome.OK, stor.outcome()); // the server's 226 stands, as the server's word
            assertEquals(1, stor.shortfalls().size());
            Shortfall s = stor.shortfalls().get(0);
            assertEquals(Shortfall.Cause.START_NOT_CAPTURED, s.cause());
            assertEquals(130, s.frame());
            assertEquals(-1, s.bytes());
            assertEquals("the start of the data connection is not in the capture: no SYN from the sender 192.0.2.10:52844,"
                    + " nor anything else that shows where its data began, so bytes it sent before frame 130 may be missing:"
                    + " at least 18552 bytes were sent, and the SHA-256 is of the captured bytes only", s.text());
            assertTrue(stor.outcomeEvidence().startsWith("server reply 226; data connection tcp.stream 4; the server claimed success,"
                    + " but the start of the data connection is not in the capture"), stor.outcomeEvidence());
            assertTrue(a.findings().stream().anyMatch(f -> f.kind() == FindingKind.TRANSFER_INCOMPLETE && f.frame() == 159
                    && f.message().startsWith("STOR up-20k.bin: 18552 bytes are in the capture: the start of the data connection")));
            // The other two transfers kept their handshakes.
            assertTrue(transfer(a, "LIST").complete());
            assertTrue(transfer(a, "RETR").complete());
            String story = String.join("\n", StoryLine.of(a.sessions().get(1), a.findings()).stream().map(StoryLine::text).toList());
            assertTrue(story.contains("⇢ data connection 192.0.2.10:52844 → 198.51.100.21:40076: established (its SYN-ACK is not"
                    + " in the capture)"), story);
        }
        Path md = dir.resolve("r.md");
        assertEquals(0, cli("report", capture.toString(), "--out", md.toString(), "--format", "md").code());
        assertTrue(Files.readString(md).contains("| 18552 (incomplete) | 9747b5344d36d8fd71861842dc28396089f09bd09fd0ac547d38ce951402ba10 |"));
        Path json = dir.resolve("r.json");
        assertEquals(0, cli("report", capture.toString(), "--out", json.toString(), "--format", "json").code());
        String j = Files.readString(json);
        assertTrue(j.contains("\"reason\": \"start-not-captured\""), j);
        Run x = cli("extract", capture.toString(), dir.resolve("files").toString());
        assertEquals(0, x.code(), x.err());
        assertTrue(x.out().contains(dir.resolve("files").resolve("up-20k.bin") + "\t18552\t0\t9747b5344d36d8fd71861842dc28396089f09bd09fd0ac547d38ce951402ba10"), x.out());
        assertTrue(x.err().contains("ftpscope extract: incomplete: " + dir.resolve("files").resolve("up-20k.bin") + ": session 1 STOR"
                + " /upload/up-20k.bin (command frame 127, data tcp.stream 4): 18552 bytes written: the start of the data connection"
                + " is not in the capture"), x.err());
        assertTrue(x.err().contains("ftpscope extract: 2 of 3 transfers written (1 incomplete)"), x.err());
    }

    @Test
    void theSynAckShowsWhereTheConnectingSideBegan() throws Exception {
        // editcap pasv-curl.pcap 125: only the STOR's SYN lost; the SYN-ACK (now frame 125) acknowledges ISN + 1.
        try (Analysis a = Analyzer.analyze(derived("pasv-curl-stor-syn-lost.pcap"))) {
            Transfer stor = transfer(a, "STOR");
            assertEquals(20000, stor.bytes());
            assertEquals(UP_20K, stor.sha256());
            assertTrue(stor.complete(), stor.shortfalls().toString());
            assertEquals("server reply 226; data connection tcp.stream 4; the start of the data connection is not in the capture:"
                    + " the SYN-ACK in frame 125 shows that the sender 192.0.2.10:52844's data began with the first captured segment",
                    stor.outcomeEvidence());
        }
    }

    @Test
    void thePeersAckBeforeTheCommandShowsWhereTheAcceptorBegan() throws Exception {
        // editcap pasv-curl.pcap 22: the LIST's SYN-ACK lost; the client's ACK (now 22) came before LIST (now 25).
        try (Analysis a = Analyzer.analyze(derived("pasv-curl-list-synack-lost.pcap"))) {
            Transfer list = transfer(a, "LIST");
            // Answered though its SYN-ACK is not in the capture: the client acknowledged the server.
            assertEquals(DataState.TRANSFERRED, list.data().state());
            assertEquals(422, list.bytes());
            assertEquals(LIST, list.sha256());
            assertTrue(list.complete(), list.shortfalls().toString());
            assertEquals("server reply 226; data connection tcp.stream 1; the start of the data connection is not in the capture:"
                    + " the peer's ACK in frame 22, sent before the transfer command (frame 25) and so before any data, shows that"
                    + " the sender 198.51.100.21:40029's data began with the first captured segment", list.outcomeEvidence());
            assertTrue(a.findings().stream().noneMatch(f -> f.kind() == FindingKind.DATA_CONNECTION_BLOCKED), a.findings().toString());
        }
    }

    @Test
    void howManyBytesAreMissingBeforeTheFirstCapturedSegment() throws Exception {
        // editcap pasv-curl.pcap 37 38 46: RETR's SYN, SYN-ACK and first data segment lost; the client's ACK
        // (39, now 37) before RETR (now 42) gives the server's ISN + 1.
        try (Analysis a = Analyzer.analyze(derived("pasv-curl-retr-first-segment-lost.pcap"))) {
            Transfer retr = transfer(a, "RETR");
            assertEquals(46552, retr.bytes());
            assertEquals(48000, retr.expectedBytes());
            assertEquals("06a9b5475ebb44e4e511f4b4b6cb05562e0ae12a29322de93e79a05af886aafd", retr.sha256());
            assertFalse(retr.complete());
            Shortfall s = retr.shortfalls().get(0);
            assertEquals(Shortfall.Cause.START_NOT_CAPTURED, s.cause());
            assertEquals(44, s.frame());
            assertEquals(1448, s.bytes());
            assertEquals("the start of the data connection is not in the capture: the peer's ACK in frame 37, sent before the"
                    + " transfer command (frame 42) and so before any data, shows that the sender 198.51.100.21:40070's data began"
                    + " 1448 bytes before frame 44, so those bytes are missing and the SHA-256 is of the captured bytes only", s.text());
        }
    }

    @Test
    void theAnnouncedSizeShowsEveryByteIsThere() throws Exception {
        // editcap pasv-curl.pcap 37-39: no frame shows where the RETR's data began, but 48000 bytes were announced.
        try (Analysis a = Analyzer.analyze(derived("pasv-curl-retr-handshake-lost.pcap"))) {
            Transfer retr = transfer(a, "RETR");
            assertEquals(48000, retr.bytes());
            assertEquals("9212e46ee8ac927bd5db5dbeee203ac8fc150f9af2ee5fb26557cd9ae01223cf", retr.sha256());
            assertTrue(retr.complete(), retr.shortfalls().toString());
            assertEquals("server reply 226; data connection tcp.stream 2; the start of the data connection is not in the capture,"
                    + " but its bytes from the first captured segment on are the 48000 announced", retr.outcomeEvidence());
        }
    }

    @Test
    void aStreamCapturedFromTheMiddleOfItsDataIsNotComplete() throws Exception {
        // editcap -r pasv-curl.pcap 1-36 40-45 60-169: RETR's connection from the middle of its data (control kept).
        try (Analysis a = Analyzer.analyze(derived("pasv-curl-retr-from-mid-data.pcap"))) {
            Transfer retr = transfer(a, "RETR");
            assertEquals(34968, retr.bytes());
            assertEquals("805720ee1bde930a2bd0e8da75e59ccca67774540e61e6a16baba3c8d144dc01", retr.sha256());
            assertFalse(retr.complete());
            assertEquals(List.of(Shortfall.Cause.START_NOT_CAPTURED), retr.shortfalls().stream().map(Shortfall::cause).toList());
            assertEquals(43, retr.shortfalls().get(0).frame());
            assertTrue(retr.shortfalls().get(0).text().endsWith("bytes it sent before frame 43 may be missing: at least 34968 bytes"
                    + " were sent, and the SHA-256 is of the captured bytes only"), retr.shortfalls().get(0).text());
            assertEquals(UP_20K, transfer(a, "STOR").sha256());
            assertTrue(transfer(a, "STOR").complete());
        }
    }
}

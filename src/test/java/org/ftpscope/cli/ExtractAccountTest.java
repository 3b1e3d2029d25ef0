package org.ftpscope.cli;

import org.ftpscope.TestCaptures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code extract} accounts for every transfer: a line for each one it did not write (why) and for
 * each file it wrote incomplete, the snaplen when it cut frames, and a total. On captures derived
 * by the derive-*.sh scripts (samples/derive-extract.sh lists the ones used here).
 */
class ExtractAccountTest {
    private static final String HEADER = "file\tbytes\tmissing_bytes\tsha256\tsession\tcommand\tftp_path";

    private static List<String> errLines(CliTest.Run r) {
        return r.err().lines().filter(l -> l.startsWith("ftpscope extract: ")).toList();
    }

    private static String path(String sample) { return TestCaptures.sample(sample).toString(); }

    @Test
    void aTransferWhoseBytesAreMissingIsNamedNotLeftOut(@TempDir Path dir) throws Exception {
        CliTest.Run r = CliTest.run("extract", "--tls-keylog", path("ftps-tls12-cbc.keys"),
                path("derived/ftps-cbc-lost-frame-125.pcap"), dir.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of(HEADER,
                dir.resolve("small.bin") + "\t512\t0\td4adc60d1bef7b660cdff7e2ca1d30da93521244975ed51c0c109347e1480831\t0\tRETR\t/pub/small.bin",
                dir.resolve("readme.txt") + "\t900\t0\t293ee650ec4b84ae8d93945538f9020ecddf31deb3a18b7c31f0f883511a6627\t2\tRETR\tpub/readme.txt"),
                r.lines());
        assertEquals(List.of(
                "ftpscope extract: 2 TLS-protected (PROT P) transfer(s) written decrypted with the key log; their missing_bytes count"
                        + " TCP bytes (ciphertext) missing from the capture",
                "ftpscope extract: not written: session 1 RETR /pub/notes-48k.txt (command frame 105, data tcp.stream 3): bytes missing"
                        + " from the capture: 32348 bytes of TLS records (from frame 125) were not decrypted: decryption stopped at the"
                        + " 1448 bytes missing from the capture (the hole noticed at frame 134): TLS record boundaries after a hole are"
                        + " unknown, so the record it fell in (from frame 112, 14480 bytes of it before the hole) and every later one"
                        + " cannot be opened; the key log is not the cause: its key opened 1 protected record of this direction before"
                        + " the hole; the file's bytes from the hole on are not known",
                "ftpscope extract: 2 of 3 transfers written; 1 not written: 1 with bytes missing from the capture"), errLines(r));
        assertTrue(Files.notExists(dir.resolve("notes-48k.txt")));
    }

    @Test
    void aCaptureOfOneDirectionIsNotAnEmptyOrMissingConnection(@TempDir Path dir) {
        // samples/derive-oneway.sh: the data connections hold only the client's segments; the downloads'
        // bytes are not "no data bytes", they are not in the capture.
        CliTest.Run r = CliTest.run("extract", path("derived/pasv-curl-data-client-only.pcap"), dir.resolve("a").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of(
                "ftpscope extract: not written: session 0 LIST /pub (command frame 25, data tcp.stream 1): one direction not in"
                        + " the capture: the capture holds only the receiver 192.0.2.10:37864's side of tcp.stream 1, no segment"
                        + " from the sender 198.51.100.21:40029, so what it sent is not known; the server replied 226 Directory send OK.",
                "ftpscope extract: not written: session 0 RETR /pub/notes-48k.txt (command frame 39, data tcp.stream 2): one"
                        + " direction not in the capture: the capture holds only the receiver 192.0.2.10:56974's side of tcp.stream 2,"
                        + " no segment from the sender 198.51.100.21:40070, so what it sent is not known; the server replied 226"
                        + " Transfer complete.",
                "ftpscope extract: 1 of 3 transfers written; 2 not written: 2 with one direction not in the capture"), errLines(r));
        // Only the client's side of everything: which connection carried a transfer is not known.
        r = CliTest.run("extract", path("derived/pasv-curl-client-only.pcap"), dir.resolve("b").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("ftpscope extract: not written: session 0 LIST (command frame 12): one direction not in the capture: the"
                + " capture holds only the client's side of the control connection (tcp.stream 0), no segment from the server"
                + " 198.51.100.21:21: no reply is in it, so which connection, if any, carried the transfer is not known; no final"
                + " reply is in the capture", errLines(r).get(0));
        assertEquals("ftpscope extract: 0 of 3 transfers written; 3 not written: 3 with one direction not in the capture",
                errLines(r).get(3));
    }

    @Test
    void dataConnectionsNotInTheCaptureAreNamedWithTheirSetup(@TempDir Path dir) {
        CliTest.Run r = CliTest.run("extract", path("derived/pasv-curl-some-data-missing.pcap"), dir.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.lines().size(), r.out());
        assertTrue(r.lines().get(1).startsWith(dir.resolve("notes-48k.txt") + "\t48000\t0\t"), r.out());
        assertEquals(List.of(
                "ftpscope extract: not written: session 0 LIST /pub (command frame 23): data connection not in the capture: the data"
                        + " channel set up in frame 20 (198.51.100.21:40029) is not in the capture; the server replied 226 Directory"
                        + " send OK. (by the server's account the transfer took place)",
                "ftpscope extract: not written: session 1 STOR /upload/up-20k.bin (command frame 119): data connection not in the"
                        + " capture: the data channel set up in frame 116 (198.51.100.21:40076) is not in the capture; the server"
                        + " replied 226 Transfer complete. (by the server's account the transfer took place)",
                "ftpscope extract: 1 of 3 transfers written; 2 not written: 2 with their data connection not in the capture"),
                errLines(r));
    }

    @Test
    void aFileWrittenWithAHoleSaysSo(@TempDir Path dir) {
        CliTest.Run r = CliTest.run("extract", path("derived/pasv-curl-lost-data-segment.pcap"), dir.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(dir.resolve("notes-48k.txt")
                + "\t46552\t1448\t4cc76bddcafde7243ad4b98d66c7c7ca81a2e02e2c1d6416b4bbc38b16ecd4f9\t0\tRETR\t/pub/notes-48k.txt", r.lines().get(1));
        assertEquals(List.of(
                "ftpscope extract: incomplete: " + dir.resolve("notes-48k.txt") + ": session 0 RETR /pub/notes-48k.txt (command frame"
                        + " 44, data tcp.stream 2): 46552 of the 48000 announced bytes written from the capture, the 1448 missing as"
                        + " zeros (every other byte at its offset): 1448 bytes are missing from the capture (the first hole noticed at"
                        + " frame 52); the receiver's ACK in frame 97 covers them, so they crossed the network and only the capture"
                        + " lost them",
                "ftpscope extract: not written: session 0 LIST /pub (command frame 26, data tcp.stream 1): directory listing: 422"
                        + " bytes; --listings writes it",
                "ftpscope extract: 2 of 3 transfers written (1 incomplete); 1 not written: 1 directory listing (--listings writes it)"),
                errLines(r));
        // With --listings the listing is written and nothing is left unaccounted.
        CliTest.Run all = CliTest.run("extract", "--listings", path("derived/pasv-curl-lost-data-segment.pcap"), dir.resolve("all").toString());
        assertEquals("ftpscope extract: 3 of 3 transfers written (1 incomplete)", errLines(all).get(errLines(all).size() - 1));
    }

    @Test
    void encryptedTransfersWithoutAKeyLogAreNamed(@TempDir Path dir) {
        CliTest.Run r = CliTest.run("extract", path("ftps-ccc.pcap"), dir.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of(HEADER), r.lines());
        assertEquals(List.of(
                "ftpscope extract: not written: session 0 LIST /pub (command frame 44, data tcp.stream 1): encrypted (PROT P), not"
                        + " decrypted: 617 bytes of TLS records (from frame 46) were not decrypted: the data connection is TLS-protected"
                        + " (PROT P) and no key log was given (--tls-keylog); the file's bytes are not known",
                "ftpscope extract: not written: session 0 RETR /pub/readme.txt (command frame 71, data tcp.stream 2): encrypted (PROT"
                        + " P), not decrypted: 1101 bytes of TLS records (from frame 74) were not decrypted: the data connection is"
                        + " TLS-protected (PROT P) and no key log was given (--tls-keylog); the file's bytes are not known",
                "ftpscope extract: 0 of 2 transfers written; 2 not written: 2 encrypted (PROT P), not decrypted"), errLines(r));
    }

    @Test
    void refusedAndNeverEstablishedTransfersAreNamed(@TempDir Path dir) {
        CliTest.Run r = CliTest.run("extract", path("bounce-port.pcap"), dir.toString());
        assertEquals(List.of(
                "ftpscope extract: not written: session 0 RETR pub/readme.txt (command frame 15): refused by the server: the server"
                        + " replied 425 Use PORT or PASV first. and no data connection is in the capture: no data moved",
                "ftpscope extract: not written: session 0 LIST pub (command frame 31, data tcp.stream 1): directory listing: 422"
                        + " bytes; --listings writes it",
                "ftpscope extract: 0 of 2 transfers written; 2 not written: 1 directory listing (--listings writes it), 1 refused"
                        + " by the server"), errLines(r));
        CliTest.Run h = CliTest.run("extract", path("pasv-hijack.pcap"), dir.resolve("h").toString());
        assertEquals(List.of(
                "ftpscope extract: not written: session 0 RETR pub/readme.txt (command frame 21, data tcp.stream 2): data connection"
                        + " never established: refused with a reset in frame 32; the server replied 226 Transfer complete.",
                "ftpscope extract: 0 of 1 transfer written; 1 not written: 1 whose data connection was never established"), errLines(h));
    }

    @Test
    void aSnaplenCutCaptureSaysWhereAndHowManyTransfersItTouched(@TempDir Path dir) {
        // editcap -s 96 long-session.pcap (derive-control.sh)
        CliTest.Run r = CliTest.run("extract", path("derived/long-session-s96.pcap"), dir.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(11, r.lines().size(), "ten files written, each with the 30 bytes a 96-byte frame keeps of a segment at its offset, zeros for the rest");
        assertTrue(r.lines().contains(dir.resolve("notes-48k.txt")
                + "\t1020\t46980\tc5c7398ba659357ae36aaefcad1bda371e8d2c94574ee2209fa7ae02b4bacf3e\t0\tRETR\t/pub/notes-48k.txt"), r.out());
        List<String> e = errLines(r);
        assertTrue(e.contains("ftpscope extract: incomplete: " + dir.resolve("notes-48k.txt") + ": session 0 RETR /pub/notes-48k.txt"
                + " (command frame 119, data tcp.stream 6): 1020 bytes written from the capture, the 46980 missing as zeros"
                + " (every other byte at its offset): the capture's snapshot length cut the data frames: 46980 bytes are not in the"
                + " capture"), r.err());
        assertEquals(List.of(
                "ftpscope extract: the capture's frames were cut at 96 bytes (the cut frames' captured length; the file header's"
                        + " snaplen is 262144; 188 of 496 frames cut, the first frame 4): 13 of 14 transfers are affected: 10 written"
                        + " with only the bytes the cut frames kept, at their offsets, the rest zeros (missing_bytes counts them); 3 not written:"
                        + " directory listings (--listings writes them)",
                "ftpscope extract: 10 of 14 transfers written (10 incomplete); 4 not written: 3 directory listings (--listings"
                        + " writes them), 1 without data bytes"), e.subList(e.size() - 2, e.size()));
    }

    @Test
    void aSnaplenCutCaptureWithNoTransferLeftSaysSoInsteadOfAnEmptyListing(@TempDir Path dir) {
        // editcap -s 150 ftps-tls12-gcm.pcap (derive-tls.sh): the TLS records are cut, the control channel too.
        CliTest.Run r = CliTest.run("extract", "--tls-keylog", path("ftps-tls12-gcm.keys"), path("derived/ftps-gcm-snaplen-150.pcap"),
                dir.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of(HEADER), r.lines());
        assertEquals(List.of(
                "ftpscope extract: the capture's frames were cut at 150 bytes (the cut frames' captured length; the file header's"
                        + " snaplen is 262144; 63 of 252 frames cut, the first frame 11): no transfer is known in the capture's 3 FTP"
                        + " sessions (3 encrypted with AUTH TLS): with their frames cut, their transfer commands may not be in the"
                        + " capture (ftpscope analyze names what is missing), so no file is written",
                "ftpscope extract: 0 of 0 transfers written"), errLines(r));
        // editcap -s 96 tunnel-6in4.pcap (derive-link.sh): 96 bytes do not reach past the tunnel's headers.
        CliTest.Run t = CliTest.run("extract", path("derived/tunnel-6in4-s96.pcap"), dir.resolve("t").toString());
        assertEquals(List.of(HEADER), t.lines());
        assertEquals("ftpscope extract: the capture's frames were cut at 96 bytes (the cut frames' captured length; the file header's"
                + " snaplen is 262144; 153 of 153 frames cut, the first frame 1): no transfer is known in the capture's 2 FTP sessions:"
                + " with their frames cut, their transfer commands may not be in the capture (ftpscope analyze names what is missing),"
                + " so no file is written", errLines(t).get(0));
        // tcpdump -s 96, where the file header has the snaplen.
        CliTest.Run s = CliTest.run("extract", path("snaplen-96.pcap"), dir.resolve("s").toString());
        assertEquals("ftpscope extract: the capture's frames were cut at 96 bytes (the file header's snaplen; 41 of 88 frames cut,"
                + " the first frame 4): 1 of 1 transfer is affected: 1 written with only the bytes the cut frames kept, at their"
                + " offsets, the rest zeros (missing_bytes counts them)", errLines(s).get(1));
    }

    /**
     * nmap's bounce scan: 200 LISTs, none written. The first 100 are named (tcp.streams 1-100, two of
     * them directory listings), one line counts the other 100 by reason, and the total stays exact.
     */
    @Test
    void pastAHundredTransfersNotWrittenAreCountedByReason(@TempDir Path dir) {
        CliTest.Run r = CliTest.run("extract", path("nmap-bounce-scan.pcap"), dir.toString());
        assertEquals(0, r.code(), r.err());
        List<String> e = errLines(r);
        assertEquals(ExtractAccount.MAX_LISTED + 2, e.size(), r.err());
        assertEquals(100, e.stream().filter(l -> l.startsWith("ftpscope extract: not written: ")).count());
        assertEquals(2, e.stream().filter(l -> l.contains(": directory listing: 61 bytes; --listings writes it")).count());
        assertEquals("ftpscope extract: not written: session 0 LIST (command frame 622, data tcp.stream 100): data connection never"
                + " established: refused with a reset in frame 624; the server replied 425 Failed to establish connection.", e.get(99));
        assertEquals(List.of("ftpscope extract: 100 more transfers not written, not named one by one ("
                        + org.ftpscope.capture.Limit.EXTRACT_LISTED.label() + "): 1 directory listing (--listings writes it), 99 whose"
                        + " data connection was never established",
                "ftpscope extract: 0 of 200 transfers written; 200 not written: 3 directory listings (--listings writes them), 197 whose"
                        + " data connection was never established"), e.subList(100, 102));
    }

    @Test
    void theLinePastTheLimitCountsFilesWrittenIncompleteToo() {
        assertEquals("1 more file written incomplete, not named one by one (limit EXTRACT_LISTED (100 transfers named one by one on"
                + " extract's stderr, of those not written and of those written incomplete)); the missing_bytes column counts what each"
                + " lacks", ExtractAccount.incompleteNotListed(1));
    }

    @Test
    void filesTheFolderRefusesAreCountedAndExitThree(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliTest.Run r = CliTest.run("extract", path("pasv-curl.pcap"), file.resolve("out").toString());
        assertEquals(3, r.code(), r.err());
        List<String> e = errLines(r);
        assertEquals(List.of("ftpscope extract: 0 of 3 transfers written; 3 not written: 1 directory listing (--listings writes it),"
                + " 2 that could not be written", "ftpscope extract: 2 files could not be written"), e.subList(e.size() - 2, e.size()));
    }

    @Test
    void aCompleteCaptureEndsWithTheTotalOnly(@TempDir Path dir) {
        CliTest.Run r = CliTest.run("extract", "--listings", path("pasv-curl.pcap"), dir.toString());
        assertEquals(0, r.code());
        assertEquals(List.of("ftpscope extract: 3 of 3 transfers written"), errLines(r));
    }
}

package org.ftpscope.ui.model;

import org.ftpscope.analysis.Analyzer;
import org.ftpscope.tcp.Direction;
import org.ftpscope.tls.KeyLog;
import org.ftpscope.ui.model.FollowStreamViewModel.Show;
import org.ftpscope.ui.model.FollowStreamViewModel.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Follow window on FTPS (issue 22): with the key log it is Wireshark's Follow TLS Stream, the
 * plaintext in capture order; without it, Follow TCP Stream of the records as they are.
 */
class FollowTlsStreamTest {
    static LoadedCapture load(String name, boolean keys) throws Exception {
        Path pcap = org.ftpscope.TestCaptures.sample(name + ".pcap");
        return new LoadedCapture(keys ? Analyzer.analyzeWithKeyLog(pcap, KeyLog.read(org.ftpscope.TestCaptures.sample(name + ".keys")))
                : Analyzer.analyze(pcap));
    }

    @Test
    void controlChannelDecrypted() throws Exception {
        try (LoadedCapture c = load("ftps-tls12-chacha", true)) {
            FollowStreamViewModel vm = new FollowStreamViewModel();
            vm.follow(c, 0);
            assertEquals("Follow TLS Stream (tcp.stream eq 0) · ftps-tls12-chacha.pcap", vm.titleProperty().get());
            assertEquals("220 ftpscope test server (vsftpd) ready.\r\n", vm.pieces().get(0).text());
            assertEquals(6, vm.pieces().get(0).frame());
            int user = vm.find("USER ftpuser", 0);
            assertEquals(Direction.CLIENT_TO_SERVER, vm.pieces().get(user).direction());
            assertEquals(33, vm.pieces().get(user).frame(), "the frame whose record decrypted to it");
            assertEquals("USER ftpuser\r\n", vm.pieces().get(user).text());
            assertTrue(vm.pieces().stream().noneMatch(p -> p.text().contains("\u0016\u0003")), "no record bytes");
            vm.sideProperty().set(Side.SERVER_TO_CLIENT);
            assertEquals("230 Login successful.\r\n", vm.pieces().get(vm.find("230 ", 0)).text());
            assertTrue(vm.summaryProperty().get().startsWith("198.51.100.21:21 → "), vm.summaryProperty().get());
        }
    }

    /** A PROT P data connection: the file's plaintext; Save as (Raw) writes the file the server sent. */
    @Test
    void dataConnectionSavesThePlaintext(@TempDir Path dir) throws Exception {
        try (LoadedCapture c = load("ftps-tls12-chacha", true)) {
            int stream = c.analysis().tcpFrames().stream(100);
            FollowStreamViewModel vm = new FollowStreamViewModel();
            vm.follow(c, stream);
            vm.sideProperty().set(Side.SERVER_TO_CLIENT);
            vm.showProperty().set(Show.RAW);
            Path out = dir.resolve("readme.txt");
            vm.save(out);
            byte[] b = Files.readAllBytes(out);
            assertEquals(900, b.length);
            assertEquals("293ee650ec4b84ae8d93945538f9020ecddf31deb3a18b7c31f0f883511a6627",
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)));
        }
    }

    @Test
    void withoutKeysItIsTheTcpStream() throws Exception {
        try (LoadedCapture c = load("ftps-tls12-chacha", false)) {
            FollowStreamViewModel vm = new FollowStreamViewModel();
            vm.follow(c, 0);
            assertEquals("Follow TCP Stream (tcp.stream eq 0) · ftps-tls12-chacha.pcap", vm.titleProperty().get());
            assertTrue(vm.find("USER ftpuser", 0) < 0, "encrypted");
        }
    }
}

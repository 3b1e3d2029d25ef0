package org.ftpscope.ui.model;

import javafx.beans.property.SimpleObjectProperty;
import org.ftpscope.tcp.Direction;
import org.ftpscope.ui.model.FollowStreamViewModel.Show;
import org.ftpscope.ui.model.FollowStreamViewModel.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Follow TCP Stream on samples/pasv-curl.pcap; stream 0 is the first control connection
 * ({@code tshark -qz follow,tcp,ascii,0}: 220 greeting of 42 bytes, USER ftpuser, 331 …).
 */
class FollowStreamViewModelTest {

    @Test
    void followsTheControlConnectionInCaptureOrder(@TempDir Path dir) throws Exception {
        try (LoadedCapture c = Samples.load("pasv-curl.pcap")) {
            FollowStreamViewModel vm = new FollowStreamViewModel();
            vm.follow(c, 0);
            assertEquals(0, vm.streamProperty().get());
            assertEquals("Follow TCP Stream (tcp.stream eq 0) · pasv-curl.pcap", vm.titleProperty().get());
            FollowStreamViewModel.Piece first = vm.pieces().get(0);
            assertEquals(Direction.SERVER_TO_CLIENT, first.direction());
            assertEquals(6, first.frame());
            assertEquals("220 ftpscope test server (vsftpd) ready.\r\n", first.text());
            assertEquals(8, vm.pieces().get(1).frame());
            assertEquals("USER ftpuser\r\n", vm.pieces().get(1).text());
            assertEquals(2, vm.find("password", 0));
            vm.sideProperty().set(Side.CLIENT_TO_SERVER);
            assertTrue(vm.pieces().stream().allMatch(p -> p.direction() == Direction.CLIENT_TO_SERVER));
            assertEquals("USER ftpuser\r\n", vm.pieces().get(0).text());
            vm.showProperty().set(Show.HEX_DUMP);
            assertEquals("00000000  55 53 45 52 20 66 74 70  75 73 65 72 0d 0a        USER ftpuser..\n", vm.pieces().get(0).text());
            vm.showProperty().set(Show.RAW);
            assertEquals("5553455220667470757365720d0a\n", vm.pieces().get(0).text());
            Path out = dir.resolve("c2s.bin");
            vm.save(out);
            String sent = Files.readString(out, StandardCharsets.ISO_8859_1);
            assertTrue(sent.startsWith("USER ftpuser\r\nPASS ftpsecret\r\nPWD\r\n"), sent);
        }
    }

    /** Issue 19 item 3: after the capture closes, a toggle must not read the old stream's offsets. */
    @Test
    void aClosedCaptureIsNeverReadAgain(@TempDir Path dir) {
        LoadedCapture c = Samples.load("pasv-curl.pcap");
        FollowStreamViewModel vm = new FollowStreamViewModel();
        vm.follow(c, 0);
        assertFalse(vm.pieces().isEmpty());
        c.close();
        vm.showProperty().set(Show.HEX_DUMP);
        vm.sideProperty().set(Side.SERVER_TO_CLIENT);
        assertTrue(vm.pieces().isEmpty());
        assertThrows(IOException.class, () -> vm.save(dir.resolve("x.txt")));
        assertFalse(Files.exists(dir.resolve("x.txt")));
    }

    /** Bound to the window's capture: when another capture replaces it, the window is emptied at once. */
    @Test
    void anotherCaptureEmptiesTheWindow() {
        SimpleObjectProperty<LoadedCapture> shown = new SimpleObjectProperty<>();
        try (LoadedCapture a = Samples.load("pasv-curl.pcap"); LoadedCapture b = Samples.load("bounce-port.pcap")) {
            shown.set(a);
            FollowStreamViewModel vm = new FollowStreamViewModel(shown);
            vm.follow(a, 3);
            assertFalse(vm.pieces().isEmpty());
            shown.set(b); // b has streams too, at other offsets: none of them may be read for stream 3 of a
            assertEquals(-1, vm.streamProperty().get());
            assertTrue(vm.pieces().isEmpty());
            assertEquals("", vm.titleProperty().get());
            vm.showProperty().set(Show.HEX_DUMP);
            assertTrue(vm.pieces().isEmpty());
            assertEquals(null, vm.capture());
        }
    }
}

package org.ftpscope.ui.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Open Recent, kept in a preferences node held in memory: the user's own list is never read or written. */
class RecentFilesTest {

    @Test
    void oneEntryPerFileNewestFirstAsNormalisedAbsolutePaths() {
        MemoryPreferences node = new MemoryPreferences();
        RecentFiles r = new RecentFiles(node);
        Path pasv = Path.of("samples", "pasv-curl.pcap").toAbsolutePath().normalize();
        Path bounce = Path.of("samples", "bounce-port.pcap").toAbsolutePath().normalize();
        r.remember(Path.of("samples/../samples/pasv-curl.pcap"));
        r.remember(Path.of("samples/bounce-port.pcap"));
        r.remember(Path.of("./samples/pasv-curl.pcap"));
        assertEquals(List.of(pasv, bounce), List.copyOf(r.files()));
        assertEquals(pasv.toString(), node.get("recent.0", null));
        assertEquals(bounce.toString(), node.get("recent.1", null));
        assertNull(node.get("recent.2", null));
        assertThrows(UnsupportedOperationException.class, () -> r.files().clear(), "only remember() changes the list");
    }

    @Test
    void keepsTheLastTenAndReloadsOnlyFilesThatStillExist(@TempDir Path dir) throws Exception {
        MemoryPreferences node = new MemoryPreferences();
        RecentFiles r = new RecentFiles(node);
        for (int i = 0; i < RecentFiles.MAX_RECENT + 2; i++) r.remember(Files.createFile(dir.resolve("c" + i + ".pcap")));
        assertEquals(RecentFiles.MAX_RECENT, r.files().size());
        assertEquals(dir.resolve("c11.pcap"), r.files().get(0));
        assertEquals(dir.resolve("c2.pcap"), r.files().get(RecentFiles.MAX_RECENT - 1));
        assertNull(node.get("recent." + RecentFiles.MAX_RECENT, null));
        Files.delete(dir.resolve("c5.pcap"));
        node.put("recent.9", dir.resolve("sub/../c11.pcap").toString()); // a duplicate written by an older version
        RecentFiles again = new RecentFiles(node);
        assertEquals(8, again.files().size());
        assertEquals(List.of("c11.pcap", "c10.pcap", "c9.pcap", "c8.pcap", "c7.pcap", "c6.pcap", "c4.pcap", "c3.pcap"),
                again.files().stream().map(p -> p.getFileName().toString()).toList());
    }
}

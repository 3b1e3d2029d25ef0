package org.ftpscope.ui.model;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app's TLS key log setting (Wireshark's tls.keylog_file) without a display: kept in the
 * preferences node the test gives (never the user's), applied when a capture opens, and the
 * capture shown analysed again when it changes.
 */
class TlsKeyLogSettingTest {
    private MemoryPreferences prefs;
    private MainViewModel vm;

    @BeforeEach
    void create() {
        prefs = new MemoryPreferences();
        vm = new MainViewModel(TaskExecutor.direct(), new RecentFiles(prefs));
    }

    @AfterEach
    void close() { vm.close(); }

    private static Path sample(String name) { return org.ftpscope.TestCaptures.sample(name); }

    private String row(int frame) {
        var s = vm.capture().row(frame).summary();
        return s.protocol() + " | " + s.info();
    }

    @Test
    void setAndClearedKeyLogReanalysesTheCaptureShown() {
        vm.open(sample("ftps-tls12-chacha.pcap"));
        assertEquals("TLSv1.2 | Application Data", row(33));
        assertTrue(!vm.statusProperty().get().contains("TLS:"), vm.statusProperty().get());
        LoadedCapture before = vm.capture();

        vm.useKeyLog(sample("ftps-tls12-chacha.keys"));
        assertNotSame(before, vm.capture(), "analysed again");
        assertTrue(before.isClosed(), "the old analysis is closed once the new one is shown");
        assertEquals("FTP | Request: USER ftpuser", row(33));
        assertEquals("FTP-DATA | FTP Data: 900 bytes (PASV) (RETR pub/readme.txt)", row(100));
        assertTrue(vm.statusProperty().get().endsWith(" — TLS: 4 of 4 connections decrypted (key log ftps-tls12-chacha.keys)"),
                vm.statusProperty().get());
        assertEquals(sample("ftps-tls12-chacha.keys").toAbsolutePath().normalize().toString(), prefs.get(TlsKeyLogSetting.KEY, null));

        vm.useKeyLog(null);
        assertEquals("TLSv1.2 | Application Data", row(33));
        assertNull(prefs.get(TlsKeyLogSetting.KEY, null));
        assertNull(vm.keyLog().file());
    }

    @Test
    void theSettingIsKeptForTheNextStartAndUsedWhenOpening() {
        vm.useKeyLog(sample("ftps-tls13.keys"));
        assertNull(vm.capture(), "nothing open: nothing analysed");
        MainViewModel next = new MainViewModel(TaskExecutor.direct(), new RecentFiles(prefs));
        try {
            assertEquals(sample("ftps-tls13.keys").toAbsolutePath().normalize(), next.keyLog().file());
            next.open(sample("ftps-tls13.pcap"));
            var s = next.capture().row(172).summary();
            assertEquals("FTP | Request: USER ftpuser", s.protocol() + " | " + s.info());
        } finally {
            next.close();
        }
    }

    @Test
    void anUnreadableKeyLogIsSaidAndTheCaptureShownEncrypted(@TempDir Path dir) {
        vm.useKeyLog(dir.resolve("gone.keys"));
        vm.open(sample("ftps-tls12-chacha.pcap"));
        assertEquals("TLSv1.2 | Application Data", row(33));
        assertTrue(vm.bannerProperty().get().startsWith("TLS key log " + dir.resolve("gone.keys") + " could not be read ("),
                vm.bannerProperty().get());
        assertTrue(vm.bannerProperty().get().endsWith("): FTPS is shown encrypted"), vm.bannerProperty().get());
    }

    @Test
    void settingTheSameKeyLogAgainDoesNotReanalyse() {
        vm.useKeyLog(sample("ftps-tls12-chacha.keys"));
        vm.open(sample("ftps-tls12-chacha.pcap"));
        LoadedCapture c = vm.capture();
        vm.useKeyLog(sample("../samples/ftps-tls12-chacha.keys"));
        assertEquals(c, vm.capture());
    }
}

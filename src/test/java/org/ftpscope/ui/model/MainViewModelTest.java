package org.ftpscope.ui.model;

import org.ftpscope.ui.model.MainViewModel.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window's state through opening, failing, filtering and closing, with the synchronous executor. */
class MainViewModelTest {
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

    @Test
    void startsOnTheStartPage() {
        assertEquals(Page.START, vm.pageProperty().get());
        assertEquals("ftpscope", vm.titleProperty().get());
        assertEquals("Ready", vm.statusProperty().get());
        assertNull(vm.capture());
    }

    @Test
    void openingShowsTheCaptureAndSaysWhatIsShown() {
        vm.open(sample("pasv-curl.pcap"));
        assertEquals(Page.CAPTURE, vm.pageProperty().get());
        assertEquals("pasv-curl.pcap — ftpscope", vm.titleProperty().get());
        assertEquals(false, vm.loadingProperty().get());
        assertEquals(169, vm.frames().rows().length);
        assertEquals(1, vm.frames().selectedFrame());
        assertEquals(2, vm.sessions().rows().size());
        assertEquals(1, vm.detail().frameProperty().get());
        String status = vm.statusProperty().get();
        assertTrue(status.startsWith("pasv-curl.pcap — Displayed: 169 of 169 frames — 2 FTP sessions, "
                + vm.capture().analysis().findings().size() + " findings — loaded in "), status);
        assertEquals("", vm.bannerProperty().get());
        vm.frames().applyFilter("ftp.passive.port");
        assertTrue(vm.statusProperty().get().startsWith("pasv-curl.pcap — Displayed: 3 of 169 frames — filter: ftp.passive.port — "),
                vm.statusProperty().get());
        vm.frames().goToFrame(500);
        assertEquals("Frame 500 does not exist: the capture has frames 1–169.", vm.statusProperty().get());
    }

    /** Issue 19 item 4: a failed open threw the shown capture away and left "(loading)" in the title. */
    @Test
    void aFailedOpenKeepsTheCaptureShownAndACleanTitle() {
        vm.open(sample("pasv-curl.pcap"));
        LoadedCapture shown = vm.capture();
        vm.frames().select(36);
        vm.open(sample("README.md"));
        assertSame(shown, vm.capture());
        assertEquals(false, shown.isClosed());
        assertEquals(Page.CAPTURE, vm.pageProperty().get());
        assertEquals("pasv-curl.pcap — ftpscope", vm.titleProperty().get());
        assertEquals(169, vm.frames().rows().length);
        assertEquals(36, vm.frames().selectedFrame());
        assertTrue(vm.bannerProperty().get().startsWith("Cannot open ") && vm.bannerProperty().get().contains("README.md"),
                vm.bannerProperty().get());
        assertEquals(vm.bannerProperty().get(), vm.statusProperty().get());
        assertEquals(List.of(RecentFiles.normalise(sample("pasv-curl.pcap"))), List.copyOf(vm.recent().files()),
                "a file that is not a capture is not remembered");
    }

    @Test
    void aFailedFirstOpenShowsTheErrorPage() {
        vm.open(sample("README.md"));
        assertEquals(Page.ERROR, vm.pageProperty().get());
        assertEquals("ftpscope", vm.titleProperty().get());
        assertTrue(vm.errorProperty().get().contains("README.md"), vm.errorProperty().get());
        assertEquals(0, vm.frames().rows().length, "no preview rows of a file that is not a capture");
        vm.backToStart();
        assertEquals(Page.START, vm.pageProperty().get());
        assertEquals("Ready", vm.statusProperty().get());
    }

    @Test
    void aSecondCaptureReplacesTheFirstAndClosesIt() {
        vm.open(sample("pasv-curl.pcap"));
        LoadedCapture first = vm.capture();
        vm.frames().applyFilter("ftp");
        vm.open(sample("bounce-port.pcap"));
        assertTrue(first.isClosed());
        assertEquals("bounce-port.pcap — ftpscope", vm.titleProperty().get());
        assertEquals(70, vm.frames().rows().length);
        assertEquals("", vm.frames().appliedFilterProperty().get());
        assertSame(vm.capture(), vm.frames().captureProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("bounce-port.pcap — Displayed: 70 of 70 frames"), vm.statusProperty().get());
        assertEquals(List.of(RecentFiles.normalise(sample("bounce-port.pcap")), RecentFiles.normalise(sample("pasv-curl.pcap"))),
                List.copyOf(vm.recent().files()));
    }

    @Test
    void closeEmptiesEveryView() {
        vm.open(sample("nat-wrong-pasv-address.pcap"));
        LoadedCapture c = vm.capture();
        vm.close();
        assertTrue(c.isClosed());
        assertNull(vm.capture());
        assertEquals(Page.START, vm.pageProperty().get());
        assertEquals("ftpscope", vm.titleProperty().get());
        assertEquals("Ready", vm.statusProperty().get());
        assertEquals(0, vm.frames().rows().length);
        assertTrue(vm.sessions().rows().isEmpty());
        assertTrue(vm.findings().groups().isEmpty());
        assertEquals(0, vm.detail().frameProperty().get());
        assertNull(vm.detail().treeProperty().get());
    }

    @Test
    void cancelAfterTheLoadEndedChangesNothing() {
        vm.open(sample("pasv-curl.pcap"));
        String status = vm.statusProperty().get();
        vm.cancelLoad();
        assertEquals(status, vm.statusProperty().get());
        assertEquals("pasv-curl.pcap — ftpscope", vm.titleProperty().get());
        assertNotNull(vm.capture());
    }

    /** Issue 19 item 4: double-clicking a finding dropped the filter while the status bar still named it. */
    @Test
    void aFindingsFilterIsAppliedAndNamedWhileItIsTheFilter() {
        vm.open(sample("nat-wrong-pasv-address.pcap"));
        vm.frames().applyFilter("ftp");
        FindingsViewModel.Jump j = FindingsViewModel.jump(vm.findings().groups().get(0));
        vm.showFinding(j);
        assertEquals(List.of(85, 128, 167), java.util.Arrays.stream(vm.frames().rows()).boxed().toList());
        assertEquals(85, vm.frames().selectedFrame());
        assertEquals("frame.number in {85, 128, 167}", vm.frames().appliedFilterProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("nat-wrong-pasv-address.pcap — Displayed: 3 of 175 frames — filter: "
                + "frame.number in {85, 128, 167} (finding: \"Data connection blocked (SYN without answer)\" ×3) — "),
                vm.statusProperty().get());
        vm.frames().applyFilter("tcp.stream eq 4");
        assertTrue(vm.statusProperty().get().contains("— filter: tcp.stream eq 4 — "), vm.statusProperty().get());
        assertTrue(!vm.statusProperty().get().contains("(finding:"), vm.statusProperty().get());
        vm.frames().reveal(1);
        assertEquals("Filter \"tcp.stream eq 4\" cleared to show frame 1.", vm.statusProperty().get());
        assertEquals("", vm.frames().appliedFilterProperty().get());
    }

    @Test
    void tellPutsAMessageInTheStatusBar() {
        vm.open(sample("pasv-curl.pcap"));
        vm.tell("Frame 1 is not part of an FTP session");
        assertEquals("Frame 1 is not part of an FTP session", vm.statusProperty().get());
        vm.frames().applyFilter("ftp");
        assertTrue(vm.statusProperty().get().startsWith("pasv-curl.pcap — Displayed: "), "the next change says what is shown");
    }

    /** A capture cut inside a frame ends there: the banner says the frames before it are shown (head -c 10000). */
    @Test
    void theBannerSaysWhereReadingEnded(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path cut = tmp.resolve("cut10k.pcap");
        byte[] all = java.nio.file.Files.readAllBytes(sample("pasv-curl.pcap"));
        java.nio.file.Files.write(cut, java.util.Arrays.copyOf(all, 10_000));
        vm.open(cut);
        assertEquals(48, vm.frames().rows().length);
        assertEquals("cut10k.pcap: frame 49, byte offset 9342: file cut short inside frame 49 (658 of 1514 bytes present)"
                + " — the frames before it are shown.", vm.bannerProperty().get());
    }

    /** A limit reached within the capture does not end reading; past five warnings one line counts the rest. */
    @Test
    void theBannerNamesFiveWarningsAndCountsTheRest() {
        List<org.ftpscope.capture.CaptureWarning> w = new java.util.ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            w.add(org.ftpscope.capture.CaptureWarning.limit(org.ftpscope.capture.Limit.TLS_ALERTS, 10 * i, i + " alerts not kept"));
        }
        String text = MainViewModel.bannerText("x.pcap", 100, w, "key log k.txt: no secret fits");
        List<String> lines = List.of(text.split("\n"));
        assertEquals(7, lines.size());
        assertEquals("x.pcap: limit TLS_ALERTS (32 TLS alerts kept per connection) reached at frame 10: 1 alerts not kept", lines.get(0));
        assertEquals("x.pcap: limit TLS_ALERTS (32 TLS alerts kept per connection) reached at frame 50: 5 alerts not kept", lines.get(4));
        assertEquals("… and 2 more warnings (ftpscope analyze lists them all)", lines.get(5));
        assertEquals("key log k.txt: no secret fits", lines.get(6));
        assertEquals("", MainViewModel.bannerText("x.pcap", 100, List.of(), null));
    }
}

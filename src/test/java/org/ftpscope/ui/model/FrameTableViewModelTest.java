package org.ftpscope.ui.model;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.present.FrameViews;
import org.ftpscope.ui.model.FrameTableViewModel.Column;
import org.ftpscope.ui.model.FrameTableViewModel.FilterState;
import org.ftpscope.ui.model.FrameTableViewModel.GoTo;
import org.ftpscope.ui.model.FrameTableViewModel.TimeFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The frame list's state on samples/pasv-curl.pcap (169 frames), with the synchronous executor.
 * Expected frames are tshark 4.0.17's: {@code tshark -r samples/pasv-curl.pcap -Y 'ftp.passive.port'}
 * gives 20, 36, 124; {@code -Y 'ftp.request.command == "PASV"'} gives 19, 35, 123.
 */
class FrameTableViewModelTest {
    private LoadedCapture capture;
    private FrameTableViewModel vm;

    @BeforeEach
    void load() {
        capture = Samples.load("pasv-curl.pcap");
        vm = new FrameTableViewModel(TaskExecutor.direct());
        vm.show(capture);
    }

    @AfterEach
    void close() { capture.close(); }

    private List<Integer> rows() { return Arrays.stream(vm.rows()).boxed().toList(); }

    @Test
    void everyCellIsWhatTheFramesCommandPrints() throws Exception {
        assertEquals(169, vm.rows().length);
        assertEquals(0, vm.selectedFrame());
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("pasv-curl.pcap"))) {
            FrameViews v = new FrameViews(a);
            for (int f = 1; f <= 169; f++) {
                StringBuilder row = new StringBuilder();
                for (Column c : Column.values()) row.append(c == Column.NUMBER ? "" : "\t").append(vm.cellText(f, c));
                assertEquals(v.summary(f).toTsv(), row.toString(), "frame " + f);
            }
        }
        assertEquals("Response: 230 Login successful.", vm.cellText(13, Column.INFO));
        assertEquals("FTP", vm.cellText(13, Column.PROTOCOL));
    }

    @Test
    void aFilterShowsTheMatchingFramesAndKeepsTheSelection() {
        vm.select(36);
        vm.applyFilter("ftp.passive.port");
        assertEquals(List.of(20, 36, 124), rows());
        assertEquals("ftp.passive.port", vm.appliedFilterProperty().get());
        assertEquals(FilterState.VALID, vm.filterStateProperty().get());
        assertEquals(36, vm.selectedFrame());
        vm.clearFilter();
        assertEquals(169, vm.rows().length);
        assertEquals("", vm.appliedFilterProperty().get());
        assertEquals(36, vm.selectedFrame(), "clearing the filter keeps the selected frame");
    }

    @Test
    void aFilterThatHidesTheSelectionSelectsItsFirstRow() {
        vm.select(5);
        vm.applyFilter("ftp.request.command == \"PASV\"");
        assertEquals(List.of(19, 35, 123), rows());
        assertEquals(19, vm.selectedFrame());
    }

    @Test
    void anInvalidFilterKeepsTheRowsAndSaysWhere() {
        vm.applyFilter("ftp.passive.port");
        vm.applyFilter("ftp.request.command ==");
        assertEquals(FilterState.INVALID, vm.filterStateProperty().get());
        assertTrue(vm.filterMessageProperty().get().startsWith("Column "), vm.filterMessageProperty().get());
        assertEquals(List.of(20, 36, 124), rows());
        assertEquals("ftp.passive.port", vm.appliedFilterProperty().get());
        assertEquals(List.of("ftp.passive.port"), List.copyOf(vm.filterHistory()), "an invalid filter is not remembered");
    }

    @Test
    void checkingAsYouTypeAppliesNothing() {
        vm.check("tcp.port == 21");
        assertEquals(FilterState.VALID, vm.filterStateProperty().get());
        vm.check("tcp.port ==");
        assertEquals(FilterState.INVALID, vm.filterStateProperty().get());
        vm.check("  ");
        assertEquals(FilterState.EMPTY, vm.filterStateProperty().get());
        assertEquals(169, vm.rows().length);
        assertEquals("", vm.appliedFilterProperty().get());
    }

    @Test
    void historyIsMostRecentFirstWithoutDuplicatesAndBounded() {
        vm.applyFilter("ftp");
        vm.applyFilter("tcp");
        vm.applyFilter(" ftp ");
        vm.applyFilter("");
        assertEquals(List.of("ftp", "tcp"), List.copyOf(vm.filterHistory()));
        for (int i = 0; i < FrameTableViewModel.FILTER_HISTORY + 5; i++) vm.applyFilter("frame.number == " + (i + 1));
        assertEquals(FrameTableViewModel.FILTER_HISTORY, vm.filterHistory().size());
        assertEquals("frame.number == " + (FrameTableViewModel.FILTER_HISTORY + 5), vm.filterHistory().get(0));
    }

    @Test
    void sortingKeepsTheSelectionAndTiesKeepCaptureOrder() {
        vm.select(36);
        vm.sort(Column.LENGTH, true);
        assertEquals(46, vm.rows()[0], "the first 1514-byte frame (tshark: frame.len == 1514 starts at 46)");
        assertEquals(Column.LENGTH, vm.sortColumnProperty().get());
        assertTrue(vm.sortDescendingProperty().get());
        assertEquals(36, vm.selectedFrame());
        assertEquals(169, vm.rows().length);
        vm.sort(Column.NUMBER, true);
        assertEquals(169, vm.rows()[0]);
        assertEquals(1, vm.rows()[168]);
        assertEquals(36, vm.selectedFrame());
        vm.sort(null, false);
        assertEquals(1, vm.rows()[0]);
        assertEquals(36, vm.selectedFrame());
    }

    @Test
    void sortingByInfoOnAFilteredListSortsOnlyItsRows() {
        vm.applyFilter("ftp.request.command");
        int n = vm.rows().length;
        vm.sort(Column.INFO, false);
        assertEquals(n, vm.rows().length);
        for (int i = 1; i < n; i++) {
            String a = vm.cellText(vm.rows()[i - 1], Column.INFO), b = vm.cellText(vm.rows()[i], Column.INFO);
            assertTrue(a.compareTo(b) <= 0, a + " before " + b);
        }
        assertEquals("Request: CWD pub", vm.cellText(vm.rows()[0], Column.INFO));
    }

    @Test
    void goToFrameSelectsOrSaysWhyNot() {
        assertEquals(GoTo.SELECTED, vm.goToFrame(100));
        assertEquals(100, vm.selectedFrame());
        assertEquals(GoTo.OUT_OF_RANGE, vm.goToFrame(500));
        assertEquals("Frame 500 does not exist: the capture has frames 1–169.", vm.messageProperty().get());
        assertEquals(100, vm.selectedFrame());
        assertEquals(GoTo.OUT_OF_RANGE, vm.goToFrame(0));
        vm.applyFilter("ftp.passive.port");
        assertEquals(GoTo.HIDDEN_BY_FILTER, vm.goToFrame(5));
        assertEquals("Frame 5 isn't displayed: the filter \"ftp.passive.port\" hides it.", vm.messageProperty().get());
        assertEquals(GoTo.NO_CAPTURE, new FrameTableViewModel(TaskExecutor.direct()).goToFrame(1));
    }

    @Test
    void revealClearsAFilterThatHidesTheFrameAndSaysSo() {
        vm.applyFilter("ftp.passive.port");
        vm.reveal(36);
        assertEquals(3, vm.rows().length, "a displayed frame is only selected");
        assertEquals(36, vm.selectedFrame());
        vm.reveal(5);
        assertEquals(169, vm.rows().length);
        assertEquals("", vm.appliedFilterProperty().get());
        assertEquals(5, vm.selectedFrame());
        assertEquals("Filter \"ftp.passive.port\" cleared to show frame 5.", vm.messageProperty().get());
    }

    @Test
    void findNextSearchesAfterTheSelectionAndWraps() {
        vm.select(1);
        String pasv = "ftp.request.command == \"PASV\"";
        vm.findNext(pasv);
        assertEquals(19, vm.selectedFrame());
        assertEquals("Found frame 19 matching \"" + pasv + "\".", vm.messageProperty().get());
        vm.findNext(pasv);
        assertEquals(35, vm.selectedFrame());
        vm.findNext(pasv);
        assertEquals(123, vm.selectedFrame());
        vm.findNext(pasv);
        assertEquals(19, vm.selectedFrame(), "wraps to the top, as Wireshark");
        vm.findNext("ftp.request.command == \"DELE\"");
        assertEquals("No displayed frame matches \"ftp.request.command == \"DELE\"\".", vm.messageProperty().get());
        assertEquals(19, vm.selectedFrame());
        vm.findNext("tcp.port ==");
        assertTrue(vm.messageProperty().get().startsWith("Find: column "), vm.messageProperty().get());
    }

    @Test
    void stepFirstAndLastMoveThroughTheDisplayedRows() {
        vm.applyFilter("ftp.passive.port");
        vm.first();
        assertEquals(20, vm.selectedFrame());
        vm.step(1);
        assertEquals(36, vm.selectedFrame());
        vm.step(1);
        vm.step(1);
        assertEquals(124, vm.selectedFrame(), "stops at the last row");
        vm.step(-1);
        assertEquals(36, vm.selectedFrame());
        vm.last();
        assertEquals(124, vm.selectedFrame());
    }

    /**
     * A nanosecond pcap shows 9 decimals in every time format, a 2^-10 s pcapng 3, truncated: tshark's
     * {@code -t r}, {@code -t dd}, {@code -t t} and {@code -t ud} columns of the same frames.
     */
    @Test
    void timeFormatsShowTheFramesResolution() {
        LoadedCapture ns = Samples.load("pasv-nanosecond.pcap");
        LoadedCapture bin = Samples.load("derived/pasv-nanosecond-2e-10.pcapng");
        try {
            vm.show(ns);
            assertEquals("0.000017083", vm.timeText(2));
            vm.timeFormatProperty().set(TimeFormat.SINCE_PREVIOUS_DISPLAYED);
            assertEquals("0.000019316", vm.timeText(3));
            assertEquals("0.000000000", vm.timeText(1));
            vm.timeFormatProperty().set(TimeFormat.TIME_OF_DAY_UTC);
            assertEquals("02:30:29.677843083", vm.timeText(2));
            vm.timeFormatProperty().set(TimeFormat.DATE_AND_TIME_UTC);
            assertEquals("2026-11-25 02:30:29.677862399", vm.timeText(3));
            vm.show(bin);
            assertEquals("2026-11-25 02:30:29.682", vm.timeText(4), "…682617187 truncated, not rounded");
            vm.timeFormatProperty().set(TimeFormat.SINCE_PREVIOUS_DISPLAYED);
            assertEquals("0.042", vm.timeText(10));
            assertEquals("0.097", vm.timeText(11));
            vm.timeFormatProperty().set(TimeFormat.SINCE_START);
            assertEquals("0.004", vm.timeText(4), "0.004882812: rounding gave 0.004883 before");
        } finally {
            ns.close();
            bin.close();
        }
    }

    /** Times from {@code tshark -T fields -e frame.time_epoch}: frame 12 at …760.942280, frame 13 at …761.036071. */
    @Test
    void timeFormats() {
        assertEquals("0.141897", vm.timeText(13));
        vm.timeFormatProperty().set(TimeFormat.SINCE_PREVIOUS_DISPLAYED);
        assertEquals("0.093791", vm.timeText(13));
        assertEquals("0.000000", vm.timeText(1));
        vm.applyFilter("ftp.passive.port");
        assertEquals("0.001977", vm.timeText(36), "since frame 20, the previous displayed one");
        vm.timeFormatProperty().set(TimeFormat.TIME_OF_DAY_UTC);
        assertEquals("02:29:21.036071", vm.timeText(13));
        vm.timeFormatProperty().set(TimeFormat.DATE_AND_TIME_UTC);
        assertEquals("2026-11-25 02:29:21.036071", vm.timeText(13));
        assertEquals("2026-11-25 02:29:21.036071", vm.cellText(13, Column.TIME));
    }

    @Test
    void aNewCaptureDropsFilterSortAndSelection() {
        vm.applyFilter("ftp.passive.port");
        vm.sort(Column.LENGTH, true);
        vm.select(36);
        LoadedCapture other = Samples.load("bounce-port.pcap");
        try {
            vm.show(other);
            assertEquals(70, vm.rows().length);
            assertEquals(1, vm.rows()[0]);
            assertEquals("", vm.appliedFilterProperty().get());
            assertEquals(null, vm.sortColumnProperty().get());
            assertEquals(false, vm.sortDescendingProperty().get());
            assertEquals(0, vm.selectedFrame());
            assertEquals(other, vm.captureProperty().get());
            vm.clear();
            assertEquals(0, vm.rows().length);
            assertEquals(0, vm.totalFrames());
        } finally {
            other.close();
        }
    }

    /** The preview rows of a capture being read say only what one frame tells: no TCP protocol or info. */
    @Test
    void previewRowsLeaveTcpColumnsEmptyAndTheAnalysedRowsReplaceThem() throws Exception {
        PreviewTap tap = new PreviewTap(MainViewModel.PREVIEW_FRAMES);
        FrameTableViewModel fresh = new FrameTableViewModel(TaskExecutor.direct());
        fresh.showPreview(tap.summaries());
        assertEquals(0, fresh.rows().length);
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("pasv-curl.pcap"), null, tap)) {
            fresh.previewGrew();
            assertEquals(169, fresh.rows().length);
            assertEquals("ARP", fresh.cellText(1, Column.PROTOCOL));
            assertEquals("", fresh.cellText(13, Column.PROTOCOL));
            assertEquals("", fresh.cellText(13, Column.INFO));
            assertEquals("198.51.100.21", fresh.cellText(13, Column.SOURCE));
            assertEquals(null, fresh.colour(13));
            assertEquals(false, fresh.analysed());
            fresh.show(new LoadedCapture(a));
            assertEquals("Response: 230 Login successful.", fresh.cellText(13, Column.INFO));
            assertEquals(true, fresh.analysed());
        }
    }

    /** The preview rows of a nanosecond capture already show its 9 decimals (the reader tells the tap its precision). */
    @Test
    void previewRowsShowTheCapturesTimePrecision() throws Exception {
        PreviewTap tap = new PreviewTap(MainViewModel.PREVIEW_FRAMES);
        FrameTableViewModel fresh = new FrameTableViewModel(TaskExecutor.direct());
        fresh.showPreview(tap.summaries());
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("pasv-nanosecond.pcap"), null, tap)) {
            fresh.previewGrew();
            assertEquals("0.000017083", fresh.cellText(2, Column.TIME));
            assertEquals("0.005178663", fresh.cellText(4, Column.TIME));
        }
        PreviewTap ms = new PreviewTap(MainViewModel.PREVIEW_FRAMES);
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("derived/pasv-nanosecond-ms.pcapng"), null, ms)) {
            assertEquals("0.006", ms.summaries().get(3).timeText());
        }
    }

    /** The table gets its first screenful as soon as the loader has read it, once, not at the first 4 MiB. */
    @Test
    void firstScreenIsAnnouncedOnceWhenItsRowsAreRead() throws Exception {
        PreviewTap tap = new PreviewTap(MainViewModel.PREVIEW_FRAMES);
        int[] rowsWhenAnnounced = {-1};
        int[] announced = {0};
        tap.onFirstScreen(() -> {
            announced[0]++;
            rowsWhenAnnounced[0] = tap.summaries().size();
        });
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("pasv-curl.pcap"), null, tap)) {
            assertEquals(1, announced[0]);
            assertEquals(MainViewModel.FIRST_SCREEN_ROWS, rowsWhenAnnounced[0]);
            assertEquals(169, tap.summaries().size());
        }
    }
}

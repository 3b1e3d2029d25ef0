package org.ftpscope.ui;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.present.FrameViews;
import org.ftpscope.ui.model.FrameTableViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real window on real samples: every visible row must be what {@code ftpscope frames}
 * prints for that frame, after loading, scrolling, filtering, sorting, clearing, and after a
 * second capture replaces the first. Preferences go to a node of the test's own.
 */
@ExtendWith({UiTests.NeedsDisplay.class, ApplicationExtension.class})
class MainWindowTest {
    private Stage stage;
    private MainWindow window;
    private Preferences prefs;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        prefs = new org.ftpscope.ui.model.MemoryPreferences(); // never the user's own preferences
        window = UiTests.window(stage, prefs);
        // As from the command line: the capture is opened the moment the window appears.
        window.open(Path.of("samples", "pasv-curl.pcap"));
        stage.show();
    }


    private void waitLoaded() throws Exception { UiTests.waitLoaded(window); }

    private void waitIdle() throws Exception { UiTests.waitIdle(window); }

    /** The selected frame's row is among the rows drawn, not scrolled out of view. */
    private void assertSelectedRowVisible(int frame) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        List<Integer> shown = UiTests.fx(() -> {
            var flow = (javafx.scene.control.skin.VirtualFlow<?>) window.frameTable().lookup(".virtual-flow");
            List<Integer> out = new java.util.ArrayList<>();
            for (int i = flow.getFirstVisibleCell().getIndex(); i <= flow.getLastVisibleCell().getIndex(); i++) {
                out.add(window.frameTable().getItems().get(i));
            }
            return out;
        });
        assertTrue(shown.contains(frame), "frame " + frame + " selected but the rows drawn are " + shown);
    }

    /** Every visible row equals the frames command's line for its frame. */
    private int assertVisibleRowsTrue(String sample) throws Exception {
        List<String> want;
        try (Analysis a = Analyzer.analyze(TestCaptures.sample(sample))) {
            FrameViews v = new FrameViews(a);
            want = new java.util.ArrayList<>();
            for (int f = 1; f <= a.capture().frameCount(); f++) want.add(v.summary(f).toTsv());
        }
        List<List<String>> rows = WaitForAsyncUtils.asyncFx(() -> window.frameTable().visibleRowTexts()).get(10, TimeUnit.SECONDS);
        int[] frames = window.viewModel().frames().rows();
        assertFalse(rows.isEmpty(), "no visible rows");
        for (List<String> r : rows) {
            int frame = frames[Integer.parseInt(r.get(0))];
            String shown = String.join("\t", r.subList(1, 8)).replace('\n', ' ').replace('\r', ' ');
            String expected = want.get(frame - 1);
            assertEquals(expected.substring(0, expected.lastIndexOf('\t')), shown.substring(0, shown.lastIndexOf('\t')),
                    "row of frame " + frame);
            assertEquals(expected.substring(expected.lastIndexOf('\t') + 1).strip(),
                    shown.substring(shown.lastIndexOf('\t') + 1).replace('\t', ' ').strip(), "Info of frame " + frame);
        }
        return rows.size();
    }

    /** The Time cells of the visible rows, top to bottom. */
    private List<String> visibleTimes() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> window.frameTable().visibleRowTexts()).get(10, TimeUnit.SECONDS).stream()
                .sorted(java.util.Comparator.comparingInt(r -> Integer.parseInt(r.get(0)))).map(r -> r.get(2)).toList();
    }

    /**
     * The rows keep their frame numbers when only the time format changes, and a frame's time
     * since the previous displayed one changes with the filter: the cells must be redrawn both
     * times (tshark -t u and -t dd give these values).
     */
    @Test
    void timeCellsFollowTheFormatAndTheFilter() throws Exception {
        waitLoaded();
        FrameTableViewModel frames = window.viewModel().frames();
        Platform.runLater(() -> frames.timeFormatProperty().set(FrameTableViewModel.TimeFormat.TIME_OF_DAY_UTC));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("02:29:20.894174", "02:29:20.894180", "02:29:20.894181"), visibleTimes().subList(0, 3));
        Platform.runLater(() -> frames.timeFormatProperty().set(FrameTableViewModel.TimeFormat.SINCE_PREVIOUS_DISPLAYED));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("0.000000", "0.000006", "0.000001"), visibleTimes().subList(0, 3));
        Platform.runLater(() -> frames.applyFilter("ftp.passive.port"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> frames.rows().length == 3);
        waitIdle();
        assertEquals(List.of(20, 36, 124), java.util.Arrays.stream(frames.rows()).boxed().toList());
        assertEquals(List.of("0.000000", "0.001977", "0.180369"), visibleTimes());
    }

    @Test
    void everyVisibleRowIsTheFrameItShows(FxRobot robot) throws Exception {
        waitLoaded();
        assertEquals("pasv-curl.pcap — ftpscope", stage.getTitle());
        assertEquals(169, window.viewModel().frames().rows().length);
        assertTrue(assertVisibleRowsTrue("pasv-curl.pcap") > 5);
        FrameTableViewModel frames = window.viewModel().frames();
        // Scrolled to the end.
        Platform.runLater(() -> window.frameTable().scrollTo(168));
        WaitForAsyncUtils.waitForFxEvents();
        assertVisibleRowsTrue("pasv-curl.pcap");
        // Filtered (tshark -Y ftp.passive.port gives 20, 36, 124), with frame 36 selected before.
        Platform.runLater(() -> frames.select(36));
        Platform.runLater(() -> frames.applyFilter("ftp.passive.port"));
        waitIdle();
        assertEquals(List.of(20, 36, 124), java.util.Arrays.stream(frames.rows()).boxed().toList());
        assertEquals(36, frames.selectedFrame());
        assertEquals(36, window.frameTable().getSelectionModel().getSelectedItem());
        assertVisibleRowsTrue("pasv-curl.pcap");
        assertSelectedRowVisible(36);
        // Sorted by length, largest first: the selection stays.
        Platform.runLater(() -> frames.clearFilter());
        waitIdle();
        assertEquals(36, frames.selectedFrame());
        assertSelectedRowVisible(36);
        Platform.runLater(() -> frames.sort(FrameTableViewModel.Column.LENGTH, true));
        waitIdle();
        assertEquals(46, frames.rows()[0]); // the first 1514-byte frame, ties in capture order
        assertEquals(36, frames.selectedFrame());
        assertVisibleRowsTrue("pasv-curl.pcap");
        assertSelectedRowVisible(36); // Wireshark keeps the selected packet in view when the list is sorted
        screenshot("main-window.png");
        // A second capture opened in the running window: its rows, none of the first.
        Platform.runLater(() -> window.open(Path.of("samples", "bounce-port.pcap")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.viewModel().capture() != null
                && window.viewModel().capture().name().equals("bounce-port.pcap"));
        waitLoaded();
        assertEquals(70, frames.rows().length);
        assertVisibleRowsTrue("bounce-port.pcap");
        // Closing leaves no rows and the start page.
        Platform.runLater(() -> window.run(Actions.Id.CLOSE));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, window.frameTable().getItems().size());
        assertEquals("ftpscope", stage.getTitle());
        // The test's own preferences remember both, normalised; the user's are untouched.
        assertEquals(List.of(Path.of("samples/bounce-port.pcap").toAbsolutePath().normalize(),
                Path.of("samples/pasv-curl.pcap").toAbsolutePath().normalize()), window.viewModel().recent().files());
    }

    @Test
    void aFailedOpenKeepsTheCaptureShown(FxRobot robot) throws Exception {
        waitLoaded();
        Platform.runLater(() -> window.open(Path.of("samples", "README.md")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.viewModel().loadingProperty().get()
                && !window.viewModel().bannerProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("pasv-curl.pcap — ftpscope", stage.getTitle());
        assertEquals(169, window.viewModel().frames().rows().length);
        assertTrue(window.viewModel().bannerProperty().get().startsWith("Cannot open samples/README.md: not a pcap")
                || window.viewModel().bannerProperty().get().contains("README.md"), window.viewModel().bannerProperty().get());
        // Go to a frame past the end says so.
        Platform.runLater(() -> window.goToFrame(500));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.statusBar().getText().contains("Frame 500 does not exist"), window.statusBar().getText());
    }

    @Test
    void showSessionReplacesTheSelection(FxRobot robot) throws Exception {
        waitLoaded();
        Platform.runLater(() -> window.open(Path.of("samples", "nat-wrong-pasv-address.pcap")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.viewModel().capture() != null
                && window.viewModel().capture().name().startsWith("nat"));
        waitLoaded();
        var sessions = window.viewModel().sessions();
        assertEquals(5, sessions.rows().size());
        Platform.runLater(() -> sessions.select(java.util.Set.of(0, 1), 1));
        WaitForAsyncUtils.waitForFxEvents();
        Platform.runLater(() -> {
            window.viewModel().frames().select(84);
            window.run(Actions.Id.SHOW_SESSION);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(2), List.copyOf(sessions.selectedIds()));
        assertEquals(List.of(2), List.copyOf(window.sessions().table().getSelectionModel().getSelectedIndices()),
                "the table shows the one session selected, not the one focused before too");
        assertEquals(1, window.tabs().getSelectionModel().getSelectedIndex());
        assertTrue(sessions.story().stream().anyMatch(l -> l.frame() == 84 && l.text().contains("10.10.10.21:40005")),
                sessions.story().toString());
        // The NAT finding's line (frame 84) is longer than the list is wide: it wraps, no sideways scrolling.
        WaitForAsyncUtils.waitForFxEvents();
        double[] sizes = UiTests.fx(() -> {
            var list = window.sessions().story();
            list.layout();
            double single = -1, finding = -1;
            for (javafx.scene.Node n : list.lookupAll(".list-cell")) {
                if (!(n instanceof javafx.scene.control.ListCell<?> c) || !(c.getItem() instanceof org.ftpscope.present.StoryLine l)) continue;
                if (l.frame() == 84 && l.text().contains("Server advertises a different address")) finding = c.getHeight();
                if (l.frame() == 83) single = c.getHeight();
            }
            boolean sideways = list.lookupAll(".scroll-bar").stream().anyMatch(b -> b instanceof javafx.scene.control.ScrollBar sb
                    && sb.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && sb.isVisible());
            return new double[] {single, finding, sideways ? 1 : 0};
        });
        assertTrue(sizes[0] > 0 && sizes[1] > 1.5 * sizes[0], "frame 83's line " + sizes[0] + " px, the finding's " + sizes[1] + " px");
        assertEquals(0, sizes[2], "a horizontal scroll bar is shown");
        // The ladder's notes below the lifelines: wrapped to the canvas, every word kept.
        List<String> notes = UiTests.fx(() -> window.sessions().ladder().notes());
        double widest = UiTests.fx(() -> notes.stream().mapToDouble(n -> {
            javafx.scene.text.Text t = new javafx.scene.text.Text(n);
            t.setFont(javafx.scene.text.Font.font("System", 11.5));
            return t.getLayoutBounds().getWidth();
        }).max().orElse(0));
        double canvas = UiTests.fx(() -> window.sessions().ladder().getWidth());
        assertTrue(notes.size() >= 3 && widest + 12 <= canvas, notes + ": widest " + widest + " px on a canvas of " + canvas);
        String joined = String.join(" ", notes).replaceAll(" +", " ");
        assertTrue(joined.contains("but the client reached the server at 198.51.100.21 (a private address: a server behind NAT"), joined);
        assertTrue(joined.endsWith(")") || joined.endsWith("."), joined);
        screenshot("session-view.png");
    }

    /** Issue 19 item 4: double-clicking a finding dropped the filter while the status bar still named it. */
    @Test
    void doubleClickingAFindingFiltersItsFramesAndTheStatusNamesIt(FxRobot robot) throws Exception {
        waitLoaded();
        Platform.runLater(() -> window.open(Path.of("samples", "nat-wrong-pasv-address.pcap")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.viewModel().capture() != null
                && window.viewModel().capture().name().startsWith("nat"));
        waitLoaded();
        Platform.runLater(() -> window.run(Actions.Id.VIEW_FINDINGS));
        // The view joins the scene when its tab is first selected: wait until its groups are drawn.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".finding-group .finding-title").match(MainWindowTest::shown)
                .tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500); // laid out and drawn: the robot clicks where the node is on screen
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node title = robot.lookup(".finding-group .finding-title").match(MainWindowTest::shown).query();
        assertEquals("Data connection blocked (SYN without answer) (3)", ((javafx.scene.control.Label) title).getText());
        // A double click delivered to the group's title, as the window gets one: a robot's two clicks
        // on a loaded machine can arrive too far apart for the windowing system to count them as one.
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.geometry.Bounds b = title.localToScreen(title.getLayoutBounds());
            javafx.event.Event.fireEvent(title, new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED,
                    title.getLayoutBounds().getCenterX(), title.getLayoutBounds().getCenterY(), b.getCenterX(), b.getCenterY(),
                    javafx.scene.input.MouseButton.PRIMARY, 2, false, false, false, false, false, false, false, false, false, true,
                    null));
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents(); // the clicks are handled, the filter submitted
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.viewModel().frames().rows().length == 3);
        waitIdle();
        assertEquals(List.of(85, 128, 167), java.util.Arrays.stream(window.viewModel().frames().rows()).boxed().toList());
        assertEquals(85, window.viewModel().frames().selectedFrame());
        assertEquals(0, window.tabs().getSelectionModel().getSelectedIndex());
        assertTrue(window.statusBar().getText().contains("— filter: frame.number in {85, 128, 167} (finding: "
                + "\"Data connection blocked (SYN without answer)\" ×3) — "), window.statusBar().getText());
        assertVisibleRowsTrue("nat-wrong-pasv-address.pcap");
    }

    /** On screen: it and every parent visible, with a size (a list view also keeps cells it only measures with). */
    private static boolean shown(javafx.scene.Node n) {
        if (n.getScene() == null || n.getLayoutBounds().getWidth() <= 0) return false;
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    private void screenshot(String name) throws Exception {
        String dir = System.getProperty("ftpscope.screenshots");
        if (dir == null) return;
        WaitForAsyncUtils.asyncFx(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png", new File(dir, name));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }).get(10, TimeUnit.SECONDS);
    }
}

package org.ftpscope.ui;

import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.ftpscope.TestCaptures;
import org.ftpscope.decode.DetailNode;
import org.ftpscope.ftp.Analysis;
import org.ftpscope.report.LadderModel;
import org.ftpscope.report.StoryLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real window on real samples, headless under Xvfb in CI. With -Dftpscope.screenshots=DIR
 * it also writes the README's screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(stage);
        stage.show();
    }

    private Analysis open(String sample) throws Exception {
        Path p = TestCaptures.sample(sample);
        Task<Analysis>[] task = new Task[1];
        WaitForAsyncUtils.asyncFx(() -> task[0] = window.open(p)).get(5, TimeUnit.SECONDS);
        Analysis a = task[0].get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.fullyShown());
        WaitForAsyncUtils.waitForFxEvents();
        return a;
    }

    @Test
    void startPageShowsSamplesAndMenus(FxRobot robot) {
        assertEquals("ftpscope", stage.getTitle());
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        assertEquals("File", bar.getMenus().get(0).getText());
        assertNotNull(robot.lookup(n -> n instanceof Label l && "ftpscope".equals(l.getText())).query());
        // The bundled samples are one click away.
        assertTrue(robot.lookup(n -> n instanceof javafx.scene.control.Hyperlink h && h.getText().equals("pasv-curl.pcap"))
                .tryQuery().isPresent());
    }

    @Test
    void theRehearsalUnderTheStartPageLeavesNothingBehind(FxRobot robot) throws Exception {
        Path[] file = new Path[1];
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> (file[0] = window.rehearsalFile()) != null);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.rehearsalsShown() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, window.rehearsalFile());
        assertTrue(!java.nio.file.Files.exists(file[0]), file[0] + " left behind");
        // Nothing of it was shown, titled or remembered: still the start page, as before.
        assertEquals("ftpscope", stage.getTitle());
        assertEquals("Ready", window.statusBar().getText());
        assertEquals(0, window.frameTable().getItems().size());
        assertTrue(robot.lookup(n -> n instanceof javafx.scene.control.Hyperlink h && h.getText().equals("pasv-curl.pcap"))
                .tryQuery().isPresent());
        assertTrue(MainWindow.recentFiles().stream().noneMatch(p -> p.equals(file[0])), MainWindow.recentFiles().toString());
        // And a capture opened afterwards is shown whole.
        open("pasv-curl.pcap");
        assertEquals("pasv-curl.pcap — ftpscope", stage.getTitle());
        assertEquals(169, window.frameTable().getItems().size());
    }

    @Test
    void aCaptureOpenedDuringTheRehearsalIsTheOneShown(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.rehearsalFile() != null);
        open("pasv-curl.pcap");
        Thread.sleep(500); // what the rehearsal had still queued has run
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, window.rehearsalFile());
        assertEquals("pasv-curl.pcap — ftpscope", stage.getTitle());
        assertEquals(169, window.frameTable().getItems().size());
    }

    @Test
    void framesTreeAndBytes(FxRobot robot) throws Exception {
        open("pasv-curl.pcap");
        assertEquals("pasv-curl.pcap — ftpscope", stage.getTitle());
        assertEquals(169, window.frameTable().getItems().size());
        // Row 20 is the 227 reply, as tshark shows it.
        Platform.runLater(() -> window.goToFrame(20));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(20, window.frameTable().getSelectionModel().getSelectedItem());
        TreeItem<DetailNode> root = window.detailTree().getRoot();
        assertEquals(List5.of("Frame 20: 117 bytes on wire (936 bits), 117 bytes captured (936 bits)",
                "Ethernet II, Src: ca:ab:ab:38:aa:ae, Dst: b2:38:21:7e:32:cd",
                "Internet Protocol Version 4, Src: 198.51.100.21, Dst: 192.0.2.10",
                "Transmission Control Protocol, Src Port: 21, Dst Port: 40236, Seq: 171, Ack: 51, Len: 51",
                "File Transfer Protocol (FTP)"), root.getChildren().stream().map(i -> i.getValue().label()).toList());
        // Selecting the passive-port field highlights its 6 bytes ("156,93" at offset 107).
        TreeItem<DetailNode> port = find(root, "ftp.passive.port");
        Platform.runLater(() -> window.detailTree().getSelectionModel().select(port));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(107, window.hexPane().highlightStart());
        assertEquals(6, window.hexPane().highlightLength());
        assertTrue(window.hexPane().isHighlighted(112));
        assertTrue(!window.hexPane().isHighlighted(113));
        // Clicking byte 27 (in the IPv4 source address) selects ip.src.
        robot.clickOn(WaitForAsyncUtils.asyncFx(() -> window.hexPane().byteOnScreen(27)).get(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("ip.src", window.detailTree().getSelectionModel().getSelectedItem().getValue().field());
        screenshot("main-window.png");
    }

    @Test
    void sessionsStoryAndLadder(FxRobot robot) throws Exception {
        Analysis a = open("nat-wrong-pasv-address.pcap");
        assertEquals(5, window.sessionList().getItems().size());
        Platform.runLater(() -> {
            window.tabs().getSelectionModel().select(1);
            window.sessionList().getSelectionModel().select(2);
        });
        WaitForAsyncUtils.waitForFxEvents();
        // Session 2: a client that trusted the private 227 address; the story says so, the ladder shows it.
        assertTrue(window.storyList().getItems().stream().anyMatch(l -> l.frame() == 84 && l.text().contains("10.10.10.21:40005")),
                window.storyList().getItems().toString());
        assertTrue(window.storyList().getItems().stream().anyMatch(l -> l.text().contains("SYN never answered (5 tries)")));
        LadderModel m = window.ladderCanvas().model();
        long commands = a.sessions().get(2).commands().stream().filter(c -> c.command() != null).count();
        long replies = a.sessions().get(2).commands().stream().mapToLong(c -> c.replies().size()).sum();
        assertEquals(commands + replies + 1, m.arrows().size()); // + the unanswered data connection
        assertEquals(m.arrows().size(), window.ladderCanvas().drawnArrows());
        assertTrue(m.arrows().stream().anyMatch(x -> x.kind() == LadderModel.Kind.DATA_CONNECT && x.failed()));
        // A story line jumps to its frame.
        StoryLine line = window.storyList().getItems().stream().filter(l -> l.frame() == 84).findFirst().orElseThrow();
        Platform.runLater(() -> window.goToFrame(line.frame()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, window.tabs().getSelectionModel().getSelectedIndex());
        assertEquals(84, window.frameTable().getSelectionModel().getSelectedItem());
        Platform.runLater(() -> window.tabs().getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("session-view.png");
    }

    @Test
    void storyAndLadderAreThoseOfTheCaptureShown(FxRobot robot) throws Exception {
        Analysis first = open("nat-wrong-pasv-address.pcap");
        Platform.runLater(() -> window.tabs().getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(LadderModel.of(first.sessions().get(0)), window.ladderCanvas().model());
        // A second capture opened from the Frames tab: its ladder is drawn when the tab shows.
        Platform.runLater(() -> window.tabs().getSelectionModel().select(0));
        Analysis second = open("pasv-curl.pcap");
        Platform.runLater(() -> window.tabs().getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        LadderModel want = LadderModel.of(second.sessions().get(0));
        assertEquals(want, window.ladderCanvas().model());
        assertEquals(want.arrows().size(), window.ladderCanvas().drawnArrows());
        assertEquals(StoryLine.of(second.sessions().get(0), second.findings()), window.storyList().getItems());
    }

    @Test
    void displayFilterBar(FxRobot robot) throws Exception {
        open("pasv-curl.pcap");
        Platform.runLater(() -> window.applyFilter("ftp.passive.port"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.lastFilterTask() != null && window.lastFilterTask().isDone());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(java.util.List.of(20, 36, 124), window.frameTable().getItems()); // tshark -Y ftp.passive.port
        assertTrue(window.statusBar().getText().contains("Displayed: 3 of 169"), window.statusBar().getText());
        assertTrue(window.filterField().getStyleClass().contains("filter-valid"));
        // An invalid filter turns the bar red, says why, and keeps the rows.
        Platform.runLater(() -> window.applyFilter("tcp.prt == 21"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.filterField().getStyleClass().contains("filter-invalid"));
        assertEquals("Column 1: \"tcp.prt\" is neither a field nor a protocol name.", window.filterMessage().getText());
        assertEquals(3, window.frameTable().getItems().size());
        // Typing a filter and pressing Enter applies it.
        robot.clickOn(window.filterField()).eraseText(30).write("ftp.request.command == \"PASV\"").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.frameTable().getItems().size() == 3
                && window.frameTable().getItems().get(0) == 19);
        assertEquals(java.util.List.of(19, 35, 123), window.frameTable().getItems());
    }

    @Test
    void sortingByLengthAndBack(FxRobot robot) throws Exception {
        Analysis a = open("pasv-curl.pcap");
        var lengthCol = window.frameTable().getColumns().get(5);
        Platform.runLater(() -> window.goToFrame(20));
        WaitForAsyncUtils.waitForFxEvents();
        Platform.runLater(() -> {
            lengthCol.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
            window.frameTable().getSortOrder().setAll(java.util.List.of(lengthCol));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.lastSortTask() != null && window.lastSortTask().isDone());
        WaitForAsyncUtils.waitForFxEvents();
        int first = window.frameTable().getItems().get(0);
        assertEquals(1514, a.capture().index().originalLength(first)); // the largest frames first
        assertEquals(46, first); // and among equals, capture order: frame 46 is the first 1514-byte frame
        assertEquals(169, window.frameTable().getItems().size());
        // The sort moved the rows: the column keeps its sort arrow and frame 20 stays selected.
        assertEquals(java.util.List.of(lengthCol), java.util.List.copyOf(window.frameTable().getSortOrder()));
        assertEquals(20, window.frameTable().getSelectionModel().getSelectedItem());
        Platform.runLater(() -> window.frameTable().getSortOrder().clear());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.frameTable().getItems().get(0) == 1);
    }

    @Test
    void loadingShowsTheCaptureViewAtOnceAndThenTheAnalysis(FxRobot robot) throws Exception {
        Path p = TestCaptures.sample("lossy-transfers.pcap");
        Task<Analysis>[] task = new Task[1];
        String[] titleWhileLoading = new String[1];
        WaitForAsyncUtils.asyncFx(() -> {
            task[0] = window.open(p);
            titleWhileLoading[0] = stage.getTitle();
        }).get(5, TimeUnit.SECONDS);
        assertEquals("lossy-transfers.pcap (loading) — ftpscope", titleWhileLoading[0]);
        task[0].get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1159, window.frameTable().getItems().size());
        assertEquals("lossy-transfers.pcap — ftpscope", stage.getTitle());
        assertEquals(0, window.previewRows());
    }

    @Test
    void findingsAreGroupedBySeverity(FxRobot robot) throws Exception {
        open("firewall-blocks-pasv.pcap");
        TreeItem<Object> root = window.findingsTree().getRoot();
        assertTrue(root.getChildren().get(0).getValue().toString().startsWith("ERROR (2)"), root.getChildren().toString());
    }

    @Test
    void notACaptureShowsAnErrorInTheWindow(FxRobot robot) throws Exception {
        Path p = TestCaptures.sample("README.md");
        Task<Analysis>[] task = new Task[1];
        WaitForAsyncUtils.asyncFx(() -> task[0] = window.open(p)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> task[0].isDone());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(n -> n instanceof Label l && l.getText().startsWith("samples/README.md: not a pcap"))
                .tryQuery().isPresent());
    }

    private static TreeItem<DetailNode> find(TreeItem<DetailNode> it, String field) {
        if (field.equals(it.getValue().field())) return it;
        for (TreeItem<DetailNode> c : it.getChildren()) {
            TreeItem<DetailNode> hit = find(c, field);
            if (hit != null) return hit;
        }
        return null;
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

    /** List.of with a name that reads well in the assertion above. */
    private static final class List5 {
        static java.util.List<String> of(String... s) { return java.util.List.of(s); }
    }
}

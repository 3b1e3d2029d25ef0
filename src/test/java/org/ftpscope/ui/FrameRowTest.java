package org.ftpscope.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.ftpscope.ui.model.FrameTableViewModel;
import org.ftpscope.ui.model.FrameTableViewModel.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The frame table's rows draw their texts without a cell per column ({@link FrameRowSkin}):
 * they must follow the columns (order, visibility, width) and answer the mouse as a table row
 * does. Values from tshark 4.0.17 on samples/pasv-curl.pcap (frames 13 and 14).
 */
@ExtendWith({UiTests.NeedsDisplay.class, ApplicationExtension.class})
class FrameRowTest {
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = UiTests.window(stage);
        window.open(Path.of("samples", "pasv-curl.pcap"));
        stage.show();
    }

    private void waitLoaded() throws Exception { UiTests.waitLoaded(window); }

    private static <T> T fx(Callable<T> c) throws Exception { return UiTests.fx(c); }

    /** The drawn texts of the row showing this frame (row index first dropped). */
    private List<String> rowOf(int frame) throws Exception {
        int row = window.viewModel().frames().rowOf(frame);
        return fx(() -> window.frameTable().visibleRowTexts()).stream().filter(r -> Integer.parseInt(r.get(0)) == row)
                .findFirst().orElseThrow(() -> new AssertionError("frame " + frame + " not visible")).subList(1, 8 - hidden());
    }

    private int hidden() throws Exception {
        return fx(() -> (int) window.frameTable().getColumns().stream().filter(c -> !c.isVisible()).count());
    }

    /** The row node showing this frame. */
    private FrameRow rowNode(int frame) throws Exception {
        int row = window.viewModel().frames().rowOf(frame);
        return fx(() -> window.frameTable().lookupAll(".table-row-cell").stream().filter(n -> n instanceof FrameRow r
                && r.getIndex() == row && r.isVisible()).map(n -> (FrameRow) n).findFirst().orElseThrow());
    }

    /** The text node a row draws a column with. */
    private Text textOf(FrameRow row, Column c) throws Exception {
        return fx(() -> ((FrameRowSkin) row.getSkin()).textNode(c));
    }

    @Test
    void theTextsFollowTheColumnsOrderVisibilityAndWidth() throws Exception {
        waitLoaded();
        assertEquals(List.of("13", "0.141897", "198.51.100.21", "192.0.2.10", "FTP", "89", "Response: 230 Login successful."),
                rowOf(13));
        FrameTableView table = window.frameTable();
        // Info moved to the front, Protocol hidden (as by dragging a header and the header menu).
        Platform.runLater(() -> {
            TableColumn<Integer, String> info = table.column(Column.INFO);
            table.getColumns().remove(info);
            table.getColumns().add(0, info);
            table.column(Column.PROTOCOL).setVisible(false);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Response: 230 Login successful.", "13", "0.141897", "198.51.100.21", "192.0.2.10", "89"), rowOf(13));
        FrameRow row = rowNode(13);
        // Each text starts inside its column, in the order the columns are shown.
        double left = 0;
        List<String> placed = new ArrayList<>();
        for (TableColumn<Integer, ?> col : fx(() -> List.copyOf(table.getVisibleLeafColumns()))) {
            Column c = table.columnOf(col);
            Text t = textOf(row, c);
            double x = fx(() -> t.getBoundsInParent().getMinX());
            double width = fx(col::getWidth);
            assertTrue(x > left && x < left + 10, c + " drawn at " + x + ", its column starts at " + left);
            placed.add(c.title());
            left += width;
        }
        assertEquals(List.of("Info", "No.", "Time", "Source", "Destination", "Length"), placed);
        assertEquals(left, fx(() -> row.prefWidth(-1)), 1.0, "the row is as wide as the columns shown");
        // A column narrower than its text: it draws the text's start and "…" within its room (width less 2 × 3 px).
        Text source = textOf(row, Column.SOURCE);
        assertEquals("198.51.100.21", fx(source::getText));
        Platform.runLater(() -> table.column(Column.SOURCE).setPrefWidth(60));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(60, fx(() -> table.column(Column.SOURCE).getWidth()), 0.5);
        String cut = fx(source::getText);
        assertTrue(cut.length() > 1 && cut.endsWith("\u2026") && "198.51.100.21".startsWith(cut.substring(0, cut.length() - 1)), cut);
        assertTrue(fx(() -> source.getLayoutBounds().getWidth()) <= 54, "drawn within the column");
        assertEquals(List.of("Response: 230 Login successful.", "13", "0.141897", "198.51.100.21", "192.0.2.10", "89"), rowOf(13),
                "the row's texts are the frame's; only what is drawn is shortened");
        // Shown again and widened: uncut, in the column's place again.
        Platform.runLater(() -> {
            table.column(Column.PROTOCOL).setVisible(true);
            table.column(Column.SOURCE).setPrefWidth(170);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("198.51.100.21", fx(source::getText));
        assertEquals(List.of("Response: 230 Login successful.", "13", "0.141897", "198.51.100.21", "192.0.2.10", "FTP", "89"),
                rowOf(13));
    }

    /** The columns shown and the vertical scroll bar fill the table's width, as far as the last column's own width allows. */
    private double unfilled(FrameTableView table) throws Exception {
        return fx(() -> {
            double columns = table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
            double bar = table.lookupAll(".scroll-bar").stream().filter(n -> n instanceof javafx.scene.control.ScrollBar b
                    && b.getOrientation() == javafx.geometry.Orientation.VERTICAL && b.isVisible())
                    .mapToDouble(n -> ((javafx.scene.control.ScrollBar) n).getWidth()).sum();
            return table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - bar - columns;
        });
    }

    @Test
    void theLastColumnTakesTheWidthTheOthersLeave() throws Exception {
        waitLoaded();
        FrameTableView table = window.frameTable();
        TableColumn<Integer, String> info = table.column(Column.INFO);
        // 70 + 110 + 170 + 170 + 80 + 70 px before Info, whose own width is 600.
        Platform.runLater(() -> stage.setWidth(1500));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, unfilled(table), 1.0, "Info takes the room left");
        assertTrue(fx(info::getWidth) > 700, "wider than its own 600 px: " + fx(info::getWidth));
        // A narrower window: Info keeps its own width and the table scrolls sideways, as before.
        Platform.runLater(() -> stage.setWidth(900));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(600, fx(info::getWidth), 0.5);
        assertTrue(unfilled(table) < -300);
        // Info moved to the front at 1500 px: it gets its own width back and Length, now last, stretches.
        Platform.runLater(() -> {
            stage.setWidth(1500);
            table.getColumns().remove(info);
            table.getColumns().add(0, info);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(600, fx(info::getWidth), 0.5);
        assertTrue(fx(() -> table.column(Column.LENGTH).getWidth()) > 100, "Length stretched");
        assertEquals(0, unfilled(table), 1.0);
        assertEquals(List.of("Response: 230 Login successful.", "13", "0.141897", "198.51.100.21", "192.0.2.10", "FTP", "89"),
                rowOf(13), "the row's texts follow the columns");
    }

    @Test
    void aClickSelectsTheRowAndARightClickFiltersOnTheColumnClicked(FxRobot robot) throws Exception {
        waitLoaded();
        FrameTableViewModel frames = window.viewModel().frames();
        robot.clickOn(textOf(rowNode(13), Column.SOURCE));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(13, frames.selectedFrame());
        // Keyboard navigation is the table's: Down selects the next row.
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(14, frames.selectedFrame());
        // Ctrl+click on the selected row deselects it, as in a table with cells.
        robot.press(KeyCode.CONTROL).clickOn(textOf(rowNode(14), Column.TIME)).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, frames.selectedFrame());
        // A right click on an unselected row selects it; Apply as Filter uses the column clicked (Destination of frame 14).
        robot.clickOn(textOf(rowNode(14), Column.DESTINATION), MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(14, frames.selectedFrame());
        robot.clickOn("Apply as Filter");
        Node selected = robot.lookup("Selected").match(Node::isVisible).query();
        robot.clickOn(selected);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !frames.busyProperty().get()
                && "ip.dst == 198.51.100.21".equals(frames.appliedFilterProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(74, frames.rows().length); // tshark -Y "ip.dst == 198.51.100.21": 74 frames
        assertEquals(14, frames.selectedFrame());
    }
}

package org.ftpscope.ui;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.event.EventHandler;
import javafx.geometry.VPos;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Text;
import org.ftpscope.ui.model.FrameTableViewModel.Column;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a frame row as one text node per column, placed by the table's visible columns (their
 * order, widths and visibility), instead of JavaFX's row skin with a table cell (a control with
 * its own skin, text node and styles) per column: the first rows of a capture cost the FX thread
 * a seventh of the controls to style and lay out. A text wider than its column ends in "…", as
 * in a cell. Selection by mouse is this skin's, as the default row skin's behaviour does it
 * for a single-selection table; keys, focus and the menus stay the table's.
 */
final class FrameRowSkin extends SkinBase<FrameRow> {
    /** Space between a column's left edge and its text, and kept free at its right edge (as modena's cell padding). */
    private static final double PADDING = 3;
    private static final Column[] COLUMNS = Column.values();
    private static final String ELLIPSIS = "\u2026";

    private final Text[] texts = new Text[COLUMNS.length];
    /** Each text's room in its column (0 while its column is hidden). */
    private final double[] room = new double[COLUMNS.length];
    /** The room each text was last fitted to (NaN: not since its text changed; its font is styled before the first layout). */
    private final double[] fittedTo = new double[COLUMNS.length];
    private final InvalidationListener columnsChanged = o -> getSkinnable().requestLayout();
    private final WeakInvalidationListener weakColumnsChanged = new WeakInvalidationListener(columnsChanged);
    private final EventHandler<MouseEvent> pressed = this::pressed;
    private final EventHandler<MouseEvent> released = this::released;
    /** A press on a selected row selects on release (as the default row behaviour), so a drag does not reselect. */
    private boolean latePress;
    /** False until the first layout: before it no text has its column's room. */
    private boolean laidOut;

    FrameRowSkin(FrameRow row) {
        super(row);
        for (Column c : COLUMNS) {
            Text t = new Text();
            t.getStyleClass().add("text");
            t.setTextOrigin(VPos.TOP);
            t.setManaged(false); // placed by this skin; a new text must not ask the flow for a layout
            texts[c.ordinal()] = t;
        }
        java.util.Arrays.fill(fittedTo, Double.NaN);
        getChildren().setAll(texts);
        TableView<Integer> table = row.table();
        table.getVisibleLeafColumns().addListener(weakColumnsChanged);
        for (TableColumn<Integer, ?> col : table.getColumns()) col.widthProperty().addListener(weakColumnsChanged);
        row.addEventHandler(MouseEvent.MOUSE_PRESSED, pressed);
        row.addEventHandler(MouseEvent.MOUSE_RELEASED, released);
        textsChanged();
    }

    /** The row shows another frame (or none): new texts, each fitted again to its column. */
    void textsChanged() {
        FrameRow row = getSkinnable();
        for (Column c : COLUMNS) {
            texts[c.ordinal()].setText(row.text(c));
            fittedTo[c.ordinal()] = Double.NaN;
            fit(c.ordinal());
        }
    }

    /**
     * The texts drawn, left to right, as the columns are shown: each in full, also where its
     * column is too narrow and shows its start and "…".
     */
    List<String> shownTexts() {
        List<String> out = new ArrayList<>();
        for (TableColumn<Integer, ?> col : getSkinnable().table().getVisibleLeafColumns()) {
            Column c = getSkinnable().columnOf(col);
            if (c != null && texts[c.ordinal()].isVisible()) out.add(getSkinnable().text(c));
        }
        return out;
    }

    /** The text node drawing a column (for tests). */
    Text textNode(Column c) { return texts[c.ordinal()]; }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        FrameRow row = getSkinnable();
        boolean[] shown = new boolean[COLUMNS.length];
        laidOut = true;
        double left = x;
        for (TableColumn<Integer, ?> col : row.table().getVisibleLeafColumns()) {
            double width = snapSizeX(col.getWidth());
            Column c = row.columnOf(col);
            if (c != null) {
                int i = c.ordinal();
                Text t = texts[i];
                shown[i] = true;
                t.setVisible(true);
                t.relocate(snapPositionX(left + PADDING), snapPositionY(y + (h - t.getLayoutBounds().getHeight()) / 2));
                room[i] = Math.max(0, width - 2 * PADDING);
                fit(i);
            }
            left += width;
        }
        for (int i = 0; i < COLUMNS.length; i++) {
            if (!shown[i]) {
                texts[i].setVisible(false);
                room[i] = 0;
            }
        }
    }

    /** Text i in full if its column has room for it, else its longest start that fits with "…" (as a table cell's ellipsis). */
    private void fit(int i) {
        if (!laidOut || fittedTo[i] == room[i]) return;
        fittedTo[i] = room[i];
        Text t = texts[i];
        String full = getSkinnable().text(COLUMNS[i]);
        if (!t.getText().equals(full)) t.setText(full);
        if (t.getLayoutBounds().getWidth() <= room[i]) return;
        int fits = 0;
        for (int lo = 1, hi = full.length() - 1; lo <= hi; ) { // the text node measures: its font is the styled one
            int mid = (lo + hi) >>> 1;
            t.setText(full.substring(0, mid) + ELLIPSIS);
            if (t.getLayoutBounds().getWidth() <= room[i]) {
                fits = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (fits > 0 && Character.isHighSurrogate(full.charAt(fits - 1))) fits--;
        t.setText(full.substring(0, fits) + ELLIPSIS);
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        double width = left + right;
        for (TableColumn<Integer, ?> col : getSkinnable().table().getVisibleLeafColumns()) width += snapSizeX(col.getWidth());
        return width;
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        double fixed = getSkinnable().table().getFixedCellSize();
        if (fixed > 0) return fixed;
        return top + bottom + 2 * PADDING + texts[0].getLayoutBounds().getHeight();
    }

    private void pressed(MouseEvent e) {
        if (e.isSynthesized()) {
            latePress = true;
            return;
        }
        TableView<Integer> table = getSkinnable().table();
        if (!table.isFocused() && table.isFocusTraversable()) table.requestFocus(); // the keys then move from this row
        latePress = getSkinnable().isSelected();
        if (!latePress) select(e);
    }

    private void released(MouseEvent e) {
        if (!latePress) return;
        latePress = false;
        select(e);
    }

    /** A single-selection table's row click: select it; Ctrl (Cmd) on a selected row deselects it; a right click selects an unselected row. */
    private void select(MouseEvent e) {
        FrameRow row = getSkinnable();
        if (row.isEmpty() || !row.contains(e.getX(), e.getY())) return;
        TableView.TableViewSelectionModel<Integer> sm = row.table().getSelectionModel();
        int index = row.getIndex();
        boolean selected = sm.isSelected(index);
        if (e.getButton() == MouseButton.PRIMARY) {
            if (selected && e.isShortcutDown()) {
                sm.clearSelection(index);
                row.table().getFocusModel().focus(index);
            } else if (!selected) {
                sm.clearAndSelect(index);
            }
        } else if (e.getButton() == MouseButton.SECONDARY && !selected) {
            sm.clearAndSelect(index);
        }
    }

    @Override
    public void dispose() {
        FrameRow row = getSkinnable();
        if (row == null) return;
        row.table().getVisibleLeafColumns().removeListener(weakColumnsChanged);
        for (TableColumn<Integer, ?> col : row.table().getColumns()) col.widthProperty().removeListener(weakColumnsChanged);
        row.removeEventHandler(MouseEvent.MOUSE_PRESSED, pressed);
        row.removeEventHandler(MouseEvent.MOUSE_RELEASED, released);
        getChildren().removeAll(texts);
        super.dispose();
    }
}

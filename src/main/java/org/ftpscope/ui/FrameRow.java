package org.ftpscope.ui;

import javafx.css.PseudoClass;
import javafx.scene.control.Skin;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import org.ftpscope.present.ColouringRule;
import org.ftpscope.ui.model.FrameTableViewModel;
import org.ftpscope.ui.model.FrameTableViewModel.Column;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the packet list: its frame's seven column texts, drawn by {@link FrameRowSkin}
 * without a table cell per column, in the colouring rule the frame matches (a pseudo-class, so
 * no selector is matched again when the rule changes).
 */
final class FrameRow extends TableRow<Integer> {
    private static final Map<ColouringRule, PseudoClass> RULES = new EnumMap<>(ColouringRule.class);
    private static final Column[] COLUMNS = Column.values();

    static {
        for (ColouringRule r : ColouringRule.values()) RULES.put(r, PseudoClass.getPseudoClass(r.cssName()));
    }

    private final FrameTableView table;
    private final FrameTableViewModel vm;
    /** The texts of the frame shown, by column ordinal; empty strings for an empty row. */
    private final String[] texts = new String[COLUMNS.length];
    private PseudoClass colour;

    FrameRow(FrameTableView table, FrameTableViewModel vm) {
        this.table = table;
        this.vm = vm;
        java.util.Arrays.fill(texts, "");
        getStyleClass().add("frame-row");
    }

    @Override
    protected Skin<?> createDefaultSkin() { return new FrameRowSkin(this); }

    FrameTableView table() { return table; }

    String text(Column c) { return texts[c.ordinal()]; }

    /** The model column of one of the table's columns (null for a column this table did not make). */
    Column columnOf(TableColumn<Integer, ?> col) { return table.columnOf(col); }

    /** The column shown at x (in this row's coordinates), or null right of the last one. */
    Column columnAt(double x) {
        double left = snappedLeftInset();
        List<TableColumn<Integer, ?>> shown = table.getVisibleLeafColumns();
        for (TableColumn<Integer, ?> col : shown) {
            double right = left + snapSizeX(col.getWidth());
            if (x < right) return columnOf(col);
            left = right;
        }
        return null;
    }

    @Override
    protected void updateItem(Integer frame, boolean empty) {
        super.updateItem(frame, empty);
        boolean none = empty || frame == null;
        for (Column c : COLUMNS) texts[c.ordinal()] = none ? "" : vm.cellText(frame, c);
        ColouringRule rule = none ? null : vm.colour(frame);
        PseudoClass next = rule == null ? null : RULES.get(rule);
        if (next != colour) {
            if (colour != null) pseudoClassStateChanged(colour, false);
            if (next != null) pseudoClassStateChanged(next, true);
            colour = next;
        }
        if (getSkin() instanceof FrameRowSkin skin) skin.textsChanged();
    }
}

package org.ftpscope.ui;

import javafx.beans.InvalidationListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The last column shown takes the width the others leave, never less than its own, as the last
 * column of Wireshark's packet list does (Qt's stretch-last-section): a long Info text is not cut
 * while the window has room. When the columns are reordered or hidden, the column that was last
 * gets its own width back. Its own width is the one it had before it was stretched, or the one
 * the user dragged it to.
 */
final class StretchLastColumn {
    private final TableView<?> table;
    private final Map<TableColumn<?, ?>, Double> own = new IdentityHashMap<>();
    private TableColumn<?, ?> stretched;
    private ScrollBar verticalBar;
    private boolean setting;

    private StretchLastColumn(TableView<?> table) {
        this.table = table;
    }

    static void install(TableView<?> table) {
        StretchLastColumn s = new StretchLastColumn(table);
        InvalidationListener fit = o -> s.fit();
        table.widthProperty().addListener(fit);
        table.getVisibleLeafColumns().addListener(fit);
        for (TableColumn<?, ?> c : table.getColumns()) {
            c.widthProperty().addListener((o, before, after) -> {
                if (!s.setting && c == s.stretched) s.own.put(c, after.doubleValue()); // the user's drag
                s.fit();
            });
        }
        // The vertical scroll bar appears with the rows; the room it takes is not the columns'.
        table.skinProperty().addListener((o, before, skin) -> {
            for (Node n : table.lookupAll(".scroll-bar")) {
                if (n instanceof ScrollBar b && b.getOrientation() == Orientation.VERTICAL) {
                    s.verticalBar = b;
                    b.visibleProperty().addListener(fit);
                    b.widthProperty().addListener(fit);
                }
            }
            s.fit();
        });
    }

    private double ownWidth(TableColumn<?, ?> c) { return own.computeIfAbsent(c, k -> k.getWidth()); }

    private void fit() {
        if (setting) return;
        var shown = table.getVisibleLeafColumns();
        TableColumn<?, ?> last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        setting = true;
        try {
            if (stretched != null && stretched != last) stretched.setPrefWidth(ownWidth(stretched));
            stretched = last;
            if (last == null || table.getWidth() <= 0) return;
            double others = 0;
            for (TableColumn<?, ?> c : shown) if (c != last) others += c.getWidth();
            double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset()
                    - (verticalBar != null && verticalBar.isVisible() ? verticalBar.getWidth() : 0) - others;
            last.setPrefWidth(Math.max(ownWidth(last), Math.floor(room)));
        } finally {
            setting = false;
        }
    }
}

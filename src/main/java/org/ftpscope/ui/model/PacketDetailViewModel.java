package org.ftpscope.ui.model;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.ftpscope.decode.DetailNode;
import org.ftpscope.present.FrameViews;

/**
 * The packet detail tree and bytes of the selected frame, and the byte range of the selected
 * field. Follows the frame table's selection; empty while no analysed frame is selected.
 */
public final class PacketDetailViewModel {
    private final ReadOnlyObjectWrapper<DetailNode> tree = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<byte[]> bytes = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper frame = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<DetailNode> selectedField = new ReadOnlyObjectWrapper<>();

    public PacketDetailViewModel(FrameTableViewModel frames) {
        frames.selectedFrameProperty().addListener((o, old, f) -> show(frames.captureProperty().get(), f.intValue()));
        frames.captureProperty().addListener((o, old, c) -> show(c, frames.selectedFrame()));
    }

    /** The root of the selected frame's tree (its children are the protocol layers), or null. */
    public ReadOnlyObjectProperty<DetailNode> treeProperty() { return tree.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<byte[]> bytesProperty() { return bytes.getReadOnlyProperty(); }

    /** The frame shown, 0 for none. */
    public ReadOnlyIntegerProperty frameProperty() { return frame.getReadOnlyProperty(); }

    /** The selected tree node, whose bytes are highlighted; null for none. */
    public ReadOnlyObjectProperty<DetailNode> selectedFieldProperty() { return selectedField.getReadOnlyProperty(); }

    public void selectField(DetailNode n) { selectedField.set(n); }

    /** The smallest node covering a byte (the deeper one on a tie): the field a click on that byte means. */
    public DetailNode fieldAt(int offset) { return deepest(tree.get(), offset); }

    private void show(LoadedCapture c, int f) {
        selectedField.set(null);
        if (c == null || f <= 0) {
            frame.set(0);
            tree.set(null);
            bytes.set(null);
            return;
        }
        FrameViews.Decoded d = c.views().decode(f);
        frame.set(f);
        bytes.set(d.bytes());
        tree.set(c.views().tree(d));
    }

    static DetailNode deepest(DetailNode n, int offset) {
        if (n == null) return null;
        DetailNode best = n.hasBytes() && offset >= n.offset() && offset < n.offset() + n.length() ? n : null;
        for (DetailNode c : n.children()) {
            DetailNode hit = deepest(c, offset);
            if (hit != null && (best == null || hit.length() <= best.length())) best = hit;
        }
        return best;
    }
}

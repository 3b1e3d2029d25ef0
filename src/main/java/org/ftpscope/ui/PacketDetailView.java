package org.ftpscope.ui;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import org.ftpscope.decode.DetailNode;
import org.ftpscope.filter.FilterText;
import org.ftpscope.ui.model.PacketDetailViewModel;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The packet details tree and the bytes pane: selecting a field highlights its bytes, clicking a
 * byte selects the smallest field covering it; a field's menu applies, prepares or copies it as a filter.
 */
final class PacketDetailView extends SplitPane {
    private final PacketDetailViewModel vm;
    private final TreeView<DetailNode> tree = new TreeView<>();
    private final HexPane hex = new HexPane();
    private final Map<DetailNode, TreeItem<DetailNode>> items = new IdentityHashMap<>();
    private boolean syncing;

    PacketDetailView(PacketDetailViewModel vm, Consumer<String> applyFilter, Consumer<String> prepareFilter,
                     Consumer<String> tell) {
        this.vm = vm;
        tree.setId("packet-details");
        tree.setShowRoot(false);
        tree.setCellFactory(tv -> new TreeCell<>() {
            @Override
            protected void updateItem(DetailNode n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : n.label());
            }

            // By identity: the record's equals compares whole subtrees, on every cell update.
            @Override
            protected boolean isItemChanged(DetailNode oldItem, DetailNode newItem) { return oldItem != newItem; }
        });
        vm.treeProperty().addListener((o, old, root) -> showTree(root));
        vm.bytesProperty().addListener((o, old, b) -> hex.show(b));
        tree.getSelectionModel().selectedItemProperty().addListener((o, old, it) -> {
            if (!syncing) vm.selectField(it == null ? null : it.getValue());
        });
        vm.selectedFieldProperty().addListener((o, old, n) -> {
            if (n != null && n.hasBytes()) hex.highlight(n.offset(), n.length());
            else hex.highlight(-1, 0);
        });
        hex.setOnByteClicked(offset -> {
            DetailNode n = vm.fieldAt(offset);
            TreeItem<DetailNode> it = n == null ? null : items.get(n);
            if (it == null) return;
            for (TreeItem<DetailNode> p = it.getParent(); p != null; p = p.getParent()) p.setExpanded(true);
            tree.getSelectionModel().select(it);
            tree.scrollTo(tree.getRow(it));
        });
        MenuItem apply = new MenuItem("Apply as Filter");
        apply.setOnAction(e -> withFilter(applyFilter));
        MenuItem prepare = new MenuItem("Prepare as Filter");
        prepare.setOnAction(e -> withFilter(prepareFilter));
        MenuItem copy = new MenuItem("Copy as Filter");
        copy.setOnAction(e -> withFilter(f -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(f);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
            tell.accept("Copied: " + f);
        }));
        tree.setContextMenu(new ContextMenu(apply, prepare, copy));
        getItems().setAll(tree, hex);
        setDividerPositions(0.55);
    }

    TreeView<DetailNode> tree() { return tree; }

    HexPane hex() { return hex; }

    private void showTree(DetailNode root) {
        syncing = true;
        try {
            items.clear();
            tree.setRoot(root == null ? null : item(root));
        } finally {
            syncing = false;
        }
    }

    private TreeItem<DetailNode> item(DetailNode n) {
        TreeItem<DetailNode> it = new TreeItem<>(n);
        items.put(n, it);
        for (DetailNode c : n.children()) it.getChildren().add(item(c));
        return it;
    }

    private void withFilter(Consumer<String> use) {
        TreeItem<DetailNode> it = tree.getSelectionModel().getSelectedItem();
        if (it == null || it.getValue().field() == null) return;
        use.accept(FilterText.of(it.getValue()));
    }
}

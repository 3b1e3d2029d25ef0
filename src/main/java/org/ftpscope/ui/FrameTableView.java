package org.ftpscope.ui;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.Node;
import org.ftpscope.decode.FrameSummary;
import org.ftpscope.decode.PacketInfo;
import org.ftpscope.fields.FrameFields;
import org.ftpscope.fields.IpFields;
import org.ftpscope.fields.TcpFields;
import org.ftpscope.present.FrameViews;
import org.ftpscope.ui.model.FrameTableViewModel.Column;
import org.ftpscope.ui.model.FrameTableViewModel;
import org.ftpscope.ui.model.LoadedCapture;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The packet list: Wireshark's seven columns and colouring rules over a primitive list of frame
 * numbers, each row drawn by {@link FrameRow} without a cell per column. A row whose frame
 * number stays the same keeps its texts unless told otherwise, so whenever what a frame number
 * shows changes (another capture, the analysed rows after the loading preview, another time
 * format) the visible rows take their items again: no row ever keeps text of another capture or
 * of the preview. They are rebuilt, not recreated: the rows, skins and styles are reused.
 */
final class FrameTableView extends TableView<Integer> {
    private final FrameTableViewModel vm;
    private final Map<Column, TableColumn<Integer, String>> columns = new EnumMap<>(Column.class);
    private FrameList rows = new FrameList();
    /** Set while the view copies the view model's state into the table (no echo back). */
    private boolean syncing;
    /** The column last right-clicked in a row (Apply as Filter uses its field, as in Wireshark). */
    private Column clickedColumn = Column.INFO;

    FrameTableView(FrameTableViewModel vm, Actions actions, Consumer<String> prepareFilter) {
        super();
        this.vm = vm;
        setId("frame-table");
        setItems(rows);
        for (Column c : Column.values()) {
            TableColumn<Integer, String> col = new TableColumn<>(c.title());
            col.setPrefWidth(switch (c) {
                case NUMBER, LENGTH -> 70;
                case TIME -> 110;
                case SOURCE, DESTINATION -> 170;
                case PROTOCOL -> 80;
                case INFO -> 600;
            });
            col.setSortable(true); // sorted by the view model, never by JavaFX's comparator over cell values
            // The rows draw their texts themselves (FrameRow); the values serve the header's fit-to-content resize.
            col.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyStringWrapper(vm.cellText(cd.getValue(), c)));
            columns.put(c, col);
            getColumns().add(col);
        }
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        StretchLastColumn.install(this);
        // One row height for all rows: without it VirtualFlow measures cells to estimate the height of a million rows.
        setFixedCellSize(22);
        getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        setSortPolicy(t -> {
            if (!syncing) requestSort();
            return true;
        });
        setRowFactory(tv -> {
            FrameRow row = new FrameRow(this, vm);
            row.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
                Column c = row.columnAt(e.getX());
                if (c != null) clickedColumn = c;
            });
            return row;
        });
        setContextMenu(rowMenu(actions, prepareFilter));
        headerMenus();
        // A right click on a header opens its menu; it must not sort (JavaFX sorts on any click).
        addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getButton() != MouseButton.PRIMARY && inHeader(e.getPickResult().getIntersectedNode())) e.consume();
        });
        addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() != MouseButton.PRIMARY && inHeader(e.getPickResult().getIntersectedNode())) e.consume();
        });

        vm.rowsProperty().addListener((o, old, frames) -> showRows(frames));
        vm.captureProperty().addListener((o, old, c) -> redrawRows());
        vm.timeFormatProperty().addListener((o, old, f) -> redrawRows());
        vm.selectedFrameProperty().addListener((o, old, f) -> {
            if (!syncing) selectFrame(f.intValue());
        });
        getSelectionModel().selectedItemProperty().addListener((o, old, f) -> {
            if (syncing) return;
            // No echo into the table within its own change: clearing it there (after a Ctrl+click deselected a row) breaks its lists.
            syncing = true;
            try {
                vm.select(f == null ? 0 : f);
            } finally {
                syncing = false;
            }
        });
    }

    TableColumn<Integer, String> column(Column c) { return columns.get(c); }

    /** The model column a table column shows (null for one this view did not make). */
    Column columnOf(TableColumn<Integer, ?> col) {
        for (Map.Entry<Column, TableColumn<Integer, String>> e : columns.entrySet()) if (e.getValue() == col) return e.getKey();
        return null;
    }

    private void showRows(int[] frames) {
        syncing = true;
        try {
            FrameList next = new FrameList();
            next.setAll(frames);
            rows = next;
            setItems(next); // a new list: a change removing a million rows walks them all in the selection model
            Column sort = vm.sortColumnProperty().get();
            if (sort == null) {
                getSortOrder().clear();
            } else {
                TableColumn<Integer, String> col = columns.get(sort);
                col.setSortType(vm.sortDescendingProperty().get() ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
                getSortOrder().setAll(List.of(col));
            }
            // New rows from a filter or a sort: the flow's visible cells are still the old list's
            // until the next layout, so the selected frame is scrolled to, as Wireshark keeps it in
            // view. While loading the rows only grow, and the user's scrolling is left alone.
            selectFrame(vm.selectedFrame(), vm.captureProperty().get() != null);
        } finally {
            syncing = false;
        }
        // A frame's time since the previous displayed one changes with the rows around it.
        if (vm.timeFormatProperty().get() == FrameTableViewModel.TimeFormat.SINCE_PREVIOUS_DISPLAYED) redrawRows();
    }

    @Override
    protected javafx.scene.control.Skin<?> createDefaultSkin() { return new RebuildableSkin(this); }

    /** The visible rows take their items and cell texts from the view model again (at the next layout). */
    private void redrawRows() {
        if (getSkin() instanceof RebuildableSkin skin) skin.rebuildRows();
    }

    /** The default skin whose flow can be asked to rebuild its rows (JavaFX does so itself only when the row count changes). */
    private static final class RebuildableSkin extends TableViewSkin<Integer> {
        RebuildableSkin(TableView<Integer> table) { super(table); }

        @Override
        protected VirtualFlow<TableRow<Integer>> createVirtualFlow() { return new RebuildableFlow(); }

        void rebuildRows() { ((RebuildableFlow) getVirtualFlow()).rebuild(); }
    }

    private static final class RebuildableFlow extends VirtualFlow<TableRow<Integer>> {
        void rebuild() { rebuildCells(); }
    }

    private void selectFrame(int frame) { selectFrame(frame, false); }

    private void selectFrame(int frame, boolean rowsReplaced) {
        boolean was = syncing;
        syncing = true;
        try {
            int row = vm.rowOf(frame);
            if (row < 0) {
                getSelectionModel().clearSelection();
                return;
            }
            boolean moved = getSelectionModel().getSelectedIndex() != row;
            if (moved) getSelectionModel().clearAndSelect(row);
            if (rowsReplaced) scrollTo(Math.max(0, row - 5));
            else if (moved) scrollIntoView(row);
        } finally {
            syncing = was;
        }
    }

    private void scrollIntoView(int row) {
        var flow = (javafx.scene.control.skin.VirtualFlow<?>) lookup(".virtual-flow");
        if (flow == null) {
            scrollTo(Math.max(0, row - 5));
            return;
        }
        var first = flow.getFirstVisibleCell();
        var last = flow.getLastVisibleCell();
        if (first == null || last == null || row < first.getIndex() || row > last.getIndex()) scrollTo(Math.max(0, row - 5));
    }

    private void requestSort() {
        if (getSortOrder().isEmpty()) {
            vm.sort(null, false);
            return;
        }
        TableColumn<Integer, ?> col = getSortOrder().get(0);
        Column c = columns.entrySet().stream().filter(e -> e.getValue() == col).map(Map.Entry::getKey).findFirst().orElse(null);
        vm.sort(c, col.getSortType() == TableColumn.SortType.DESCENDING);
    }

    private static boolean inHeader(Node n) {
        for (; n != null; n = n.getParent()) if (n.getStyleClass().contains("column-header")) return true;
        return false;
    }

    /** Each column's header menu: sorting, the columns shown, and (on Time) the time display format. */
    private void headerMenus() {
        for (Map.Entry<Column, TableColumn<Integer, String>> e : columns.entrySet()) {
            TableColumn<Integer, String> col = e.getValue();
            MenuItem asc = new MenuItem("Sort Ascending");
            asc.setOnAction(x -> vm.sort(e.getKey(), false));
            MenuItem desc = new MenuItem("Sort Descending");
            desc.setOnAction(x -> vm.sort(e.getKey(), true));
            MenuItem none = new MenuItem("Remove Sorting");
            none.setOnAction(x -> vm.sort(null, false));
            Menu shown = new Menu("Displayed Columns");
            for (Map.Entry<Column, TableColumn<Integer, String>> other : columns.entrySet()) {
                CheckMenuItem m = new CheckMenuItem(other.getKey().title());
                m.selectedProperty().bindBidirectional(other.getValue().visibleProperty());
                shown.getItems().add(m);
            }
            MenuItem hide = new MenuItem("Hide Column");
            hide.setOnAction(x -> col.setVisible(false));
            ContextMenu menu = new ContextMenu(asc, desc, none, new SeparatorMenuItem(), hide, shown);
            if (e.getKey() == Column.TIME) {
                Menu format = new Menu("Time Display Format");
                ToggleGroup g = new ToggleGroup();
                for (FrameTableViewModel.TimeFormat f : FrameTableViewModel.TimeFormat.values()) {
                    RadioMenuItem r = new RadioMenuItem(f.title());
                    r.setToggleGroup(g);
                    r.setSelected(vm.timeFormatProperty().get() == f);
                    r.setOnAction(x -> vm.timeFormatProperty().set(f));
                    vm.timeFormatProperty().addListener((o, a, b) -> r.setSelected(b == f));
                    format.getItems().add(r);
                }
                menu.getItems().add(0, format);
                menu.getItems().add(1, new SeparatorMenuItem());
            }
            col.setContextMenu(menu);
        }
    }

    /** Wireshark's packet-list menu: Apply/Prepare as Filter, Conversation Filter, Follow, Copy, Show FTP Session. */
    private ContextMenu rowMenu(Actions actions, Consumer<String> prepareFilter) {
        Menu apply = new Menu("Apply as Filter");
        Menu prepare = new Menu("Prepare as Filter");
        for (boolean not : new boolean[] {false, true}) {
            MenuItem a = new MenuItem(not ? "Not Selected" : "Selected");
            a.setOnAction(e -> { String f = columnFilter(not); if (f != null) vm.applyFilter(f); });
            MenuItem p = new MenuItem(not ? "Not Selected" : "Selected");
            p.setOnAction(e -> { String f = columnFilter(not); if (f != null) prepareFilter.accept(f); });
            apply.getItems().add(a);
            prepare.getItems().add(p);
        }
        Menu conversation = new Menu("Conversation Filter");
        for (String kind : new String[] {"IP", "TCP"}) {
            MenuItem m = new MenuItem(kind);
            m.setOnAction(e -> { String f = conversationFilter(kind); if (f != null) vm.applyFilter(f); });
            conversation.getItems().add(m);
        }
        Menu follow = new Menu("Follow", null, actions.contextItem(Actions.Id.FOLLOW_TCP));
        MenuItem summary = new MenuItem("Summary as Text");
        summary.setOnAction(e -> withFrame(f -> copy(vm.summary(f).toTsv())));
        MenuItem asFilter = new MenuItem("…as Filter");
        asFilter.setOnAction(e -> { String f = columnFilter(false); if (f != null) copy(f); });
        MenuItem hex = new MenuItem("Bytes as Hex Dump");
        hex.setOnAction(e -> withCapture((c, f) -> copy(org.ftpscope.ui.model.FollowStreamViewModel.hexDump(c.views().decode(f).bytes()))));
        Menu copy = new Menu("Copy", null, summary, asFilter, hex);
        return new ContextMenu(apply, prepare, conversation, new SeparatorMenuItem(), follow, actions.contextItem(Actions.Id.SHOW_SESSION),
                new SeparatorMenuItem(), copy);
    }

    private void withFrame(Consumer<Integer> action) {
        int f = vm.selectedFrame();
        if (f > 0 && vm.summary(f) != null) action.accept(f);
    }

    private void withCapture(java.util.function.BiConsumer<LoadedCapture, Integer> action) {
        LoadedCapture c = vm.captureProperty().get();
        int f = vm.selectedFrame();
        if (c != null && f > 0) action.accept(c, f);
    }

    /** The filter for the clicked column's value of the selected frame, as Wireshark's Apply as Filter. */
    private String columnFilter(boolean not) {
        LoadedCapture c = vm.captureProperty().get();
        int frame = vm.selectedFrame();
        if (c == null || frame <= 0) return null;
        FrameViews.Decoded d = c.views().decode(frame);
        PacketInfo p = d.info();
        FrameSummary s = c.row(frame).summary();
        String f = switch (clickedColumn) {
            case NUMBER -> FrameFields.NUMBER.name() + " == " + frame;
            case LENGTH -> FrameFields.LEN.name() + " == " + s.length();
            case SOURCE -> p.isIp() ? (p.ipVersion == 6 ? IpFields.V6_SRC : IpFields.SRC).name() + " == " + p.src() : null;
            case DESTINATION -> p.isIp() ? (p.ipVersion == 6 ? IpFields.V6_DST : IpFields.DST).name() + " == " + p.dst() : null;
            case PROTOCOL -> s.protocol().toLowerCase(java.util.Locale.ROOT);
            // The value to the nanosecond, as the tree writes it: the column may show fewer digits than the timestamp has.
            case TIME -> FrameFields.TIME_RELATIVE.name() + " == " + FrameSummary.seconds(s.timeNanos(), 9);
            case INFO -> p.tcp ? TcpFields.STREAM.name() + " == " + d.tcp().stream() : null;
        };
        if (f == null) return null;
        return not ? "!(" + f + ")" : f;
    }

    private String conversationFilter(String kind) {
        LoadedCapture c = vm.captureProperty().get();
        int frame = vm.selectedFrame();
        if (c == null || frame <= 0) return null;
        PacketInfo p = c.views().decode(frame).info();
        if (!p.isIp()) return null;
        String addr = (p.ipVersion == 6 ? IpFields.V6_ADDR : IpFields.ADDR).name(), port = TcpFields.PORT.name();
        String ip = "(" + addr + " == " + p.src() + " && " + addr + " == " + p.dst() + ")";
        if (kind.equals("IP") || !p.tcp) return ip;
        return ip + " && (" + port + " == " + p.srcPort + " && " + port + " == " + p.dstPort + ")";
    }

    private static void copy(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
    }

    /** For tests: each visible row's index, then its texts left to right as the columns are shown (in full where drawn with "…"). */
    List<List<String>> visibleRowTexts() {
        List<List<String>> out = new ArrayList<>();
        for (Node n : lookupAll(".table-row-cell")) {
            if (!(n instanceof FrameRow r) || r.isEmpty() || r.getItem() == null || !r.isVisible()) continue;
            if (!(r.getSkin() instanceof FrameRowSkin skin)) continue;
            List<String> cells = new ArrayList<>(skin.shownTexts());
            cells.add(0, Integer.toString(r.getIndex()));
            out.add(cells);
        }
        return out;
    }
}

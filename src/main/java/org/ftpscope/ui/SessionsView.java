package org.ftpscope.ui;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.present.StoryLine;
import org.ftpscope.present.SessionLadder;
import org.ftpscope.ui.model.SessionsViewModel;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

/** FTP Sessions: a table of sessions, and the story and ladder diagram of the one in focus. */
final class SessionsView extends SplitPane {
    private final SessionsViewModel vm;
    private final TableView<SessionsViewModel.Row> table = new TableView<>();
    private final ListView<StoryLine> story = new ListView<>();
    private final LadderCanvas ladder = new LadderCanvas();
    private final Label ladderLimit = new Label();
    private TabPane detailTabs;
    private boolean syncing;

    SessionsView(SessionsViewModel vm, IntConsumer goToFrame, Consumer<FtpSession> followSession, Runnable exportReport) {
        this.vm = vm;
        table.setId("sessions");
        table.setItems(vm.rows());
        table.getColumns().setAll(java.util.List.of(
                col("#", 50, r -> Integer.toString(r.session().id())),
                col("Client", 170, r -> r.session().client().toString()),
                col("Server", 170, r -> r.session().server().toString()),
                col("User", 110, r -> r.session().user() == null ? "—" : r.session().user()),
                col("Login", 80, r -> r.session().login().label() + (r.session().tls() ? ", TLS" : "")),
                col("Transfers", 90, SessionsViewModel.Row::transfersText),
                col("Bytes", 90, r -> Long.toString(r.bytes())),
                col("Findings", 70, r -> Integer.toString(r.findings()))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<SessionsViewModel.Row>) c -> {
            if (syncing) return;
            Set<Integer> ids = new TreeSet<>();
            table.getSelectionModel().getSelectedItems().forEach(r -> { if (r != null) ids.add(r.session().id()); });
            SessionsViewModel.Row focus = table.getSelectionModel().getSelectedItem();
            vm.select(ids, focus == null ? -1 : focus.session().id());
        });
        vm.selectedIds().addListener((ListChangeListener<Integer>) c -> syncSelection());
        vm.focusedProperty().addListener((o, old, f) -> syncSelection());
        vm.rows().addListener((ListChangeListener<SessionsViewModel.Row>) c -> syncSelection());

        story.setId("story");
        story.setItems(vm.story());
        story.setCellFactory(lv -> new ListCell<>() {
            {
                // A finding's line is a sentence or two: wrapped to the list's width, as the Findings
                // view does, instead of cut off and reachable only by scrolling sideways.
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(StoryLine l, boolean empty) {
                super.updateItem(l, empty);
                getStyleClass().removeIf(c -> c.startsWith("story-"));
                if (empty || l == null) {
                    setText(null);
                    return;
                }
                setText(String.format("%6d   %s", l.frame(), l.text()));
                getStyleClass().add("story-" + l.kind());
            }
        });
        story.setOnMouseClicked(e -> {
            StoryLine l = story.getSelectionModel().getSelectedItem();
            if (l != null && e.getClickCount() == 2) goToFrame.accept(l.frame());
        });
        story.setOnKeyPressed(e -> {
            StoryLine l = story.getSelectionModel().getSelectedItem();
            if (l != null && e.getCode() == KeyCode.ENTER) goToFrame.accept(l.frame());
        });
        ladderLimit.setId("ladderLimit");
        ladderLimit.setWrapText(true);
        ladderLimit.getStyleClass().add("limit-note");
        ladderLimit.setStyle("-fx-text-fill: #b91c1c;");
        showLimit(null);
        vm.ladderProperty().addListener((o, old, m) -> {
            ladder.show(m);
            showLimit(m);
        });
        ladder.setOnMouseClicked(e -> {
            SessionLadder.Arrow a = ladder.arrowAt(e.getY());
            if (a != null && e.getClickCount() == 2) goToFrame.accept(a.frame());
        });
        Button follow = new Button("Follow FTP Session in Frames");
        follow.setOnAction(e -> { if (vm.focusedProperty().get() != null) followSession.accept(vm.focusedProperty().get()); });
        Button export = new Button("Export Report…");
        export.setOnAction(e -> exportReport.run());
        TabPane detail = new TabPane(new Tab("Story", story), new Tab("Ladder diagram", ladderPane(ladderLimit, new ScrollPane(ladder))));
        detailTabs = detail;
        detail.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        HBox bar = new HBox(8, new Label("Double-click a line or an arrow to jump to its frame."), follow, export);
        VBox right = new VBox(6, bar, detail);
        VBox.setVgrow(detail, Priority.ALWAYS);
        right.setPadding(new Insets(6));
        setOrientation(javafx.geometry.Orientation.VERTICAL);
        getItems().setAll(table, right);
        setDividerPositions(0.3);
    }

    /** Above the diagram, shown only when the ladder was cut: the limit, how many arrows, the first frame not drawn. */
    private void showLimit(SessionLadder m) {
        String note = m == null ? "" : m.limitNote();
        ladderLimit.setText(note.isEmpty() ? "" : note + "; the story lists every exchange.");
        ladderLimit.setVisible(!note.isEmpty());
        ladderLimit.setManaged(!note.isEmpty());
    }

    private static VBox ladderPane(Label limit, ScrollPane diagram) {
        VBox box = new VBox(4, limit, diagram);
        VBox.setVgrow(diagram, Priority.ALWAYS);
        return box;
    }

    /** The note above the ladder diagram when it was cut at its limit (hidden otherwise). */
    Label ladderLimit() { return ladderLimit; }

    TableView<SessionsViewModel.Row> table() { return table; }

    ListView<StoryLine> story() { return story; }

    LadderCanvas ladder() { return ladder; }

    /** Story (0) and ladder diagram (1). */
    TabPane detailTabs() { return detailTabs; }

    private void syncSelection() {
        syncing = true;
        try {
            table.getSelectionModel().clearSelection();
            FtpSession focus = vm.focusedProperty().get();
            for (int i = 0; i < table.getItems().size(); i++) {
                if (vm.selectedIds().contains(table.getItems().get(i).session().id())) table.getSelectionModel().select(i);
            }
            for (int i = 0; i < table.getItems().size(); i++) {
                // The focused row last, and only if it is selected: the model sets the selection before the focus.
                if (table.getItems().get(i).session() == focus && vm.selectedIds().contains(focus.id())) {
                    table.getSelectionModel().select(i); // the table's selected item
                    table.scrollTo(i);
                }
            }
        } finally {
            syncing = false;
        }
    }

    private static TableColumn<SessionsViewModel.Row, String> col(String name, double width,
                                                                Function<SessionsViewModel.Row, String> f) {
        TableColumn<SessionsViewModel.Row, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        return c;
    }

}

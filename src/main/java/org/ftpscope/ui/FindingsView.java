package org.ftpscope.ui;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.model.Severity;
import org.ftpscope.present.FindingGroup;
import org.ftpscope.ui.model.FindingsViewModel;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Findings as the reports group them: per severity, one entry per group with its count, its
 * one-sentence summary, the kind's explanation and suggested fix (wrapped to the view's width),
 * and a collapsed list of its single findings. Double-clicking a group or a finding (or its
 * link) filters the frame list to its frames; the firewall summary is beside them. A list view:
 * only the entries on screen are made, so thousands of groups (one per host pair) cost nothing.
 */
final class FindingsView extends SplitPane {
    /** Single findings listed per group before "… and N more" (all stay reachable through the group's filter). */
    static final int SHOWN_PER_GROUP = 200;

    /** A severity's heading in the list. */
    record Heading(Severity severity, int findings, int groups) {}

    private final FindingsViewModel vm;
    private final ListView<Object> list = new ListView<>();
    private final ObservableList<Object> entries = FXCollections.observableArrayList();
    private final TextArea firewall = new TextArea();
    private final Consumer<FindingsViewModel.Jump> show;
    /** Groups whose single findings are shown (cells are reused: the state lives here). */
    private final Set<FindingGroup> expanded = Collections.newSetFromMap(new IdentityHashMap<>());

    FindingsView(FindingsViewModel vm, Consumer<FindingsViewModel.Jump> show) {
        this.vm = vm;
        this.show = show;
        list.setId("findings");
        list.setItems(entries);
        list.getStyleClass().add("findings-list");
        list.setPlaceholder(new Label("Nothing to report: no FTP problems found in this capture."));
        list.setCellFactory(lv -> new EntryCell());
        firewall.setEditable(false);
        firewall.setWrapText(false);
        firewall.getStyleClass().add("mono");
        firewall.textProperty().bind(vm.firewallProperty());
        vm.groups().addListener((javafx.collections.ListChangeListener<FindingGroup>) c -> fill());
        getItems().setAll(list, firewall);
        setDividerPositions(0.62);
    }

    ListView<Object> list() { return list; }

    TextArea firewall() { return firewall; }

    /** Shows or hides a group's single findings. */
    void setExpanded(FindingGroup g, boolean on) {
        if (on ? expanded.add(g) : expanded.remove(g)) list.refresh();
    }

    private void fill() {
        expanded.clear();
        Severity current = null;
        java.util.List<Object> out = new java.util.ArrayList<>(vm.groups().size() + 3);
        for (FindingGroup g : vm.groups()) {
            if (g.severity() != current) {
                current = g.severity();
                out.add(new Heading(current, vm.count(current), vm.groupCount(current)));
            }
            out.add(g);
        }
        entries.setAll(out);
    }

    private final class EntryCell extends ListCell<Object> {
        EntryCell() {
            setPrefWidth(0); // the cell's width is the list's: wrapped text wraps to it instead of widening the list
            setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && getItem() instanceof FindingGroup g && !e.isConsumed()) {
                    FindingsViewModel.Jump j = FindingsViewModel.jump(g);
                    if (!j.filter().isEmpty()) show.accept(j);
                }
            });
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            getStyleClass().removeIf(c -> c.startsWith("finding-group"));
            if (empty || item == null) {
                setGraphic(null);
            } else if (item instanceof Heading h) {
                setGraphic(heading(h));
            } else {
                FindingGroup g = (FindingGroup) item;
                getStyleClass().addAll("finding-group", "finding-group-" + g.severity().label());
                setGraphic(group(g));
            }
        }
    }

    private static Node heading(Heading h) {
        Label sev = new Label(h.severity().label().toUpperCase(Locale.ROOT) + " — " + h.findings()
                + (h.findings() == 1 ? " finding" : " findings") + " in " + h.groups() + (h.groups() == 1 ? " group" : " groups"));
        sev.getStyleClass().addAll("findings-severity", "severity-" + h.severity().label());
        return sev;
    }

    private VBox group(FindingGroup g) {
        FindingsViewModel.Jump jump = FindingsViewModel.jump(g);
        Label title = new Label(FindingsViewModel.title(g));
        title.getStyleClass().add("finding-title");
        Hyperlink frames = new Hyperlink(g.frameCount() == 1 ? "show its frame" : "show its " + g.frameCount() + " frames");
        frames.setMinWidth(Region.USE_PREF_SIZE);
        frames.setOnAction(e -> show.accept(jump));
        frames.setDisable(jump.filter().isEmpty());
        HBox head = new HBox(8, title, frames);
        Label explanation = wrapped(g.kind().explanation());
        explanation.getStyleClass().add("finding-explanation");
        Label fix = wrapped("Fix: " + g.kind().suggestedFix());
        fix.getStyleClass().add("finding-fix");
        VBox members = new VBox(2);
        TitledPane single = new TitledPane(g.findings().size() + (g.findings().size() == 1 ? " finding" : " findings"), members);
        single.setAnimated(false);
        single.getStyleClass().add("finding-members");
        boolean open = expanded.contains(g);
        single.setExpanded(open);
        if (open) members(g, members); // made only when expanded: a group of 10,000 failed logins costs nothing until then
        single.expandedProperty().addListener((o, was, now) -> setExpanded(g, now));
        single.setOnMouseClicked(javafx.event.Event::consume); // a double-click on its header toggles it, not the group's filter
        VBox box = new VBox(4, head, wrapped(g.message()), explanation, fix, single);
        box.setPadding(new Insets(0, 4, 0, 4));
        return box;
    }

    private void members(FindingGroup g, VBox into) {
        int n = 0;
        for (Finding f : g.findings()) {
            if (n++ == SHOWN_PER_GROUP) {
                into.getChildren().add(new Label("… and " + (g.findings().size() - SHOWN_PER_GROUP)
                        + " more (\"show its frames\" filters all of them)"));
                break;
            }
            FindingsViewModel.Jump jump = FindingsViewModel.jump(f);
            Hyperlink frame = new Hyperlink("frame " + f.frame());
            frame.setMinWidth(Region.USE_PREF_SIZE); // the wrapped message beside it must not squeeze it to "…"
            frame.setOnAction(e -> show.accept(jump));
            Label msg = wrapped(f.message());
            HBox line = new HBox(4, frame, msg);
            HBox.setHgrow(msg, Priority.ALWAYS);
            line.getStyleClass().add("finding-member");
            line.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2) show.accept(jump);
                e.consume();
            });
            into.getChildren().add(line);
        }
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}

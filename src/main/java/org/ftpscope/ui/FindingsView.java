package org.ftpscope.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.ftpscope.ftp.Finding;
import org.ftpscope.ftp.Severity;
import org.ftpscope.present.FindingGroup;
import org.ftpscope.ui.model.FindingsViewModel;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Findings as the reports group them: per severity, one block per group with its count, its
 * one-sentence summary, the kind's explanation and suggested fix (wrapped to the view's width),
 * and a collapsed list of its single findings. Double-clicking a group or a finding (or its
 * link) filters the frame list to its frames; the firewall summary is beside them.
 */
final class FindingsView extends SplitPane {
    /** Single findings listed per group before "… and N more" (all stay reachable through the group's filter). */
    static final int SHOWN_PER_GROUP = 200;
    /** Groups listed before "… and N more groups" (a hostile capture can make one per host pair). */
    static final int SHOWN_GROUPS = 500;
    private final FindingsViewModel vm;
    private final VBox list = new VBox(8);
    private final TextArea firewall = new TextArea();
    private final Consumer<FindingsViewModel.Jump> show;

    FindingsView(FindingsViewModel vm, Consumer<FindingsViewModel.Jump> show) {
        this.vm = vm;
        this.show = show;
        list.setId("findings");
        list.setPadding(new Insets(8));
        ScrollPane sp = new ScrollPane(list);
        sp.setFitToWidth(true);
        firewall.setEditable(false);
        firewall.setWrapText(false);
        firewall.getStyleClass().add("mono");
        firewall.textProperty().bind(vm.firewallProperty());
        vm.groups().addListener((javafx.collections.ListChangeListener<FindingGroup>) c -> fill());
        getItems().setAll(sp, firewall);
        setDividerPositions(0.62);
    }

    VBox list() { return list; }

    TextArea firewall() { return firewall; }

    private void fill() {
        list.getChildren().clear();
        if (vm.groups().isEmpty()) {
            list.getChildren().add(new Label("Nothing to report: no FTP problems found in this capture."));
            return;
        }
        Severity current = null;
        int n = 0;
        for (FindingGroup g : vm.groups()) {
            if (n++ == SHOWN_GROUPS) {
                list.getChildren().add(new Label("… and " + (vm.groups().size() - SHOWN_GROUPS)
                        + " more groups (all findings are in the exported reports)"));
                break;
            }
            if (g.severity() != current) {
                current = g.severity();
                int findings = vm.count(current), groups = vm.groupCount(current);
                Label sev = new Label(current.label().toUpperCase(Locale.ROOT) + " — " + findings
                        + (findings == 1 ? " finding" : " findings") + " in " + groups + (groups == 1 ? " group" : " groups"));
                sev.getStyleClass().addAll("findings-severity", "severity-" + current.label());
                list.getChildren().add(sev);
            }
            list.getChildren().add(group(g));
        }
    }

    private VBox group(FindingGroup g) {
        FindingsViewModel.Jump jump = FindingsViewModel.jump(g);
        Label title = new Label(FindingsViewModel.title(g));
        title.getStyleClass().add("finding-title");
        Hyperlink frames = new Hyperlink(g.frameCount() == 1 ? "show its frame" : "show its " + g.frameCount() + " frames");
        frames.setOnAction(e -> show.accept(jump));
        frames.setDisable(jump.filter().isEmpty());
        frames.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox head = new HBox(8, title, frames);
        Label message = wrapped(g.message());
        Label explanation = wrapped(g.kind().explanation());
        explanation.getStyleClass().add("finding-explanation");
        Label fix = wrapped("Fix: " + g.kind().suggestedFix());
        fix.getStyleClass().add("finding-fix");
        VBox members = new VBox(2);
        TitledPane single = new TitledPane(g.findings().size() + (g.findings().size() == 1 ? " finding" : " findings"), members);
        single.setExpanded(false);
        single.getStyleClass().add("finding-members");
        // Members are made when first expanded: a group of 10,000 failed logins costs nothing until then.
        single.expandedProperty().addListener((o, was, now) -> { if (now && members.getChildren().isEmpty()) members(g, members); });
        VBox box = new VBox(4, head, message, explanation, fix, single);
        box.getStyleClass().addAll("finding-group", "finding-group-" + g.severity().label());
        box.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && !single.isHover() && !jump.filter().isEmpty()) show.accept(jump);
        });
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
            frame.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the wrapped message beside it must not squeeze it to "…"
            frame.setOnAction(e -> show.accept(jump));
            Label msg = wrapped(f.message());
            HBox line = new HBox(4, frame, msg);
            HBox.setHgrow(msg, Priority.ALWAYS);
            line.getStyleClass().add("finding-member");
            line.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2) {
                    show.accept(jump);
                    e.consume();
                }
            });
            into.getChildren().add(line);
        }
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }
}

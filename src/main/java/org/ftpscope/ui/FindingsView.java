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
import org.ftpscope.ui.model.FindingsViewModel;

import java.util.function.IntConsumer;

/**
 * Findings by severity and kind: each kind's explanation and suggested fix wrap to the width of
 * the view, then its findings, each a link to its frame; the firewall summary beside them.
 */
final class FindingsView extends SplitPane {
    /** Findings listed per kind before "… and N more" (all stay reachable through the frames). */
    static final int SHOWN_PER_KIND = 200;
    private final FindingsViewModel vm;
    private final VBox list = new VBox(8);
    private final TextArea firewall = new TextArea();
    private final IntConsumer goToFrame;

    FindingsView(FindingsViewModel vm, IntConsumer goToFrame) {
        this.vm = vm;
        this.goToFrame = goToFrame;
        list.setId("findings");
        list.setPadding(new Insets(8));
        ScrollPane sp = new ScrollPane(list);
        sp.setFitToWidth(true);
        firewall.setEditable(false);
        firewall.setWrapText(false);
        firewall.getStyleClass().add("mono");
        firewall.textProperty().bind(vm.firewallProperty());
        vm.groups().addListener((javafx.collections.ListChangeListener<FindingsViewModel.KindGroup>) c -> fill());
        getItems().setAll(sp, firewall);
        setDividerPositions(0.6);
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
        for (FindingsViewModel.KindGroup g : vm.groups()) {
            if (g.severity() != current) {
                current = g.severity();
                Label sev = new Label(current.label().toUpperCase(java.util.Locale.ROOT) + " (" + vm.count(current) + ")");
                sev.getStyleClass().addAll("findings-severity", "severity-" + current.label());
                list.getChildren().add(sev);
            }
            Label explanation = new Label(g.kind().explanation());
            explanation.setWrapText(true);
            Label fix = new Label("Fix: " + g.kind().suggestedFix());
            fix.setWrapText(true);
            fix.getStyleClass().add("finding-fix");
            VBox body = new VBox(4, explanation, fix);
            int n = 0;
            for (Finding f : g.findings()) {
                if (n++ == SHOWN_PER_KIND) {
                    body.getChildren().add(new Label("… and " + (g.findings().size() - SHOWN_PER_KIND) + " more of this kind"));
                    break;
                }
                Hyperlink frame = new Hyperlink("frame " + f.frame());
                frame.setOnAction(e -> goToFrame.accept(f.frame()));
                Label msg = new Label(f.message());
                msg.setWrapText(true);
                msg.setMaxWidth(Double.MAX_VALUE);
                HBox line = new HBox(4, frame, msg);
                HBox.setHgrow(msg, Priority.ALWAYS);
                body.getChildren().add(line);
            }
            TitledPane kind = new TitledPane(g.title(), body);
            kind.setExpanded(true);
            kind.getStyleClass().add("finding-kind");
            list.getChildren().add(kind);
        }
    }
}

package org.ftpscope.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.ftpscope.fields.FieldDef;
import org.ftpscope.fields.FieldRegistry;
import org.ftpscope.ui.model.FrameTableViewModel;
import org.ftpscope.ui.model.FrameTableViewModel.FilterState;

import java.util.ArrayList;
import java.util.List;

/**
 * The display filter bar, as Wireshark's: checked as you type (green valid, red with the reason),
 * Enter applies, field names complete from what has been typed, and recent filters are one
 * click away.
 */
final class FilterBarView extends HBox {
    /** Completions offered at most. */
    static final int MAX_COMPLETIONS = 12;
    private final FrameTableViewModel vm;
    private final TextField field = new TextField();
    private final Label message = new Label();
    private final ContextMenu completions = new ContextMenu();

    FilterBarView(FrameTableViewModel vm) {
        super(6);
        this.vm = vm;
        field.setId("display-filter");
        field.setPromptText("Apply a display filter … <Ctrl-/>   e.g.  ftp.request.command == \"RETR\"  or  tcp.analysis.flags");
        field.textProperty().addListener((o, old, text) -> {
            vm.check(text);
            javafx.application.Platform.runLater(this::complete); // the caret moves after this listener
        });
        field.setOnAction(e -> apply());
        field.setOnKeyPressed(e -> { if (e.getCode() == KeyCode.ESCAPE) completions.hide(); });
        vm.filterStateProperty().addListener((o, old, s) -> paint(s));
        message.textProperty().bind(vm.filterMessageProperty());
        message.getStyleClass().add("filter-message");
        // The bar shows the filter the rows match whenever that changes elsewhere (reveal, clear, a follow).
        vm.appliedFilterProperty().addListener((o, old, f) -> { if (!f.equals(field.getText().strip())) field.setText(f); });
        Button apply = new Button("Apply");
        apply.setOnAction(e -> apply());
        Button clear = new Button("Clear");
        clear.setOnAction(e -> {
            field.clear();
            vm.clearFilter();
        });
        MenuButton recent = new MenuButton("Recent");
        recent.setOnShowing(e -> {
            List<MenuItem> items = new ArrayList<>();
            for (String f : vm.filterHistory()) {
                MenuItem m = new MenuItem(f);
                m.setMnemonicParsing(false);
                m.setOnAction(x -> {
                    field.setText(f);
                    apply();
                });
                items.add(m);
            }
            if (items.isEmpty()) {
                MenuItem none = new MenuItem("No filters applied yet");
                none.setDisable(true);
                items.add(none);
            }
            recent.getItems().setAll(items);
        });
        recent.getItems().add(new MenuItem("No filters applied yet"));
        getChildren().setAll(field, apply, clear, recent, message);
        HBox.setHgrow(field, Priority.ALWAYS);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 6, 4, 6));
    }

    TextField field() { return field; }

    Label message() { return message; }

    void focus() {
        field.requestFocus();
        field.selectAll();
    }

    /** Puts a filter in the bar without applying it (Prepare as Filter). */
    void prepare(String filter) {
        field.setText(filter);
        focus();
    }

    private void apply() {
        completions.hide();
        vm.applyFilter(field.getText());
    }

    private void paint(FilterState s) {
        field.getStyleClass().removeAll("filter-valid", "filter-invalid");
        if (s == FilterState.VALID) field.getStyleClass().add("filter-valid");
        if (s == FilterState.INVALID) field.getStyleClass().add("filter-invalid");
    }

    /** Field and protocol names that start with the word being typed. */
    static List<String> completionsFor(String text, int caret) {
        int start = caret;
        while (start > 0 && isNameChar(text.charAt(start - 1))) start--;
        String word = text.substring(start, caret);
        List<String> out = new ArrayList<>();
        if (word.length() < 2) return out;
        for (FieldDef f : FieldRegistry.all()) {
            if (f.name().startsWith(word) && !f.name().equals(word)) out.add(f.name());
            if (out.size() == MAX_COMPLETIONS) break;
        }
        return out;
    }

    private static boolean isNameChar(char c) { return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-'; }

    private void complete() {
        String text = field.getText();
        if (!field.isFocused() || text == null) return;
        int caret = Math.min(field.getCaretPosition(), text.length());
        List<String> names = completionsFor(text, caret);
        if (names.isEmpty()) {
            completions.hide();
            return;
        }
        List<MenuItem> items = new ArrayList<>();
        for (String n : names) {
            Label l = new Label(n);
            FieldDef def = FieldRegistry.get(n);
            // The declaration's words, so a user sees what a name means before choosing it.
            if (def != null) l.setTooltip(new Tooltip(def.label() + " (" + def.type().name().toLowerCase(java.util.Locale.ROOT) + ")"
                    + (def.description().equals(def.label()) ? "" : ": " + def.description())));
            CustomMenuItem m = new CustomMenuItem(l, true);
            m.setOnAction(e -> {
                int start = caret;
                while (start > 0 && isNameChar(text.charAt(start - 1))) start--;
                field.setText(text.substring(0, start) + n + text.substring(caret));
                field.positionCaret(start + n.length());
            });
            items.add(m);
        }
        completions.getItems().setAll(items);
        if (!completions.isShowing()) completions.show(field, Side.BOTTOM, 0, 0);
    }
}

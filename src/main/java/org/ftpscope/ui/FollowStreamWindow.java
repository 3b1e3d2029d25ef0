package org.ftpscope.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ftpscope.fields.TcpFields;
import org.ftpscope.tcp.Direction;
import org.ftpscope.ui.model.FollowStreamViewModel;
import org.ftpscope.ui.model.FollowStreamViewModel.Show;
import org.ftpscope.ui.model.FollowStreamViewModel.Side;

import java.io.File;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Wireshark's Follow TCP Stream dialog: one window, reused for each stream followed; the client's
 * bytes in red, the server's in blue, gaps marked; direction, Show as, Find, Save as, Filter Out
 * This Stream, Back (restores the filter from before the follow) and Close. Esc closes it.
 */
final class FollowStreamWindow {
    private final FollowStreamViewModel vm;
    private final Stage stage = new Stage();
    private final TextFlow flow = new TextFlow();
    private final ScrollPane scroll = new ScrollPane(flow);
    private final ComboBox<String> direction = new ComboBox<>();
    private final ComboBox<Show> show = new ComboBox<>();
    private final TextField find = new TextField();
    private final Label summary = new Label();
    private int lastFound = -1;
    private String filterBefore = "";

    /** @param windowCapture the main window's capture: when it changes, this window forgets its stream */
    FollowStreamWindow(Window owner, javafx.beans.value.ObservableValue<org.ftpscope.ui.model.LoadedCapture> windowCapture,
                       Consumer<String> applyFilter) {
        vm = new FollowStreamViewModel(windowCapture);
        stage.initOwner(owner);
        stage.titleProperty().bind(vm.titleProperty());
        summary.textProperty().bind(vm.summaryProperty());
        scroll.setFitToWidth(true);
        vm.pieces().addListener((javafx.collections.ListChangeListener<FollowStreamViewModel.Piece>) c -> fill());
        direction.setOnAction(e -> vm.sideProperty().set(Side.values()[Math.max(0, direction.getSelectionModel().getSelectedIndex())]));
        show.getItems().setAll(Show.values());
        show.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Show s) { return s == null ? "" : s.title(); }

            @Override public Show fromString(String s) { return null; }
        });
        show.setValue(Show.ASCII);
        show.valueProperty().bindBidirectional(vm.showProperty());
        find.setPromptText("Find");
        find.setOnAction(e -> findNext());
        Button findNext = new Button("Find Next");
        findNext.setOnAction(e -> findNext());
        Button filterOut = new Button("Filter Out This Stream");
        filterOut.setOnAction(e -> {
            applyFilter.accept("!(tcp.stream eq " + vm.streamProperty().get() + ")");
            stage.hide();
        });
        Button save = new Button("Save as…");
        save.setOnAction(e -> save());
        Button back = new Button("Back");
        back.setOnAction(e -> {
            applyFilter.accept(filterBefore);
            stage.hide();
        });
        Button close = new Button("Close");
        close.setOnAction(e -> stage.hide());
        HBox findBar = new HBox(6, new Label("Find:"), find, findNext);
        HBox.setHgrow(find, Priority.ALWAYS);
        findBar.setAlignment(Pos.CENTER_LEFT);
        direction.setMaxWidth(360); // its items name both endpoints: unbounded, it squeezed the buttons to "…"
        for (Button b : new Button[] {filterOut, save, back, close, findNext}) b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label showAs = new Label("Show data as");
        showAs.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        show.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox options = new HBox(8, direction, showAs, show, spacer, filterOut, save, back, close);
        options.setAlignment(Pos.CENTER_LEFT);
        VBox bottom = new VBox(6, summary, findBar, options);
        bottom.setPadding(new Insets(6));
        BorderPane root = new BorderPane(scroll);
        root.setBottom(bottom);
        Scene scene = new Scene(root, 960, 640);
        scene.getStylesheets().add(FollowStreamWindow.class.getResource("ftpscope.css").toExternalForm());
        scene.setOnKeyPressed(e -> { if (e.getCode() == KeyCode.ESCAPE) stage.hide(); });
        stage.setScene(scene);
    }

    FollowStreamViewModel viewModel() { return vm; }

    Stage stage() { return stage; }

    /** Follows a stream and applies {@code tcp.stream eq N}, as Wireshark does. */
    void follow(org.ftpscope.ui.model.LoadedCapture c, int stream, String currentFilter, Consumer<String> applyFilter) {
        filterBefore = currentFilter;
        var s = c.analysis().streams().get(stream);
        direction.getItems().setAll("Entire conversation (" + (s.bytes(Direction.CLIENT_TO_SERVER) + s.bytes(Direction.SERVER_TO_CLIENT))
                        + " bytes)", s.client() + " → " + s.server() + " (" + s.bytes(Direction.CLIENT_TO_SERVER) + " bytes)",
                s.server() + " → " + s.client() + " (" + s.bytes(Direction.SERVER_TO_CLIENT) + " bytes)");
        direction.getSelectionModel().select(0);
        vm.sideProperty().set(Side.BOTH);
        vm.follow(c, stream);
        lastFound = -1;
        applyFilter.accept(TcpFields.STREAM.name() + " eq " + stream);
        stage.show();
        stage.toFront();
    }

    /** The capture was closed or replaced: nothing of it may stay reachable. */
    void captureGone() {
        vm.clear();
        stage.hide();
    }

    private void fill() {
        flow.getChildren().clear();
        for (FollowStreamViewModel.Piece p : vm.pieces()) {
            Text t = new Text(p.text());
            t.getStyleClass().add(p.gap() ? "follow-gap" : p.direction() == Direction.CLIENT_TO_SERVER ? "follow-client" : "follow-server");
            flow.getChildren().add(t);
        }
    }

    private void findNext() {
        int i = vm.find(find.getText(), lastFound + 1);
        if (i < 0) i = vm.find(find.getText(), 0); // wrap around, as Wireshark
        lastFound = i;
        for (int k = 0; k < flow.getChildren().size(); k++) flow.getChildren().get(k).getStyleClass().remove("follow-found");
        if (i < 0 || i >= flow.getChildren().size()) return;
        var node = flow.getChildren().get(i);
        node.getStyleClass().add("follow-found");
        double y = node.getBoundsInParent().getMinY();
        double h = flow.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
        if (h > 0) scroll.setVvalue(Math.min(1, y / h));
    }

    private void save() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Save Stream Content As…");
        fc.setInitialFileName("tcp-stream-" + vm.streamProperty().get() + (vm.showProperty().get() == Show.RAW ? ".bin" : ".txt"));
        File f = fc.showSaveDialog(stage);
        if (f == null) return;
        try {
            vm.save(f.toPath());
        } catch (IOException e) {
            new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, f + ": " + e.getMessage()).show();
        }
    }
}

package org.ftpscope.ui;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.geometry.Orientation;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ui.model.FxTaskExecutor;
import org.ftpscope.ui.model.LoadedCapture;
import org.ftpscope.ui.model.MainViewModel;
import org.ftpscope.ui.model.RecentFiles;
import org.ftpscope.ui.model.TaskExecutor;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The main window: menus and toolbar from one action registry, the start, capture and error
 * pages, the warning banner and the status bar. Each part is its own view over its own view
 * model; the window only wires them and owns the child windows, which live as long as the
 * capture they show.
 */
public final class MainWindow {
    private final Stage stage;
    private final MainViewModel vm;
    private final Actions actions = new Actions();
    private final BorderPane root = new BorderPane();
    private final StackPane center = new StackPane();
    private final StatusBar status = new StatusBar();
    private final ProgressBar loadProgress = new ProgressBar();
    private final Button cancelLoad = new Button("Cancel");
    private final Label banner = new Label();
    private final Menu recentMenu = new Menu("Open Recent");
    private final TabPane tabs = new TabPane();
    private final FrameTableView frameTable;
    private final FilterBarView filterBar;
    private final PacketDetailView detail;
    private final SessionsView sessions;
    private final FindingsView findings;
    private final VBox captureView = new VBox();
    private final Label errorText = new Label();
    private final VBox errorPage;
    private FollowStreamWindow follow;
    private final List<Stage> childWindows = new ArrayList<>();

    public MainWindow(Stage stage) { this(stage, new FxTaskExecutor(), new RecentFiles(RecentFiles.userNode())); }

    public MainWindow(Stage stage, TaskExecutor executor, RecentFiles recent) {
        this.stage = stage;
        this.vm = new MainViewModel(executor, recent);
        filterBar = new FilterBarView(vm.frames());
        frameTable = new FrameTableView(vm.frames(), actions, filterBar::prepare);
        detail = new PacketDetailView(vm.detail(), vm.frames()::applyFilter, filterBar::prepare, this::tell);
        sessions = new SessionsView(vm.sessions(), this::revealFrame, this::followSession, this::exportReport);
        findings = new FindingsView(vm.findings(), j -> {
            vm.showFinding(j);
            tabs.getSelectionModel().select(0);
        });
        registerActions();

        SplitPane framesPane = new SplitPane(frameTable, detail);
        framesPane.setOrientation(Orientation.VERTICAL);
        framesPane.setDividerPositions(0.55);
        tabs.getTabs().setAll(new Tab("Frames", framesPane), lazyTab("FTP Sessions", sessions), lazyTab("Findings", findings));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        vm.sessions().visibleProperty().bind(tabs.getSelectionModel().selectedIndexProperty().isEqualTo(1));
        captureView.getChildren().setAll(filterBar, tabs);
        VBox.setVgrow(tabs, javafx.scene.layout.Priority.ALWAYS);
        errorPage = errorPage();

        banner.getStyleClass().add("warning-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true);
        banner.textProperty().bind(vm.bannerProperty());
        banner.visibleProperty().bind(vm.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        root.setTop(new VBox(menus(), toolbar(), banner));
        root.setCenter(center);
        root.setBottom(status);
        status.textProperty().bind(vm.statusProperty());
        loadProgress.progressProperty().bind(vm.progressProperty());
        cancelLoad.setOnAction(e -> vm.cancelLoad());
        status.getRightItems().setAll(loadProgress, cancelLoad);
        for (Node n : List.of(loadProgress, cancelLoad)) {
            n.visibleProperty().bind(vm.loadingProperty());
            n.managedProperty().bind(vm.loadingProperty());
        }
        stage.titleProperty().bind(vm.titleProperty());
        vm.pageProperty().addListener((o, old, p) -> showPage(p));
        vm.captureProperty().addListener((o, old, c) -> captureChanged(old, c));
        vm.errorProperty().addListener((o, old, e) -> errorText.setText(e));
        vm.recent().files().addListener((javafx.collections.ListChangeListener<Path>) c -> refreshRecent());
        refreshRecent();
        showPage(MainViewModel.Page.START);

        Scene scene = new Scene(root, 1280, 820);
        scene.getStylesheets().add(MainWindow.class.getResource("ftpscope.css").toExternalForm());
        stage.setScene(scene);
        Icons.apply(stage);
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            if (!files.isEmpty()) open(files.get(0).toPath());
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }

    /**
     * A tab whose view joins the scene when the tab is first selected: until then its controls
     * get no skin, style or layout, which the first capture shown would otherwise pay for at once.
     */
    private static Tab lazyTab(String title, Node view) {
        Tab tab = new Tab(title);
        tab.selectedProperty().addListener((o, was, selected) -> {
            if (selected && tab.getContent() == null) tab.setContent(view);
        });
        return tab;
    }

    /** Opens a capture in the background (also from the command line and the start page). */
    public void open(Path path) { vm.open(path); }

    public MainViewModel viewModel() { return vm; }

    // ---- actions ----

    private void registerActions() {
        var hasCapture = vm.captureProperty().isNotNull();
        var hasFrame = vm.frames().selectedFrameProperty().greaterThan(0).and(hasCapture);
        actions.register(Actions.Id.OPEN, this::askOpen);
        actions.register(Actions.Id.CLOSE, vm::close, hasCapture.or(vm.loadingProperty()));
        actions.register(Actions.Id.EXPORT_REPORT, this::exportReport, hasCapture);
        actions.register(Actions.Id.EXPORT_OBJECTS, () -> childWindows.add(ExportDialogs.exportObjects(stage, vm.capture().analysis())),
                hasCapture);
        actions.register(Actions.Id.EXPORT_LADDER, this::exportLadder, hasCapture);
        actions.register(Actions.Id.QUIT, Platform::exit);
        actions.register(Actions.Id.FIND_PACKET, this::askFind, hasCapture);
        actions.register(Actions.Id.TLS_KEYLOG, this::askKeyLog);
        actions.register(Actions.Id.TLS_KEYLOG_CLEAR, () -> vm.useKeyLog(null), vm.keyLog().fileProperty().isNotNull());
        actions.register(Actions.Id.GO_TO_FRAME, this::askGoToFrame, hasCapture);
        actions.register(Actions.Id.NEXT_PACKET, () -> vm.frames().step(1), hasCapture);
        actions.register(Actions.Id.PREVIOUS_PACKET, () -> vm.frames().step(-1), hasCapture);
        actions.register(Actions.Id.FIRST_PACKET, vm.frames()::first, hasCapture);
        actions.register(Actions.Id.LAST_PACKET, vm.frames()::last, hasCapture);
        actions.register(Actions.Id.FOCUS_FILTER, filterBar::focus);
        actions.register(Actions.Id.VIEW_FRAMES, () -> tabs.getSelectionModel().select(0));
        actions.register(Actions.Id.VIEW_SESSIONS, () -> tabs.getSelectionModel().select(1));
        actions.register(Actions.Id.VIEW_FINDINGS, () -> tabs.getSelectionModel().select(2));
        actions.register(Actions.Id.FOLLOW_TCP, () -> followStream(vm.frames().selectedFrame()), hasFrame);
        actions.register(Actions.Id.SHOW_SESSION, () -> showSessionOf(vm.frames().selectedFrame()), hasFrame);
        actions.register(Actions.Id.ABOUT, () -> {
            Alert a = new Alert(Alert.AlertType.INFORMATION, "ftpscope — offline FTP analysis of packet captures.\n"
                    + "Frames like Wireshark, plus FTP sessions, data channels and why transfers failed.");
            a.setHeaderText("ftpscope");
            a.initOwner(stage);
            a.show();
        });
    }

    void run(Actions.Id id) { actions.run(id); }

    private MenuBar menus() {
        Menu exportObjects = new Menu("Export Objects", null, actions.menuItem(Actions.Id.EXPORT_OBJECTS));
        Menu file = new Menu("File", null, actions.menuItem(Actions.Id.OPEN), recentMenu, actions.menuItem(Actions.Id.CLOSE),
                new SeparatorMenuItem(), actions.menuItem(Actions.Id.EXPORT_REPORT), exportObjects,
                actions.menuItem(Actions.Id.EXPORT_LADDER), new SeparatorMenuItem(), actions.menuItem(Actions.Id.QUIT));
        Menu edit = new Menu("Edit", null, actions.menuItem(Actions.Id.FIND_PACKET), new SeparatorMenuItem(),
                actions.menuItem(Actions.Id.TLS_KEYLOG), actions.menuItem(Actions.Id.TLS_KEYLOG_CLEAR));
        Menu view = new Menu("View", null, actions.menuItem(Actions.Id.VIEW_FRAMES), actions.menuItem(Actions.Id.VIEW_SESSIONS),
                actions.menuItem(Actions.Id.VIEW_FINDINGS));
        Menu go = new Menu("Go", null, actions.menuItem(Actions.Id.GO_TO_FRAME), actions.menuItem(Actions.Id.NEXT_PACKET),
                actions.menuItem(Actions.Id.PREVIOUS_PACKET), actions.menuItem(Actions.Id.FIRST_PACKET),
                actions.menuItem(Actions.Id.LAST_PACKET), new SeparatorMenuItem(), actions.menuItem(Actions.Id.FOCUS_FILTER));
        Menu analyze = new Menu("Analyze", null, new Menu("Follow", null, actions.menuItem(Actions.Id.FOLLOW_TCP)),
                actions.menuItem(Actions.Id.SHOW_SESSION));
        Menu help = new Menu("Help", null, actions.menuItem(Actions.Id.ABOUT));
        return new MenuBar(file, edit, view, go, analyze, help);
    }

    private ToolBar toolbar() {
        return new ToolBar(actions.toolButton(Actions.Id.OPEN), actions.toolButton(Actions.Id.GO_TO_FRAME),
                new javafx.scene.control.Separator(), actions.toolButton(Actions.Id.VIEW_SESSIONS),
                actions.toolButton(Actions.Id.VIEW_FINDINGS), actions.toolButton(Actions.Id.FOLLOW_TCP),
                new javafx.scene.control.Separator(), actions.toolButton(Actions.Id.EXPORT_REPORT),
                actions.toolButton(Actions.Id.EXPORT_OBJECTS));
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path p : vm.recent().files()) {
            MenuItem m = new MenuItem(p.toString());
            m.setMnemonicParsing(false);
            m.setOnAction(e -> open(p));
            recentMenu.getItems().add(m);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
        if (vm.pageProperty().get() == MainViewModel.Page.START) showPage(MainViewModel.Page.START);
    }

    private void askOpen() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open capture");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Captures", "*.pcap", "*.pcapng", "*.cap", "*.gz"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = fc.showOpenDialog(stage);
        if (f != null) open(f.toPath());
    }

    /** Edit ▸ TLS Key Log File…: the capture shown is analysed again with it. */
    private void askKeyLog() {
        FileChooser fc = new FileChooser();
        fc.setTitle("TLS key log (SSLKEYLOGFILE)" + (vm.keyLog().file() == null ? "" : " — now " + vm.keyLog().file()));
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Key logs", "*.keys", "*.log", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (vm.keyLog().file() != null && vm.keyLog().file().getParent() != null) {
            fc.setInitialDirectory(vm.keyLog().file().getParent().toFile());
        }
        File f = fc.showOpenDialog(stage);
        if (f != null) vm.useKeyLog(f.toPath());
    }

    private void askGoToFrame() {
        LoadedCapture c = vm.capture();
        if (c == null) return;
        TextInputDialog d = new TextInputDialog();
        d.setTitle("Go to Packet");
        d.setHeaderText("Packet number (1–" + c.frameCount() + ")");
        d.initOwner(stage);
        d.showAndWait().ifPresent(s -> {
            try {
                goToFrame(Integer.parseInt(s.trim()));
            } catch (NumberFormatException e) {
                tell("Not a packet number: " + s);
            }
        });
    }

    private void askFind() {
        TextInputDialog d = new TextInputDialog();
        d.setTitle("Find Packet");
        d.setHeaderText("Display filter of the packet to find (after the selected one)");
        d.initOwner(stage);
        d.showAndWait().ifPresent(s -> {
            tabs.getSelectionModel().select(0);
            vm.frames().findNext(s);
        });
    }

    /** Go to Packet: selects the frame if displayed; otherwise the status bar says why not. */
    public void goToFrame(int frame) {
        if (vm.frames().goToFrame(frame) == org.ftpscope.ui.model.FrameTableViewModel.GoTo.SELECTED) {
            tabs.getSelectionModel().select(0);
            frameTable.requestFocus();
        }
    }

    /** A jump from a finding or a story line: the frame is shown, the filter cleared if it hid it. */
    private void revealFrame(int frame) {
        vm.frames().reveal(frame);
        tabs.getSelectionModel().select(0);
    }

    private void tell(String message) { vm.tell(message); }

    private void showSessionOf(int frame) {
        if (vm.sessions().showSessionOf(frame)) tabs.getSelectionModel().select(1);
        else tell("Frame " + frame + " is not part of an FTP session in this capture");
    }

    private void followSession(FtpSession s) {
        vm.frames().applyFilter(org.ftpscope.ui.model.SessionsViewModel.streamsFilter(s));
        tabs.getSelectionModel().select(0);
    }

    private void followStream(int frame) {
        LoadedCapture c = vm.capture();
        if (c == null || frame <= 0) return;
        int stream = c.analysis().tcpFrames().stream(frame);
        if (stream < 0) {
            tell("Frame " + frame + " is not part of a TCP stream");
            return;
        }
        if (follow == null) follow = new FollowStreamWindow(stage, vm.captureProperty(), vm.frames()::applyFilter);
        follow.follow(c, stream, vm.frames().appliedFilterProperty().get(), vm.frames()::applyFilter);
    }

    private void exportReport() {
        LoadedCapture c = vm.capture();
        if (c == null) return;
        java.util.Set<Integer> selected = new java.util.TreeSet<>();
        if (tabs.getSelectionModel().getSelectedIndex() == 1) selected.addAll(vm.sessions().selectedIds());
        ExportDialogs.exportReport(stage, c.analysis(), selected);
    }

    private void exportLadder() {
        vm.sessions().refreshNow(); // the ladder is only made while its tab shows
        if (sessions.ladder().model() == null) return;
        FileChooser fc = new FileChooser();
        fc.setInitialFileName("ftp-session-ladder.png");
        File f = fc.showSaveDialog(stage);
        if (f == null) return;
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(sessions.ladder().snapshot(null, null), null), "png", f);
            tell("Saved " + f);
        } catch (IOException e) {
            tell("Cannot save the diagram: " + f + ": " + e.getMessage());
        }
    }

    /** The capture shown changed: windows showing the old one close, the frames view comes first. */
    private void captureChanged(LoadedCapture old, LoadedCapture now) {
        if (follow != null) follow.captureGone();
        for (Stage s : childWindows) s.close();
        childWindows.clear();
        if (now != null) tabs.getSelectionModel().select(0);
    }

    // ---- pages ----

    /**
     * The capture view is in the scene from the start, hidden behind the start page: its controls
     * get their skins and styles when the window first shows, not when the first capture opens.
     * It is empty until then (no rows of any capture).
     */
    private void showPage(MainViewModel.Page page) {
        Node n = switch (page) {
            case START -> startPage();
            case CAPTURE -> captureView;
            case ERROR -> errorPage;
        };
        captureView.setVisible(n == captureView);
        if (n == captureView) center.getChildren().setAll(captureView);
        else center.getChildren().setAll(captureView, n);
    }

    private VBox errorPage() {
        Label header = heading("Cannot open the capture");
        errorText.setWrapText(true);
        Button back = new Button("Back");
        back.setOnAction(e -> vm.backToStart());
        VBox box = new VBox(10, header, errorText, back);
        box.getStyleClass().add("error-page");
        box.setPadding(new Insets(40));
        return box;
    }

    private Node startPage() {
        Label title = new Label("ftpscope");
        title.getStyleClass().add("start-title");
        Label sub = new Label("Open a pcap or pcapng capture to see its frames, its FTP sessions and data channels,"
                + " and why each transfer worked or failed.");
        sub.setWrapText(true);
        Button open = new Button("Open a capture…");
        open.setDefaultButton(true);
        open.setOnAction(e -> actions.run(Actions.Id.OPEN));
        VBox box = new VBox(14, title, sub, open);
        if (!vm.recent().files().isEmpty()) {
            box.getChildren().add(heading("Recent captures"));
            for (Path p : vm.recent().files()) box.getChildren().add(link(p.toString(), p));
        }
        List<Path> samples = bundledSamples();
        if (!samples.isEmpty()) {
            box.getChildren().add(heading("Sample captures (real traffic recorded for ftpscope)"));
            for (Path p : samples) box.getChildren().add(link(p.getFileName().toString(), p));
        } else {
            box.getChildren().add(new Label("Drop a capture file here, or use File ▸ Open (Ctrl+O)."));
        }
        box.setPadding(new Insets(40));
        box.setMaxWidth(760);
        box.getStyleClass().add("start-page");
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        return sp;
    }

    private static Label heading(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("start-heading");
        return l;
    }

    private Hyperlink link(String text, Path p) {
        Hyperlink h = new Hyperlink(text);
        h.setMnemonicParsing(false);
        h.setOnAction(e -> open(p));
        return h;
    }

    /** The samples/ folder of the working directory or beside the jar. */
    static List<Path> bundledSamples() {
        List<Path> dirs = new ArrayList<>(List.of(Path.of("samples")));
        try {
            Path jar = Path.of(MainWindow.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (jar.getParent() != null && jar.getParent().getParent() != null) dirs.add(jar.getParent().getParent().resolve("samples"));
        } catch (Exception ignored) {
            // not started from a file: only the working directory is searched
        }
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> s = Files.list(d)) {
                List<Path> found = s.filter(p -> p.toString().matches(".*\\.(pcap|pcapng|gz)$")).sorted().toList();
                if (!found.isEmpty()) return found;
            } catch (IOException ignored) {
                // unreadable folder: try the next
            }
        }
        return List.of();
    }

    // ---- for tests ----

    FrameTableView frameTable() { return frameTable; }

    FilterBarView filterBar() { return filterBar; }

    PacketDetailView detail() { return detail; }

    SessionsView sessions() { return sessions; }

    FindingsView findings() { return findings; }

    TabPane tabs() { return tabs; }

    StatusBar statusBar() { return status; }

    FollowStreamWindow followWindow() { return follow; }

    /** The page shown. */
    Node centerContent() { return center.getChildren().isEmpty() ? null : center.getChildren().get(center.getChildren().size() - 1); }
}

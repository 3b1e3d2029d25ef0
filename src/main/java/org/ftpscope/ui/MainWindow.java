package org.ftpscope.ui;

import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.css.PseudoClass;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.ftpscope.capture.CaptureException;
import org.ftpscope.capture.CaptureWarning;
import org.ftpscope.decode.DetailNode;
import org.ftpscope.decode.FrameSummary;
import org.ftpscope.decode.TcpAnalysisFlags;
import org.ftpscope.filter.AnalysisFields;
import org.ftpscope.filter.DisplayFilter;
import org.ftpscope.ftp.Analysis;
import org.ftpscope.report.LadderModel;
import org.ftpscope.report.StoryLine;
import org.ftpscope.ftp.Analyzer;
import org.ftpscope.ftp.Finding;
import org.ftpscope.ftp.FirewallSummary;
import org.ftpscope.ftp.FrameViews;
import org.ftpscope.ftp.FtpSession;
import org.ftpscope.ftp.Severity;
import org.ftpscope.ftp.StreamRole;
import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.StreamSpans;
import org.ftpscope.tcp.TcpStream;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import java.util.stream.Stream;

/** The main window: start page, then frames / FTP sessions / findings of the opened capture. */
public final class MainWindow {
    private static final int MAX_RECENT = 10;

    private final Stage stage;
    private final BorderPane root = new BorderPane();
    private final StackPane center = new StackPane();
    private final StatusBar status = new StatusBar();
    /**
     * Loading progress and its Cancel button stay in the status bar, hidden between loads: made
     * anew for each load, their skins and CSS were part of the pulse that opens a capture.
     */
    private final ProgressBar loadProgress = new ProgressBar();
    private final Button cancelLoad = new Button("Cancel");
    private FrameList rows = new FrameList();
    private final TableView<Integer> table = new TableView<>(rows);
    private final TreeView<DetailNode> tree = new TreeView<>();
    private final HexPane hex = new HexPane();
    private final ListView<FtpSession> sessions = new ListView<>();
    private final ListView<StoryLine> story = new ListView<>();
    private final LadderCanvas ladder = new LadderCanvas();
    private final TreeView<Object> findings = new TreeView<>();
    private final TextArea firewall = new TextArea();
    private final TabPane tabs = new TabPane();
    private final VBox captureView = new VBox();
    private final Menu recentMenu = new Menu("Open Recent");
    private final javafx.scene.control.TextField filterField = new javafx.scene.control.TextField();
    private final Label filterMessage = new Label();
    private Analysis analysis;
    private FrameViews views;
    private SummaryCache summaries;
    private Task<Analysis> loading;
    private long loadMillis;
    private boolean syncingSelection;
    /** Set once a capture is opened: the analysis warm-up then stops (it is read on its thread). */
    private volatile boolean opened;

    public MainWindow(Stage stage) {
        this.stage = stage;
        JitDirectives.addInBackground();
        root.setTop(new VBox(menus(), toolbar()));
        root.setCenter(center);
        root.setBottom(status);
        status.setText("Ready");
        status.getRightItems().setAll(loadProgress, cancelLoad);
        showLoadControls(false);
        buildCaptureViews();
        center.getChildren().setAll(captureView);
        showPage(startPage());
        Scene scene = new Scene(root, 1280, 820);
        scene.getStylesheets().add(MainWindow.class.getResource("ftpscope.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("ftpscope");
        Icons.apply(stage);
        warmUp();
        AnalysisWarmUp.start(() -> opened);
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
     * While the start page shows, the capture views sit under it (they always stay in the scene, so
     * their CSS is never redone) and get a screenful of rows in every colour, a detail tree, bytes
     * and findings, so their skins, cells, CSS states and text layout exist before the first
     * capture is opened: done then, it blocked the FX thread for over a second at the start of
     * loading, and the first rows and the first tree later still cost 100-170 ms pulses (UiBenchmark,
     * pulse logger). The rows' text is never seen: the start page covers it.
     */
    private void warmUp() {
        PseudoClass[] all = {null, FTP, FTP_DATA, TCP_PROBLEM, TCP_RESET};
        colours = f -> all[f % all.length];
        showWarmUpRows(0);
        DetailNode.Builder frame = DetailNode.builder("Frame 1: 117 bytes on wire (936 bits)", "frame", null, 0, 117);
        frame.add("Internet Protocol Version 4, Src: 198.51.100.21, Dst: 192.0.2.10", "ip", null, 14, 20)
                .add("Source Address: 198.51.100.21", "ip.src", "198.51.100.21", 26, 4);
        frame.add("File Transfer Protocol (FTP)", "ftp", null, 66, 51).addText("Response code: 227");
        TreeItem<DetailNode> detail = treeItem(frame.build());
        detail.getChildren().forEach(c -> c.setExpanded(true));
        tree.setRoot(detail);
        byte[] bytes = new byte[128];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) i;
        hex.show(bytes);
        hex.highlight(26, 4);
        TreeItem<Object> found = new TreeItem<>("Findings");
        TreeItem<Object> warning = new TreeItem<>("WARNING (1)");
        warning.getChildren().add(new TreeItem<>("Cleartext password (1) — frame 8"));
        warning.setExpanded(true);
        found.getChildren().add(warning);
        findings.setRoot(found);
        int[] round = {0};
        javafx.animation.Timeline rounds = new javafx.animation.Timeline();
        rounds.getKeyFrames().add(new javafx.animation.KeyFrame(javafx.util.Duration.millis(WARM_UP_ROW_MILLIS), e -> {
            if (opened) {
                rounds.stop();
            } else if (++round[0] < WARM_UP_ROW_ROUNDS) {
                showWarmUpRows(round[0]);
            } else {
                rounds.stop();
                rehearse();
            }
        }));
        rounds.setCycleCount(javafx.animation.Animation.INDEFINITE);
        rounds.play();
    }

    /**
     * The rows are refilled this many times, with other texts and colours each time, and then a
     * small capture is loaded under the start page ({@link #rehearse}). Shown once, the code that
     * updates, styles and lays out cells was still interpreted or in C1 when the first capture's
     * rows came, and the JIT compiled it then, on the core the FX thread needed. On a slow two-core
     * machine (Zen 1) the pulse showing the first rows of the 1.48 GB capture stalled 100-186 ms
     * (median 124) in ten loads, 76-145 ms (median 100) with forty rounds; with twenty and the
     * rehearsal, 61-83 ms (UiBenchmark). Twenty, so the rehearsal is over within ~1.5 s.
     */
    static final int WARM_UP_ROW_ROUNDS = 20;
    static final long WARM_UP_ROW_MILLIS = 50;

    private static final String[] WARM_UP_INFO = {"Response: 227 Entering Passive Mode (198,51,100,21,156,",
            "Request: RETR /pub/big/m", "FTP Data: 1448 bytes (PASV) (RETR s", "[TCP Retransmission] 40515 → 21 [ACK] Seq=",
            "21 → 50122 [RST, ACK] Seq="};

    /** A screenful of made-up rows for the warm-up, different in every round (text layout is cached per string). */
    private void showWarmUpRows(int round) {
        summaries = new SummaryCache(f -> new FrameSummary(f, f * 0.000731, "198.51.100." + (f % 250), "192.0.2." + (f % 13),
                f % 3 == 0 ? "FTP" : "FTP-DATA", 60 + f % 1455,
                WARM_UP_INFO[f % WARM_UP_INFO.length] + (f * 7 + round) + " Ack=" + f * 13));
        int[] frames = new int[FIRST_ROWS];
        for (int i = 0; i < frames.length; i++) frames[i] = round * FIRST_ROWS + i + 1;
        showRows(frames);
    }

    // ---- menus ----

    private MenuBar menus() {
        MenuItem open = item("Open…", "Shortcut+O", () -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Open capture");
            fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Captures", "*.pcap", "*.pcapng", "*.cap",
                    "*.gz"), new FileChooser.ExtensionFilter("All files", "*"));
            File f = fc.showOpenDialog(stage);
            if (f != null) open(f.toPath());
        });
        refreshRecent();
        MenuItem close = item("Close", "Shortcut+W", this::closeCapture);
        MenuItem quit = item("Quit", "Shortcut+Q", Platform::exit);
        MenuItem gotoFrame = item("Go to Frame…", "Shortcut+G", this::askGoToFrame);
        MenuItem focusFilter = item("Display Filter", "Shortcut+Slash", () -> {
            filterField.requestFocus();
            filterField.selectAll();
        });
        MenuItem frames = item("Frames", "Shortcut+1", () -> tabs.getSelectionModel().select(0));
        MenuItem ftp = item("FTP Sessions", "Shortcut+2", () -> tabs.getSelectionModel().select(1));
        MenuItem expert = item("Findings", "Shortcut+3", () -> tabs.getSelectionModel().select(2));
        MenuItem ladderPng = item("Export Ladder Diagram as PNG…", null, this::exportLadder);
        MenuItem report = item("Export Session Report…", "Shortcut+E", () -> {
            if (analysis == null) return;
            java.util.Set<Integer> selected = new java.util.TreeSet<>();
            if (tabs.getSelectionModel().getSelectedIndex() == 1) {
                sessions.getSelectionModel().getSelectedItems().forEach(x -> selected.add(x.id()));
            }
            ExportDialogs.exportReport(stage, analysis, selected);
        });
        MenuItem objects = item("FTP-DATA…", null, () -> { if (analysis != null) ExportDialogs.exportObjects(stage, analysis); });
        Menu exportObjects = new Menu("Export Objects", null, objects);
        MenuItem about = item("About ftpscope", null, () -> {
            Alert a = new Alert(Alert.AlertType.INFORMATION, "ftpscope — offline FTP analysis of packet captures.\n"
                    + "Frames like Wireshark, plus FTP sessions, data channels and why transfers failed.");
            a.setHeaderText("ftpscope");
            a.initOwner(stage);
            a.show();
        });
        return new MenuBar(new Menu("File", null, open, recentMenu, close, report, exportObjects, ladderPng, quit),
                new Menu("Go", null, gotoFrame, focusFilter), new Menu("View", null, frames, ftp, expert), new Menu("Help", null, about));
    }

    private javafx.scene.control.ToolBar toolbar() {
        javafx.scene.control.ToolBar bar = new javafx.scene.control.ToolBar(
                tool("open", "Open a capture (Ctrl+O)", () -> fire("File", "Open…")),
                tool("goto", "Go to frame (Ctrl+G)", this::askGoToFrame),
                new javafx.scene.control.Separator(),
                tool("sessions", "FTP sessions (Ctrl+2)", () -> tabs.getSelectionModel().select(1)),
                tool("findings", "Findings and firewall summary (Ctrl+3)", () -> tabs.getSelectionModel().select(2)),
                tool("follow", "Follow the selected frame's TCP stream", () -> {
                    Integer f = table.getSelectionModel().getSelectedItem();
                    if (f != null && analysis != null) followStream(f);
                }),
                new javafx.scene.control.Separator(),
                tool("report", "Export session report (Ctrl+E)", () -> fire("File", "Export Session Report…")),
                tool("objects", "Export objects: FTP-DATA", () -> { if (analysis != null) ExportDialogs.exportObjects(stage, analysis); }));
        return bar;
    }

    private Button tool(String icon, String tip, Runnable action) {
        Button b = new Button();
        javafx.scene.image.ImageView iv = Icons.toolbar(icon);
        if (iv != null) b.setGraphic(iv);
        else b.setText(tip);
        b.setTooltip(new javafx.scene.control.Tooltip(tip));
        b.setAccessibleText(tip);
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void fire(String menu, String item) {
        VBox top = (VBox) root.getTop();
        MenuBar bar = (MenuBar) top.getChildren().get(0);
        bar.getMenus().stream().filter(m -> m.getText().equals(menu)).flatMap(m -> m.getItems().stream())
                .filter(i -> item.equals(i.getText())).findFirst().ifPresent(MenuItem::fire);
    }

    private static MenuItem item(String text, String accel, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accel != null) m.setAccelerator(KeyCombination.keyCombination(accel));
        m.setOnAction(e -> action.run());
        return m;
    }

    // ---- start page ----

    private Node startPage() {
        Label title = new Label("ftpscope");
        title.getStyleClass().add("start-title");
        Label sub = new Label("Open a pcap or pcapng capture to see its frames, its FTP sessions and data channels,"
                + " and why each transfer worked or failed.");
        sub.setWrapText(true);
        Button open = new Button("Open a capture…");
        open.setDefaultButton(true);
        open.setOnAction(e -> fire("File", "Open…"));
        VBox box = new VBox(14, title, sub, open);
        List<Path> recent = recentFiles();
        if (!recent.isEmpty()) {
            box.getChildren().add(heading("Recent captures"));
            for (Path p : recent) box.getChildren().add(link(p.toString(), p));
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

    private static Preferences prefs() { return Preferences.userNodeForPackage(MainWindow.class); }

    static List<Path> recentFiles() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String s = prefs().get("recent." + i, null);
            if (s != null && Files.isRegularFile(Path.of(s))) out.add(Path.of(s));
        }
        return out;
    }

    private void remember(Path p) {
        List<Path> r = new ArrayList<>(recentFiles());
        r.remove(p.toAbsolutePath());
        r.add(0, p.toAbsolutePath());
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < r.size()) prefs().put("recent." + i, r.get(i).toString());
            else prefs().remove("recent." + i);
        }
        refreshRecent();
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path p : recentFiles()) recentMenu.getItems().add(item(p.toString(), null, () -> open(p)));
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    // ---- loading ----

    /** Opens a capture in the background; the window stays responsive and the load can be cancelled. */
    public Task<Analysis> open(Path path) {
        endRehearsal();
        return load(path, false);
    }

    /**
     * Opens {@code path}; a rehearsal is the same load of a small bundled capture under the start
     * page, with nothing of it shown or remembered ({@link #rehearse}).
     */
    private Task<Analysis> load(Path path, boolean rehearsal) {
        if (loading != null) loading.cancel();
        if (!rehearsal) opened = true;
        shown = false;
        long start = System.nanoTime();
        AtomicReference<FirstScreen> firstScreen = new AtomicReference<>();
        // The first frames are summarised as they are read and shown at once.
        PreviewTap preview = new PreviewTap(PREVIEW_FRAMES, FIRST_ROWS, this::waitForFirstRows);
        Task<Analysis> task = new Task<>() {
            @Override
            protected Analysis call() throws Exception {
                long[] lastShown = {System.nanoTime() - PROGRESS_NANOS};
                Analysis a = Analyzer.analyze(path, (done, total, frames) -> {
                    if (isCancelled()) throw new CancellationException("cancelled");
                    long now = System.nanoTime();
                    if (now - lastShown[0] < PROGRESS_NANOS) return;
                    lastShown[0] = now;
                    updateProgress(done, total);
                    updateMessage("Reading " + path.getFileName() + ": " + frames + " frames");
                }, preview, HASH_IN_PARALLEL);
                firstScreen.set(FirstScreen.of(a));
                return a;
            }
        };
        showPreview(path, preview.summaries(), rehearsal);
        loading = task;
        if (!rehearsal) {
            loadProgress.progressProperty().bind(task.progressProperty());
            cancelLoad.setOnAction(e -> task.cancel());
            showLoadControls(true);
            status.textProperty().bind(task.messageProperty());
        }
        task.setOnSucceeded(e -> {
            if (rehearsal && opened) { // a capture was opened meanwhile: it owns the views now
                closeQuietly(task.getValue());
                return;
            }
            finishLoading();
            if (rehearsal) {
                rehearsed = task.getValue();
                show(rehearsed, firstScreen.get(), true);
                return;
            }
            loadMillis = (System.nanoTime() - start) / 1_000_000;
            show(task.getValue(), firstScreen.get(), false);
            remember(path);
        });
        task.setOnFailed(e -> {
            if (rehearsal && opened) return;
            finishLoading();
            if (rehearsal) {
                endRehearsal();
                return;
            }
            Throwable ex = task.getException();
            String msg = ex instanceof CaptureException ? ex.getMessage() : path + ": " + ex;
            showError("Cannot open the capture", msg);
        });
        task.setOnCancelled(e -> {
            finishLoading();
            if (rehearsal) return;
            status.setText("Loading cancelled");
            showPage(startPage());
        });
        Thread t = new Thread(task, "ftpscope-load");
        t.setDaemon(true);
        t.start();
        return task;
    }

    /** The warm-up capture a rehearsal opens (a real sample packed into the jar: 938 frames, 4 sessions). */
    static final String REHEARSAL_CAPTURE = "concurrent-clients.pcap";
    /** The rehearsal's temp file while it runs or is shown, else null (written on the FX thread). */
    private volatile Path rehearsalFile;
    /** The rehearsal's analysis once loaded (FX thread). */
    private Analysis rehearsed;
    /** Rehearsals shown to their end (for tests). */
    private volatile int rehearsalsShown;

    /** The rehearsal's temp file while it runs or is shown, else null (for tests). */
    Path rehearsalFile() { return rehearsalFile; }

    int rehearsalsShown() { return rehearsalsShown; }

    /**
     * Loads a small real capture through the same path as File › Open, under the start page and
     * with nothing of it shown, titled or remembered: preview, first rows, the analysed rows,
     * sessions and findings. The first real load ran all that for the first time, and the pulses
     * showing its first rows stalled while C1 and C2 compiled it (~300 compilations in its first
     * 0.3 s); a second capture opened in the same session never stalled over 70 ms.
     */
    private void rehearse() {
        try {
            rehearsalFile = AnalysisWarmUp.unpack(REHEARSAL_CAPTURE);
        } catch (IOException e) {
            clearCaptureViews(); // only a warm-up: the jar lacks the sample
            return;
        }
        load(rehearsalFile, true);
    }

    /** Ends the rehearsal, if one runs or is shown: the views are empty again and its file is gone. */
    private void endRehearsal() {
        if (rehearsalFile == null) return;
        // Still loading: the load under way is the rehearsal's (a real open ends it first).
        if (rehearsed == null && loading != null) loading.cancel();
        if (rehearsed != null) {
            if (analysis == rehearsed) {
                analysis = null;
                clearCaptureViews();
                sessions.getItems().clear();
                firewall.clear();
                firstScreen = null;
                rehearsalsShown++;
            }
            closeQuietly(rehearsed);
            rehearsed = null;
        }
        try {
            Files.deleteIfExists(rehearsalFile);
        } catch (IOException ignored) {
            // a temp file left behind (deleted on exit)
        }
        rehearsalFile = null;
    }

    private static void closeQuietly(Analysis a) {
        try {
            a.close();
        } catch (IOException ignored) {
            // nothing to tell: the capture was only read
        }
    }

    /** Frames read so far are summarised by the loader; the table shows the first of them while loading. */
    static final int PREVIEW_FRAMES = 10_000;
    /**
     * Progress and the status text change at most four times a second: changed on every pulse, the
     * status bar's layout, text and progress bar took FX and render time and their JIT compiles a
     * core's share from the loader (1.53 GB in the app: 3.3-3.9 s → 2.6-3.3 s, UiBenchmark).
     */
    static final long PROGRESS_NANOS = 250_000_000L;
    /** Whether loading may use a second core for hashing (-Dftpscope.ui.parallelHashing; default: 3+ cores). */
    static final boolean HASH_IN_PARALLEL = Boolean.parseBoolean(System.getProperty("ftpscope.ui.parallelHashing",
            String.valueOf(Runtime.getRuntime().availableProcessors() > 2)));
    private javafx.animation.Timeline previewTimer;
    /** The frames the loader has summarised so far (FX thread). */
    private List<FrameSummary> previewSummaries;

    private void showPreview(Path path, List<FrameSummary> preview, boolean rehearsal) {
        if (previewTimer != null) previewTimer.stop();
        previewSummaries = preview;
        analysis = null;
        summaries = new SummaryCache(f -> preview.get(f - 1));
        clearCaptureViews();
        tabs.getSelectionModel().select(0);
        if (!rehearsal) {
            showPage(captureView);
            stage.setTitle(path.getFileName() + " (loading) — ftpscope");
        }
        previewTimer = new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.millis(150),
                e -> appendPreviewRows(preview)));
        previewTimer.setCycleCount(javafx.animation.Animation.INDEFINITE);
        previewTimer.play();
    }

    private void appendPreviewRows(List<FrameSummary> summaries) {
        int n = Math.min(summaries.size(), revealed);
        if (previewSummaries == summaries && n > rows.size()) rows.setAll(FrameList.range(n)); // appended in place
    }

    /**
     * The first preview rows come this many per pulse, until {@link #FIRST_ROWS} are shown: laying
     * out a screenful of new cells at once was a 62-90 ms layout pass (pulse logger) while the JIT
     * compiled JavaFX code on both cores. Longest loading stall in eleven alternating loads of the
     * 1.48 GB capture: median 128 ms all at once, 110 ms six per pulse (Zen 1, UiBenchmark).
     */
    static final int FIRST_BATCH = 6;
    /** How many preview rows may be shown yet (FX thread). */
    private int revealed = Integer.MAX_VALUE;
    private javafx.animation.AnimationTimer revealer;

    private void revealGradually(List<FrameSummary> summaries) {
        if (revealer != null) revealer.stop();
        revealed = FIRST_BATCH;
        appendPreviewRows(summaries);
        revealer = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                if (previewSummaries != summaries || revealed >= FIRST_ROWS) {
                    revealed = Integer.MAX_VALUE;
                    stop();
                } else {
                    revealed += FIRST_BATCH;
                }
                appendPreviewRows(summaries);
            }
        };
        revealer.start();
    }

    /**
     * More than a screenful of rows: what the start-page warm-up shows, what the loader previews
     * before it waits for them to be laid out, and what it summarises of the analysed capture.
     */
    static final int FIRST_ROWS = 64;
    /**
     * How long the loader waits at most for the first rows to be laid out. Laying out the first
     * rows' cells takes the FX thread ~35 ms of CPU; sharing two cores with the loader and the JIT
     * it stalled that pulse for 110-150 ms, with the loader waiting for it 60-90 ms (UiBenchmark).
     */
    static final long FIRST_ROWS_WAIT_MS = 300;

    /**
     * On the loading thread, once the first rows are summarised: has the FX thread show them and
     * waits (at most {@link #FIRST_ROWS_WAIT_MS}) until a layout pass has laid them out.
     */
    private void waitForFirstRows(List<FrameSummary> summaries) {
        java.util.concurrent.CountDownLatch laidOut = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(() -> showFirstRows(summaries, laidOut));
        try {
            laidOut.await(FIRST_ROWS_WAIT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    private void showFirstRows(List<FrameSummary> summaries, java.util.concurrent.CountDownLatch laidOut) {
        Scene scene = stage.getScene();
        if (previewSummaries != summaries || scene == null) {
            laidOut.countDown(); // that load has ended or was replaced
            return;
        }
        revealGradually(summaries);
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            laidOut.countDown();
            scene.removePostLayoutPulseListener(once[0]);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** No rows, no tree, no bytes, no findings. */
    private void clearCaptureViews() {
        colours = f -> null;
        showRows(new int[0]);
        tree.setRoot(null);
        hex.show(null);
        findings.setRoot(null);
    }

    /** Frames shown before the analysis finished (for tests). */
    int previewRows() { return analysis == null ? rows.size() : 0; }

    private void finishLoading() {
        if (previewTimer != null) previewTimer.stop();
        previewSummaries = null;
        status.textProperty().unbind();
        loadProgress.progressProperty().unbind();
        cancelLoad.setOnAction(null);
        showLoadControls(false);
        loading = null;
    }

    private void showLoadControls(boolean show) {
        for (javafx.scene.Node n : List.of(loadProgress, cancelLoad)) {
            n.setVisible(show);
            n.setManaged(show);
        }
    }

    private void showError(String header, String msg) {
        VBox box = new VBox(10, heading(header), new Label(msg));
        box.getStyleClass().add("error-page");
        box.setPadding(new Insets(40));
        Button back = new Button("Back to the start page");
        back.setOnAction(e -> showPage(startPage()));
        box.getChildren().add(back);
        showPage(box);
        status.setText(msg);
    }

    private void closeCapture() {
        endRehearsal();
        if (analysis != null) {
            try {
                analysis.close();
            } catch (IOException ignored) {
                // closing a read-only file cannot lose anything
            }
        }
        analysis = null;
        showRows(new int[0]);
        showPage(startPage());
        stage.setTitle("ftpscope");
        status.setText("Ready");
    }

    /**
     * What the window shows first of a loaded capture, made by the loader: the first rows' strings
     * and the first frame's tree. Made on the FX thread, decoding and summarising them with code
     * not yet run in this JVM stalled a pulse by ~100 ms (pulse logger under UiBenchmark).
     */
    private record FirstScreen(FrameViews views, SummaryCache summaries, int frame, DetailNode tree, byte[] bytes) {
        static FirstScreen of(Analysis a) {
            FrameViews views = new FrameViews(a);
            SummaryCache summaries = new SummaryCache(views);
            int n = Math.min(FIRST_ROWS, a.capture().frameCount());
            for (int f = 1; f <= n; f++) summaries.get(f);
            if (n == 0) return new FirstScreen(views, summaries, 0, null, null);
            FrameViews.Decoded d = views.decode(1);
            return new FirstScreen(views, summaries, 1, views.tree(d), d.bytes());
        }
    }

    /** The first frame's tree and bytes made by the loader, until the first frame is shown. */
    private FirstScreen firstScreen;

    private void show(Analysis a, FirstScreen first, boolean rehearsal) {
        if (analysis != null) {
            try {
                analysis.close();
            } catch (IOException ignored) {
                // see closeCapture
            }
        }
        analysis = a;
        ((VBox) root.getTop()).getChildren().removeIf(n -> n.getStyleClass().contains("warning-banner"));
        views = first.views();
        summaries = first.summaries();
        firstScreen = first;
        colours = this::rowColour;
        showRows(FrameList.range(a.capture().frameCount()));
        sessions.getItems().clear();
        findings.setRoot(null);
        firewall.clear();
        filterField.clear();
        setFilterError(null);
        if (rehearsal) {
            inLaterPulses(a, showSteps(a), this::endRehearsal);
            return;
        }
        showPage(captureView);
        stage.setTitle(a.capture().path().getFileName() + " — ftpscope");
        int problems = a.capture().warnings().size();
        status.setText(a.capture().path().getFileName() + " — " + a.capture().frameCount() + " frames — Displayed: "
                + rows.size() + " — " + a.sessions().size() + " FTP sessions, " + a.findings().size() + " findings — loaded in "
                + loadMillis + " ms" + (problems > 0 ? " — " + a.capture().warnings().get(0) : ""));
        if (!a.capture().warnings().isEmpty()) {
            CaptureWarning w = a.capture().warnings().get(0);
            Label banner = new Label("⚠ " + a.capture().path().getFileName() + ": " + w + " — the frames before it are shown.");
            banner.getStyleClass().add("warning-banner");
            banner.setMaxWidth(Double.MAX_VALUE);
            VBox top = (VBox) root.getTop();
            top.getChildren().removeIf(n -> n.getStyleClass().contains("warning-banner"));
            top.getChildren().add(banner);
        }
        // The rest in later pulses, one step at a time: done at once it blocked the FX thread for ~250 ms.
        inLaterPulses(a, showSteps(a), () -> shown = true);
    }

    private Runnable[] showSteps(Analysis a) {
        return new Runnable[] {
            () -> { if (!rows.isEmpty()) table.getSelectionModel().select(0); },
            () -> {
                sessions.getItems().setAll(a.sessions());
                if (!a.sessions().isEmpty()) sessions.getSelectionModel().select(0);
            },
            () -> fillFindings(a)};
    }

    private javafx.animation.AnimationTimer stepper;
    /** The capture last opened is loaded and every step of showing it has run. */
    private volatile boolean shown;

    /**
     * Runs {@code steps} on the FX thread, one per pulse, while {@code a} is still the capture
     * shown, then {@code done}.
     */
    private void inLaterPulses(Analysis a, Runnable[] steps, Runnable done) {
        if (stepper != null) stepper.stop();
        stepper = new javafx.animation.AnimationTimer() {
            int next;

            @Override
            public void handle(long now) {
                if (analysis != a) {
                    stop();
                    return;
                }
                // One per pulse: each pulse lays out and draws one step's change. Every third pulse,
                // as before, left the FX thread idle between steps and added 0.1 s to the end of a
                // load; all in one pulse, that pulse stalled 104-135 ms in half the loads (1.48 GB
                // capture, Zen 1, UiBenchmark).
                steps[next++].run();
                if (next == steps.length) {
                    stop();
                    done.run();
                }
            }
        };
        stepper.start();
    }

    /** Whether the capture last opened is fully shown (for tests and the UI benchmark). */
    boolean fullyShown() { return shown; }

    /** From opening the capture last loaded to the end of its analysis, in ms (for the UI benchmark). */
    long loadMillis() { return loadMillis; }

    // ---- the three views ----

    private void buildCaptureViews() {
        // Frames: table above, tree and bytes below, as in Wireshark.
        table.getColumns().setAll(List.of(
                column("No.", 70, s -> Integer.toString(s.frame())),
                column("Time", 100, FrameSummary::timeText),
                column("Source", 170, FrameSummary::source),
                column("Destination", 170, FrameSummary::destination),
                column("Protocol", 80, FrameSummary::protocol),
                column("Length", 70, s -> Integer.toString(s.length())),
                column("Info", 600, FrameSummary::info)));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // One row height for all rows: without it VirtualFlow measures cells to estimate the
        // height of a million rows, which kept the FX thread busy for seconds (measured with JFR).
        table.setFixedCellSize(22);
        table.setSortPolicy(t -> {
            if (!showingSortedRows) sortFrames();
            return true;
        });
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setRowFactory(tv -> {
            TableRow<Integer> row = new TableRow<>() {
                /** The colour this row is drawn in, or null. */
                private PseudoClass colour;

                @Override
                protected void updateItem(Integer frame, boolean empty) {
                    super.updateItem(frame, empty);
                    PseudoClass next = empty || frame == null ? null : colours.apply(frame);
                    // A pseudo-class, not a style class: changing a style class re-matches every
                    // stylesheet selector against the row and its cells, a pseudo-class only
                    // switches between styles already matched.
                    if (next == colour) return;
                    if (colour != null) pseudoClassStateChanged(colour, false);
                    if (next != null) pseudoClassStateChanged(next, true);
                    colour = next;
                }
            };
            MenuItem follow = new MenuItem("Follow TCP Stream");
            follow.setOnAction(e -> { if (row.getItem() != null) followStream(row.getItem()); });
            MenuItem session = new MenuItem("Show FTP Session");
            session.setOnAction(e -> { if (row.getItem() != null) showSessionOf(row.getItem()); });
            row.setContextMenu(new ContextMenu(follow, session));
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, old, frame) -> showFrame(frame));
        tree.setShowRoot(false);
        tree.setCellFactory(tv -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(DetailNode n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : n.label());
            }

            // By identity: the record's equals compares whole subtrees, and the cell asks on every
            // update (a fifth of the FX thread's time when a loaded capture's first tree was shown).
            @Override
            protected boolean isItemChanged(DetailNode oldItem, DetailNode newItem) { return oldItem != newItem; }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, old, item) -> {
            if (syncingSelection) return;
            DetailNode n = item == null ? null : item.getValue();
            if (n != null && n.hasBytes()) hex.highlight(n.offset(), n.length());
            else hex.highlight(-1, 0);
        });
        MenuItem copyFilter = new MenuItem("Copy as Filter");
        copyFilter.setOnAction(e -> {
            TreeItem<DetailNode> it = tree.getSelectionModel().getSelectedItem();
            if (it != null && it.getValue().field() != null) {
                String f = it.getValue().field() + (it.getValue().value() == null ? "" : " == " + quoteIfNeeded(it.getValue().value()));
                javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
                c.putString(f);
                javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
                status.setText("Copied: " + f);
            }
        });
        MenuItem applyAs = new MenuItem("Apply as Filter");
        applyAs.setOnAction(e -> {
            TreeItem<DetailNode> it = tree.getSelectionModel().getSelectedItem();
            if (it == null || it.getValue().field() == null) return;
            DetailNode n = it.getValue();
            if (org.ftpscope.filter.Fields.get(n.field()) == null) {
                status.setText("\"" + n.field() + "\" cannot be filtered on yet");
                return;
            }
            applyFilter(n.value() == null ? n.field() : n.field() + " == " + quoteIfNeeded(n.value()));
        });
        tree.setContextMenu(new ContextMenu(applyAs, copyFilter));
        hex.setOnByteClicked(this::selectNodeAtByte);
        SplitPane lower = new SplitPane(tree, hex);
        lower.setDividerPositions(0.55);
        SplitPane frames = new SplitPane(table, lower);
        frames.setOrientation(Orientation.VERTICAL);
        frames.setDividerPositions(0.55);

        // FTP sessions: list, then the story and the ladder of the selected one.
        sessions.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(FtpSession s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : sessionLabel(s));
            }
        });
        sessions.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // The story and the ladder are made when they can be seen: drawing the ladder of an
        // unseen tab took half the render thread's time while a loaded capture was shown (profiler).
        sessions.getSelectionModel().selectedItemProperty().addListener((o, old, s) -> showSessionIfVisible());
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, old, i) -> showSessionIfVisible());
        story.setCellFactory(lv -> new ListCell<>() {
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
            if (l != null && e.getClickCount() == 2) goToFrame(l.frame());
        });
        story.setOnKeyPressed(e -> {
            StoryLine l = story.getSelectionModel().getSelectedItem();
            if (l != null && e.getCode() == javafx.scene.input.KeyCode.ENTER) goToFrame(l.frame());
        });
        ladder.setOnMouseClicked(e -> {
            LadderModel.Arrow a = ladder.arrowAt(e.getY());
            if (a != null && e.getClickCount() == 2) goToFrame(a.frame());
        });
        Button followSession = new Button("Follow FTP Session in Frames");
        followSession.setOnAction(e -> followSession(sessions.getSelectionModel().getSelectedItem()));
        TabPane detail = new TabPane(new Tab("Story", story), new Tab("Ladder diagram", new ScrollPane(ladder)));
        detail.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Button exportSession = new Button("Export Report…");
        exportSession.setOnAction(e -> {
            java.util.Set<Integer> selected = new java.util.TreeSet<>();
            sessions.getSelectionModel().getSelectedItems().forEach(x -> selected.add(x.id()));
            if (analysis != null) ExportDialogs.exportReport(stage, analysis, selected);
        });
        VBox right = new VBox(6, new HBox(8, new Label("Double-click a line or an arrow to jump to its frame."), followSession,
                exportSession), detail);
        VBox.setVgrow(detail, Priority.ALWAYS);
        right.setPadding(new Insets(6));
        SplitPane ftp = new SplitPane(sessions, right);
        ftp.setDividerPositions(0.3);

        // Findings: grouped by severity and kind; the firewall summary beside them.
        findings.setShowRoot(false);
        findings.setOnMouseClicked(e -> {
            TreeItem<Object> it = findings.getSelectionModel().getSelectedItem();
            if (it != null && it.getValue() instanceof Finding f && e.getClickCount() == 2) goToFrame(f.frame());
        });
        findings.setCellFactory(tv -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(Object o, boolean empty) {
                super.updateItem(o, empty);
                setText(empty || o == null ? null : o instanceof Finding f ? "frame " + f.frame() + ": " + f.message() : o.toString());
            }
        });
        firewall.setEditable(false);
        firewall.setWrapText(false);
        firewall.getStyleClass().add("mono");
        SplitPane expert = new SplitPane(findings, firewall);
        expert.setDividerPositions(0.6);

        tabs.getTabs().setAll(new Tab("Frames", frames), new Tab("FTP Sessions", ftp), new Tab("Findings", expert));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        filterField.setPromptText("Apply a display filter … <Ctrl-/>   e.g.  ftp.request.command == \"RETR\"  or  tcp.analysis.flags");
        filterField.setOnAction(e -> applyFilter(filterField.getText()));
        Button apply = new Button("Apply");
        apply.setOnAction(e -> applyFilter(filterField.getText()));
        Button clear = new Button("Clear");
        clear.setOnAction(e -> {
            filterField.clear();
            applyFilter("");
        });
        filterMessage.getStyleClass().add("filter-message");
        HBox bar = new HBox(6, filterField, apply, clear, filterMessage);
        HBox.setHgrow(filterField, Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        captureView.getChildren().setAll(bar, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
    }

    /** Compiles and applies a display filter; an invalid one turns the bar red and says why. */
    public void applyFilter(String text) {
        if (analysis == null) return;
        filterField.setText(text);
        DisplayFilter.Result r = DisplayFilter.compile(text);
        if (r instanceof DisplayFilter.Result.Invalid bad) {
            setFilterError("Column " + (bad.position() + 1) + ": " + bad.message());
            return;
        }
        setFilterError(null);
        table.getSortOrder().clear(); // a new filter shows frames in capture order
        DisplayFilter f = ((DisplayFilter.Result.Compiled) r).filter();
        Analysis a = analysis;
        Task<int[]> task = new Task<>() {
            @Override
            protected int[] call() { return AnalysisFields.matching(a, f); }
        };
        task.setOnSucceeded(e -> {
            if (analysis != a) return;
            Integer selected = table.getSelectionModel().getSelectedItem();
            showRows(task.getValue());
            status.setText(a.capture().path().getFileName() + " — Displayed: " + rows.size() + " of "
                    + a.capture().frameCount() + " frames" + (f.isEmpty() ? "" : " — filter: " + f.text()));
            int idx = selected == null ? -1 : rows.indexOf(selected);
            if (idx >= 0) table.getSelectionModel().clearAndSelect(idx);
            else if (!rows.isEmpty()) table.getSelectionModel().clearAndSelect(0);
            tabs.getSelectionModel().select(0);
        });
        Thread t = new Thread(task, "ftpscope-filter");
        t.setDaemon(true);
        t.start();
        lastFilter = task;
    }

    private Task<int[]> lastFilter;
    private Task<int[]> lastSort;

    /**
     * Sorts the displayed frames by the first sort column, off the FX thread, on primitive keys:
     * number, time and length come from the frame index; text columns from the frame summaries.
     */
    private void sortFrames() {
        if (analysis == null || rows.isEmpty()) return;
        Analysis a = analysis;
        int[] current = new int[rows.size()];
        for (int i = 0; i < current.length; i++) current[i] = rows.get(i);
        TableColumn<Integer, ?> col = table.getSortOrder().isEmpty() ? null : table.getSortOrder().get(0);
        String name = col == null ? "No." : col.getText();
        boolean descending = col != null && col.getSortType() == TableColumn.SortType.DESCENDING;
        Task<int[]> task = new Task<>() {
            @Override
            protected int[] call() {
                if (name.equals("Info")) {
                    // A million Info strings do not fit a small heap: sorted in rounds on packed prefixes.
                    FrameViews v = new FrameViews(a);
                    try {
                        return org.ftpscope.filter.TextColumnSort.sort(a.capture(), current,
                                (f, buf, off, cap) -> v.summary(f, buf, off, cap).info(), descending, this::isCancelled);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                Integer[] boxed = java.util.Arrays.stream(current).boxed().toArray(Integer[]::new);
                java.util.Comparator<Integer> cmp = switch (name) {
                    case "Time" -> java.util.Comparator.comparingLong(f -> a.capture().index().timestampNanos(f));
                    case "Length" -> java.util.Comparator.comparingInt(f -> a.capture().index().originalLength(f));
                    case "Source", "Destination", "Protocol" -> {
                        // One sequential read of the capture; repeated values (addresses, protocols) share one string.
                        FrameViews v = new FrameViews(a);
                        String[] keys = new String[a.capture().frameCount() + 1];
                        boolean[] wanted = new boolean[keys.length];
                        for (int f : current) wanted[f] = true;
                        Map<String, String> shared = new HashMap<>();
                        try {
                            a.capture().scan(1, a.capture().frameCount(), (f, ts, link, orig, buf, off, cap) -> {
                                if (!wanted[f]) return;
                                if (isCancelled()) throw new CancellationException("sort cancelled");
                                FrameSummary s = v.summary(f, buf, off, cap);
                                String k = switch (name) {
                                    case "Source" -> s.source();
                                    case "Destination" -> s.destination();
                                    default -> s.protocol();
                                };
                                keys[f] = shared.computeIfAbsent(k, x -> x);
                            });
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        yield java.util.Comparator.comparing(f -> keys[f]);
                    }
                    default -> java.util.Comparator.naturalOrder();
                };
                // Ties keep capture order in either direction.
                if (descending) cmp = cmp.reversed();
                java.util.Arrays.sort(boxed, cmp.thenComparing(java.util.Comparator.naturalOrder()));
                return java.util.Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
            }
        };
        task.setOnSucceeded(e -> {
            if (analysis == a && lastSort == task) showSortedRows(task.getValue());
        });
        task.setOnFailed(e -> {
            if (lastSort != task) return;
            Throwable ex = task.getException();
            status.setText("Cannot sort by " + name + ": "
                    + (ex instanceof OutOfMemoryError ? "not enough memory (start Java with a larger -Xmx)" : String.valueOf(ex)));
        });
        // A superseded sort would finish later with a stale order, and two Info sorts at once need
        // twice the memory.
        if (lastSort != null) lastSort.cancel();
        Thread t = new Thread(task, "ftpscope-sort");
        t.setDaemon(true);
        t.start();
        lastSort = task;
    }

    Task<int[]> lastSortTask() { return lastSort; }

    /** Set while sorted rows replace the table's items, so that restoring the sort order does not sort again. */
    private boolean showingSortedRows;

    /**
     * Shows sorted rows as a new list, like a filter result: changing the old list in place made
     * JavaFX copy and box every removed row (~30 ms at a million rows). New items make the
     * TableView clear its sort order (RT-35763 in TableView.items), so the sort columns are put back.
     */
    private void showSortedRows(int[] frames) {
        List<TableColumn<Integer, ?>> order = List.copyOf(table.getSortOrder());
        showingSortedRows = true;
        try {
            showRows(frames);
            table.getSortOrder().setAll(order);
        } finally {
            showingSortedRows = false;
        }
    }

    /**
     * Shows these frames in the table. A new list, not a change to the old one: a change that
     * removes a million rows makes the table's selection and focus models walk every removed row
     * on the FX thread (a quarter of a second at 1 M rows).
     */
    private void showRows(int[] frames) {
        FrameList next = new FrameList();
        next.setAll(frames);
        rows = next;
        table.setItems(next);
    }

    /** Rows in the frame table (for tests and the UI benchmark). */
    int displayedRows() { return rows.size(); }

    /** The running or last filter task (for tests). */
    Task<int[]> lastFilterTask() { return lastFilter; }

    private void setFilterError(String message) {
        filterField.getStyleClass().remove("filter-invalid");
        filterField.getStyleClass().remove("filter-valid");
        if (message != null) {
            filterField.getStyleClass().add("filter-invalid");
            filterMessage.setText(message);
        } else {
            if (!filterField.getText().isBlank()) filterField.getStyleClass().add("filter-valid");
            filterMessage.setText("");
        }
    }

    private static String quoteIfNeeded(String v) {
        return v.matches("[0-9A-Za-z.:_-]+") ? v : "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private TableColumn<Integer, String> column(String name, double width,
                                                java.util.function.Function<FrameSummary, String> f) {
        TableColumn<Integer, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setSortable(true); // sorted by sortFrames(), never by JavaFX's comparator over cell values
        c.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyStringWrapper(
                summaries == null ? "" : f.apply(summaries.get(cd.getValue()))));
        return c;
    }

    /** Each row's colour: none while loading, {@link #rowColour} once the capture is analysed. */
    private java.util.function.IntFunction<PseudoClass> colours = f -> null;
    private static final PseudoClass TCP_PROBLEM = PseudoClass.getPseudoClass("tcp-problem");
    private static final PseudoClass TCP_RESET = PseudoClass.getPseudoClass("tcp-reset");
    private static final PseudoClass FTP = PseudoClass.getPseudoClass("ftp");
    private static final PseudoClass FTP_DATA = PseudoClass.getPseudoClass("ftp-data");

    /** The colouring rule a frame's row matches (as Wireshark's default colouring rules), or null. */
    private PseudoClass rowColour(int frame) {
        int flags = analysis.tcpFrames().analysisFlags(frame);
        if ((flags & (TcpAnalysisFlags.RETRANSMISSION | TcpAnalysisFlags.OUT_OF_ORDER | TcpAnalysisFlags.LOST_SEGMENT
                | TcpAnalysisFlags.DUPLICATE_ACK | TcpAnalysisFlags.ZERO_WINDOW)) != 0) return TCP_PROBLEM;
        FrameSummary s = summaries.get(frame);
        if (s.info().contains("[RST")) return TCP_RESET;
        if (s.protocol().equals("FTP")) return FTP;
        if (s.protocol().equals("FTP-DATA")) return FTP_DATA;
        return null;
    }

    private void showFrame(Integer frame) {
        if (frame == null || analysis == null) {
            // While loading only the row is known; the tree needs the finished analysis.
            tree.setRoot(null);
            hex.show(null);
            return;
        }
        FirstScreen first = firstScreen;
        firstScreen = null;
        if (first != null && first.frame() == frame) {
            tree.setRoot(treeItem(first.tree()));
            hex.show(first.bytes());
            return;
        }
        FrameViews.Decoded d = views.decode(frame);
        tree.setRoot(treeItem(views.tree(d)));
        hex.show(d.bytes());
    }

    private static TreeItem<DetailNode> treeItem(DetailNode n) {
        TreeItem<DetailNode> it = new TreeItem<>(n);
        for (DetailNode c : n.children()) it.getChildren().add(treeItem(c));
        return it;
    }

    private void selectNodeAtByte(int offset) {
        TreeItem<DetailNode> best = deepest(tree.getRoot(), offset);
        if (best == null) return;
        for (TreeItem<DetailNode> p = best.getParent(); p != null; p = p.getParent()) p.setExpanded(true);
        tree.getSelectionModel().select(best);
        tree.scrollTo(tree.getRow(best));
    }

    /** The smallest node covering the byte (the deeper one on a tie): the field the user clicked. */
    private static TreeItem<DetailNode> deepest(TreeItem<DetailNode> it, int offset) {
        if (it == null) return null;
        TreeItem<DetailNode> best = null;
        DetailNode n = it.getValue();
        if (n != null && n.hasBytes() && offset >= n.offset() && offset < n.offset() + n.length()) best = it;
        for (TreeItem<DetailNode> c : it.getChildren()) {
            TreeItem<DetailNode> hit = deepest(c, offset);
            if (hit != null && (best == null || hit.getValue().length() <= best.getValue().length())) best = hit;
        }
        return best;
    }

    /** Selects a frame in the frame table (showing all frames if the filter hid it) and switches to it. */
    public void goToFrame(int frame) {
        if (analysis == null || frame < 1 || frame > analysis.capture().frameCount()) return;
        int idx = rows.indexOf(frame);
        if (idx < 0) {
            // The filter hides the frame: drop the filter rather than fail to show it.
            filterField.clear();
            setFilterError(null);
            showRows(FrameList.range(analysis.capture().frameCount()));
            idx = frame - 1;
        }
        tabs.getSelectionModel().select(0);
        table.getSelectionModel().clearAndSelect(idx);
        table.scrollTo(Math.max(0, idx - 5));
        table.requestFocus();
    }

    private void askGoToFrame() {
        if (analysis == null) return;
        TextInputDialog d = new TextInputDialog();
        d.setTitle("Go to Frame");
        d.setHeaderText("Frame number (1–" + analysis.capture().frameCount() + ")");
        d.initOwner(stage);
        d.showAndWait().ifPresent(s -> {
            try {
                goToFrame(Integer.parseInt(s.trim()));
            } catch (NumberFormatException e) {
                status.setText("Not a frame number: " + s);
            }
        });
    }

    private static String sessionLabel(FtpSession s) {
        return "#" + s.id() + "  " + s.client() + " → " + s.server() + "\n      user " + (s.user() == null ? "—" : s.user())
                + ", login " + s.login().label() + (s.tls() ? ", TLS" : "") + ", " + s.transfers().size() + " transfers";
    }

    /** The session whose story and ladder are shown (null: none). */
    private FtpSession storyOf;

    private void showSessionIfVisible() {
        if (tabs.getSelectionModel().getSelectedIndex() == 1) showSelectedSession();
    }

    /** Makes the story and the ladder those of the selected session, if they are not yet. */
    private void showSelectedSession() {
        FtpSession s = sessions.getSelectionModel().getSelectedItem();
        if (s == storyOf) return;
        storyOf = s;
        showSession(s);
    }

    private void showSession(FtpSession s) {
        if (s == null || analysis == null) {
            story.getItems().clear();
            ladder.show(null); // nothing left of the previous capture to export
            return;
        }
        story.getItems().setAll(StoryLine.of(s, analysis.findings()));
        ladder.show(LadderModel.of(s));
    }

    private void showSessionOf(int frame) {
        int stream = analysis.tcpFrames().stream(frame);
        StreamRole role = stream < 0 ? null : analysis.role(stream);
        if (role == null || role.orphan()) {
            status.setText("Frame " + frame + " is not part of an FTP session in this capture");
            return;
        }
        sessions.getSelectionModel().select(role.session());
        tabs.getSelectionModel().select(1);
    }

    /** Shows only the frames of a session's control connection and its data connections. */
    private void followSession(FtpSession s) {
        if (s == null) return;
        java.util.SortedSet<Integer> streams = new java.util.TreeSet<>();
        streams.add(s.controlStream());
        s.setups().forEach(d -> { if (d.data() != null) streams.add(d.data().stream()); });
        applyFilter("tcp.stream in {" + String.join(", ", streams.stream().map(String::valueOf).toList()) + "}");
    }

    private void followStream(int frame) {
        int idx = analysis.tcpFrames().stream(frame);
        if (idx < 0) return;
        TcpStream s = analysis.streams().get(idx);
        TextFlow flow = new TextFlow();
        javafx.scene.control.ToggleButton hexMode = new javafx.scene.control.ToggleButton("Hex dump");
        Runnable fill = () -> fillFollow(flow, s, hexMode.isSelected());
        hexMode.setOnAction(e -> fill.run());
        fill.run();
        Stage w = new Stage();
        w.initOwner(stage);
        w.setTitle("Follow TCP Stream (tcp.stream eq " + idx + ") — " + s.client() + " → " + s.server());
        Label legend = new Label("Client → server in red, server → client in blue. " + (s.bytes(Direction.CLIENT_TO_SERVER)
                + s.bytes(Direction.SERVER_TO_CLIENT)) + " bytes, " + (s.gapBytes(Direction.CLIENT_TO_SERVER)
                + s.gapBytes(Direction.SERVER_TO_CLIENT)) + " missing.");
        ScrollPane sp = new ScrollPane(flow);
        sp.setFitToWidth(true);
        BorderPane bp = new BorderPane(sp);
        HBox top = new HBox(12, hexMode, legend);
        top.setAlignment(Pos.CENTER_LEFT);
        bp.setTop(top);
        BorderPane.setMargin(top, new Insets(6));
        Scene sc = new Scene(bp, 900, 600);
        sc.getStylesheets().add(MainWindow.class.getResource("ftpscope.css").toExternalForm());
        w.setScene(sc);
        w.show();
    }

    /** Both directions in capture order; gaps marked; ASCII (control bytes as dots) or a hex dump per segment. */
    private void fillFollow(TextFlow flow, TcpStream s, boolean hexDump) {
        flow.getChildren().clear();
        try {
            List<long[]> pieces = new ArrayList<>(); // {frame, direction, span index}
            for (Direction d : Direction.values()) {
                StreamSpans sp = s.spans(d);
                for (int i = 0; i < sp.size(); i++) {
                    pieces.add(new long[] {sp.isGap(i) ? Long.MAX_VALUE / 2 : sp.frame(i), d.ordinal(), i});
                }
            }
            pieces.sort(Comparator.comparingLong(p -> p[0]));
            long shown = 0;
            long[] offset = new long[2];
            for (long[] p : pieces) {
                StreamSpans sp = s.spans(Direction.values()[(int) p[1]]);
                int i = (int) p[2];
                Text t;
                if (sp.isGap(i)) {
                    t = new Text("[" + sp.length(i) + " bytes missing in capture]\n");
                    t.getStyleClass().add("follow-gap");
                } else {
                    byte[] b = analysis.capture().readFrame(sp.frame(i));
                    String body = hexDump ? hexLines(b, sp.offsetInFrame(i), sp.length(i), offset[(int) p[1]])
                            : new String(b, sp.offsetInFrame(i), sp.length(i), StandardCharsets.ISO_8859_1)
                                    .replaceAll("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\xff]", ".");
                    t = new Text(body);
                    t.getStyleClass().add(p[1] == 0 ? "follow-client" : "follow-server");
                }
                offset[(int) p[1]] += sp.length(i);
                flow.getChildren().add(t);
                if ((shown += sp.length(i)) > 2_000_000) {
                    flow.getChildren().add(new Text("\n[… shown the first 2 MB]"));
                    break;
                }
            }
        } catch (IOException e) {
            flow.getChildren().add(new Text("Cannot read the capture: " + e.getMessage()));
        }
    }

    private static String hexLines(byte[] b, int off, int len, long streamOffset) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i += 16) {
            sb.append(String.format("%08x  ", streamOffset + i));
            StringBuilder ascii = new StringBuilder();
            for (int j = 0; j < 16; j++) {
                if (i + j < len) {
                    int c = b[off + i + j] & 0xFF;
                    sb.append(String.format("%02x ", c));
                    ascii.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
                } else {
                    sb.append("   ");
                }
            }
            sb.append(' ').append(ascii).append('\n');
        }
        return sb.toString();
    }

    private void fillFindings(Analysis a) {
        TreeItem<Object> root = new TreeItem<>("Findings");
        Map<Severity, Map<String, List<Finding>>> grouped = new TreeMap<>(Comparator.reverseOrder());
        for (Finding f : a.findings()) {
            grouped.computeIfAbsent(f.severity(), k -> new TreeMap<>()).computeIfAbsent(f.kind().title(), k -> new ArrayList<>()).add(f);
        }
        for (Map.Entry<Severity, Map<String, List<Finding>>> bySev : grouped.entrySet()) {
            int n = bySev.getValue().values().stream().mapToInt(List::size).sum();
            TreeItem<Object> sev = new TreeItem<>(bySev.getKey().label().toUpperCase() + " (" + n + ")");
            sev.setExpanded(true);
            for (Map.Entry<String, List<Finding>> byKind : bySev.getValue().entrySet()) {
                Finding first = byKind.getValue().get(0);
                TreeItem<Object> kind = new TreeItem<>(byKind.getKey() + " (" + byKind.getValue().size() + ") — "
                        + first.kind().explanation() + " Fix: " + first.kind().suggestedFix());
                for (Finding f : byKind.getValue()) kind.getChildren().add(new TreeItem<>(f));
                sev.getChildren().add(kind);
            }
            root.getChildren().add(sev);
        }
        if (a.findings().isEmpty()) root.getChildren().add(new TreeItem<>("Nothing to report: no FTP problems found in this capture."));
        findings.setRoot(root);
        StringBuilder sb = new StringBuilder();
        for (FirewallSummary fw : a.ftp().firewall()) {
            sb.append("Server ").append(fw.server()).append(" (").append(fw.sessions()).append(" sessions)\n");
            sb.append("  control ports: ").append(fw.controlPorts()).append('\n');
            sb.append("  passive ports seen: ").append(fw.passivePorts().isEmpty() ? "none" : fw.passiveMin() + "–" + fw.passiveMax()
                    + " (" + fw.passivePorts().size() + " distinct)").append('\n');
            sb.append("  active-mode source ports: ").append(fw.activeSourcePorts().isEmpty() ? "none" : fw.activeSourcePorts()).append("\n\n");
            sb.append("  iptables:\n");
            fw.iptablesRules().forEach(r -> sb.append("    ").append(r).append('\n'));
            sb.append("  nftables:\n");
            fw.nftablesRules().forEach(r -> sb.append("    ").append(r).append('\n'));
            if (!fw.serverDirectives().isEmpty()) {
                sb.append("  pin the passive range on the server:\n");
                fw.serverDirectives().forEach(r -> sb.append("    ").append(r).append('\n'));
            }
            fw.notes().forEach(r -> sb.append("  note: ").append(r).append('\n'));
            sb.append('\n');
        }
        firewall.setText(sb.length() == 0 ? "No FTP server in this capture." : "Firewall summary\n\n" + sb);
    }

    private void exportLadder() {
        showSelectedSession(); // the ladder is only drawn when its tab was shown
        if (ladder.model() == null) return;
        FileChooser fc = new FileChooser();
        fc.setInitialFileName("ftp-session-ladder.png");
        File f = fc.showSaveDialog(stage);
        if (f == null) return;
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(ladder.snapshot(null, null), null), "png", f);
            status.setText("Saved " + f);
        } catch (IOException e) {
            showError("Cannot save the diagram", f + ": " + e.getMessage());
        }
    }

    // ---- for tests and the command line ----

    TableView<Integer> frameTable() { return table; }

    TreeView<DetailNode> detailTree() { return tree; }

    HexPane hexPane() { return hex; }

    ListView<FtpSession> sessionList() { return sessions; }

    ListView<StoryLine> storyList() { return story; }

    LadderCanvas ladderCanvas() { return ladder; }

    TreeView<Object> findingsTree() { return findings; }

    TabPane tabs() { return tabs; }

    javafx.scene.control.TextField filterField() { return filterField; }

    Label filterMessage() { return filterMessage; }

    StatusBar statusBar() { return status; }

    Analysis analysis() { return analysis; }

    Node centerContent() { return center.getChildren().isEmpty() ? null : center.getChildren().get(center.getChildren().size() - 1); }

    /**
     * Shows a page in the centre. The capture views stay at the bottom of the stack, covered by
     * the start or error page: taking them out of the scene and back would redo their CSS and
     * cells on the FX thread (about 200 ms) each time a capture is opened.
     */
    private void showPage(Node page) {
        center.getChildren().removeIf(n -> n != captureView);
        if (page != captureView) {
            page.getStyleClass().add("cover-page");
            center.getChildren().add(page);
        }
    }
}

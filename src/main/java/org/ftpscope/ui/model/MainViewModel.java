package org.ftpscope.ui.model;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.capture.CaptureException;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;

/**
 * The window's state: which page shows, which capture is loaded, what the title and the status
 * bar say, and the loading in progress. Opening a capture replaces the one shown only once the
 * new one has loaded; a failed open leaves the shown capture as it was and says why.
 */
public final class MainViewModel {
    public enum Page { START, CAPTURE, ERROR }

    /** Frames the loader summarises for the table before the analysis ends. */
    public static final int PREVIEW_FRAMES = 10_000;
    /** Rows that fill the table of a large window: shown as soon as read, not at the next progress step. */
    static final int FIRST_SCREEN_ROWS = 100;
    static final String APP = "ftpscope";

    private final TaskExecutor executor;
    private final RecentFiles recent;
    private final TlsKeyLogSetting keyLog;
    /** Why the key log could not be used for the capture being loaded, or null. */
    private volatile String keyLogProblem;
    private final FrameTableViewModel frames;
    private final PacketDetailViewModel detail;
    private final SessionsViewModel sessions = new SessionsViewModel();
    private final FindingsViewModel findings = new FindingsViewModel();
    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(Page.START);
    private final ReadOnlyObjectWrapper<LoadedCapture> capture = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(APP);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyObjectWrapper<Path> loadingPath = new ReadOnlyObjectWrapper<>();
    private TaskExecutor.Handle load;
    private PreviewTap preview;
    private long loadStarted;
    private long loadMillis;
    /** The finding whose filter was applied from the Findings view, named in the status while that filter is. */
    private FindingsViewModel.Jump finding;

    public MainViewModel(TaskExecutor executor, RecentFiles recent) {
        this(executor, recent, new TlsKeyLogSetting(recent.node()));
    }

    public MainViewModel(TaskExecutor executor, RecentFiles recent, TlsKeyLogSetting keyLog) {
        this.executor = executor;
        this.recent = recent;
        this.keyLog = keyLog;
        this.frames = new FrameTableViewModel(executor);
        this.detail = new PacketDetailViewModel(frames);
        frames.rowsProperty().addListener((o, a, b) -> updateStatus());
        frames.appliedFilterProperty().addListener((o, a, b) -> updateStatus());
        frames.messageProperty().addListener((o, a, m) -> { if (!m.isEmpty()) status.set(m); });
    }

    public FrameTableViewModel frames() { return frames; }

    public PacketDetailViewModel detail() { return detail; }

    public SessionsViewModel sessions() { return sessions; }

    public FindingsViewModel findings() { return findings; }

    public RecentFiles recent() { return recent; }

    /** The TLS key log setting (Wireshark's tls.keylog_file). */
    public TlsKeyLogSetting keyLog() { return keyLog; }

    /**
     * Sets the TLS key log (null: none) and analyses the capture shown again with it, as Wireshark
     * re-dissects when the preference changes; the capture stays shown until the new analysis ends.
     */
    public void useKeyLog(Path file) {
        java.util.Objects.requireNonNull(keyLog);
        if (java.util.Objects.equals(keyLog.file(), file == null ? null : RecentFiles.normalise(file))) return;
        keyLog.set(file);
        LoadedCapture c = capture.get();
        Path loadingNow = loadingPath.get();
        if (loadingNow != null) open(loadingNow);
        else if (c != null) open(c.path());
    }

    public ReadOnlyObjectProperty<Page> pageProperty() { return page.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<LoadedCapture> captureProperty() { return capture.getReadOnlyProperty(); }

    public LoadedCapture capture() { return capture.get(); }

    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }

    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    /** What the error page says (when the page is ERROR). */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    /** A warning about the capture shown (damage, a failed open of another file), or "". */
    public ReadOnlyStringProperty bannerProperty() { return banner.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }

    /** Loading progress 0..1, negative when unknown. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    /** The file being loaded, or null. */
    public ReadOnlyObjectProperty<Path> loadingPathProperty() { return loadingPath.getReadOnlyProperty(); }

    /** From opening the capture shown to the end of its analysis, in ms. */
    public long loadMillis() { return loadMillis; }

    /** Opens a capture in the background; the window stays responsive and the load can be cancelled. */
    public void open(Path path) {
        cancelLoad();
        Path file = RecentFiles.normalise(path);
        PreviewTap tap = new PreviewTap(PREVIEW_FRAMES);
        preview = tap;
        loadStarted = System.nanoTime();
        loading.set(true);
        progress.set(0);
        loadingPath.set(file);
        title.set(path.getFileName() + " (loading) — " + APP);
        status.set("Reading " + path.getFileName() + "…");
        if (capture.get() == null) {
            // Nothing shown yet: the rows read so far appear at once (their TCP columns wait for the analysis).
            page.set(Page.CAPTURE);
            frames.showPreview(tap.summaries());
        }
        boolean parallelHashing = Runtime.getRuntime().availableProcessors() > 2;
        TaskExecutor.Handle handle = executor.submit("load", p -> {
            // Read at each analysis (in the background): a key log may have grown since the last one.
            TlsKeyLogSetting.Loaded keys = keyLog.read();
            keyLogProblem = keys.problem();
            tap.onFirstScreen(() -> p.update(0, "Reading " + path.getFileName() + "…"));
            Analysis a = Analyzer.analyze(file, (done, total, n) -> {
                if (p.cancelled()) throw new CancellationException("cancelled");
                p.update(total > 0 ? (double) done / total : -1, "Reading " + path.getFileName() + ": " + n + " frames");
            }, tap, parallelHashing, keys.keyLog());
            // What the views show is made here, on the loading thread; the UI thread only hands it over.
            try {
                LoadedCapture c = new LoadedCapture(a);
                return new Loaded(c, FrameTableViewModel.allRows(c));
            } catch (RuntimeException | Error e) {
                a.close();
                throw e;
            }
        }, new TaskExecutor.Callbacks<>(l -> loaded(path, l), e -> failed(path, e), (f, m) -> {
            progress.set(f);
            status.set(m);
            if (preview == tap) frames.previewGrew();
        }));
        // An executor that ran the work at once (tests) has already called back: nothing is loading.
        if (!handle.isDone()) load = handle;
    }

    /**
     * Double-click on a finding or a group: its frames are filtered and its first frame selected;
     * the status bar names the finding as long as its filter is the one applied.
     */
    public void showFinding(FindingsViewModel.Jump j) {
        if (capture.get() == null || j.filter().isEmpty()) return;
        finding = j;
        frames.applyFilter(j.filter(), j.frame());
        updateStatus();
    }

    /**
     * Says something in the status bar (a saved file, why an action did nothing); the next change
     * of what is shown replaces it with the summary again.
     */
    public void tell(String message) { status.set(message); }

    /** Rows the loader has summarised (call while loading, e.g. from a timer). */
    public void previewGrew() { if (loading.get()) frames.previewGrew(); }

    public void cancelLoad() {
        if (load == null) return;
        load.cancel();
        load = null;
        endLoading();
        restoreAfterLoad();
        status.set("Loading cancelled");
    }

    /** File ▸ Close. */
    public void close() {
        cancelLoad();
        LoadedCapture old = capture.get();
        finding = null;
        capture.set(null);
        frames.clear();
        sessions.show(null);
        findings.show(null);
        if (old != null) old.close();
        banner.set("");
        page.set(Page.START);
        title.set(APP);
        status.set("Ready");
    }

    /** Back from the error page. */
    public void backToStart() {
        if (capture.get() == null) {
            page.set(Page.START);
            status.set("Ready");
        } else {
            page.set(Page.CAPTURE);
        }
    }

    /** Capture warnings the banner names one by one, one line each; a last line counts the rest. */
    static final int BANNER_WARNINGS = 5;

    /**
     * The capture's warnings, the first {@link #BANNER_WARNINGS} one per line (a limit reached, the
     * damage that ended reading), then the key log's problem; empty when there is nothing to say.
     * Only a warning past the last frame read ended reading: only there are "the frames before it" all that is shown.
     */
    static String bannerText(String name, int frames, java.util.List<org.ftpscope.capture.CaptureWarning> warnings,
                             String keyLogProblem) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(warnings.size(), BANNER_WARNINGS); i++) {
            org.ftpscope.capture.CaptureWarning w = warnings.get(i);
            lines.add(name + ": " + w + (w.frame() > frames ? " — the frames before it are shown." : ""));
        }
        int more = warnings.size() - BANNER_WARNINGS;
        if (more > 0) lines.add("… and " + more + " more warning" + (more == 1 ? "" : "s") + " (ftpscope analyze lists them all)");
        if (keyLogProblem != null) lines.add(keyLogProblem);
        return String.join("\n", lines);
    }

    /** A loaded capture and its frame table's rows, both made on the loading thread. */
    private record Loaded(LoadedCapture capture, FrameTableViewModel.Positions rows) {}

    private void loaded(Path path, Loaded l) {
        load = null;
        endLoading();
        loadMillis = (System.nanoTime() - loadStarted) / 1_000_000;
        LoadedCapture old = capture.get();
        LoadedCapture c = l.capture();
        Analysis a = c.analysis();
        finding = null;
        capture.set(c);
        frames.show(c, l.rows());
        sessions.show(c);
        findings.show(c);
        if (old != null) old.close();
        page.set(Page.CAPTURE);
        title.set(c.name() + " — " + APP);
        banner.set(bannerText(c.name(), a.capture().frameCount(), a.capture().warnings(), keyLogProblem));
        recent.remember(path);
        updateStatus();
        if (c.frameCount() > 0) frames.select(1);
    }

    private void failed(Path path, Throwable e) {
        load = null;
        endLoading();
        String msg = e instanceof CaptureException ? e.getMessage()
                : e instanceof OutOfMemoryError ? path + ": not enough memory to analyse it (start Java with a larger -Xmx)"
                : path + ": " + e;
        if (capture.get() != null) {
            // The capture shown stays shown; the failure is said above it.
            restoreAfterLoad();
            banner.set("Cannot open " + msg);
            status.set("Cannot open " + msg);
        } else {
            frames.clear();
            error.set(msg);
            page.set(Page.ERROR);
            title.set(APP);
            status.set(msg);
        }
    }

    private void endLoading() {
        loading.set(false);
        progress.set(-1);
        loadingPath.set(null);
        preview = null;
    }

    /** After a cancelled or failed load: the capture shown before, or the start page. */
    private void restoreAfterLoad() {
        LoadedCapture c = capture.get();
        if (c != null) {
            title.set(c.name() + " — " + APP);
            page.set(Page.CAPTURE);
        } else {
            frames.clear();
            title.set(APP);
            page.set(Page.START);
        }
    }

    /** " — TLS: 5 of 7 connections decrypted (key log k.keys)", or "" without a key log. */
    private String decryption(Analysis a) {
        if (!a.decrypting()) return "";
        long decrypted = a.tlsConnections().stream().filter(t -> t.fromClient().decryption() == org.ftpscope.tls.Decryption.DECRYPTED
                || t.fromServer().decryption() == org.ftpscope.tls.Decryption.DECRYPTED).count();
        return " — TLS: " + decrypted + " of " + a.tlsConnections().size() + " connections decrypted (key log "
                + (keyLog.file() == null ? "?" : keyLog.file().getFileName()) + ")";
    }

    private void updateStatus() {
        if (loading.get()) return;
        LoadedCapture c = capture.get();
        if (c == null) return;
        Analysis a = c.analysis();
        String filter = frames.appliedFilterProperty().get();
        int warnings = a.capture().warnings().size();
        String of = "";
        if (finding != null && finding.filter().equals(filter)) {
            of = " (finding: " + finding.label() + (finding.framesLeftOut() > 0
                    ? "; " + finding.framesLeftOut() + " more of its frames are not in the filter" : "") + ")";
        }
        status.set(c.name() + " — Displayed: " + frames.rows().length + " of " + c.frameCount() + " frames"
                + (filter.isEmpty() ? "" : " — filter: " + filter + of) + " — " + a.sessions().size() + " FTP sessions, "
                + a.findings().size() + " findings — loaded in " + loadMillis + " ms" + decryption(a)
                + (warnings > 0 ? " — " + a.capture().warnings().get(0) : ""));
    }
}

package org.ftpscope.ui.model;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.decode.FrameSummary;
import org.ftpscope.filter.AnalysisFields;
import org.ftpscope.filter.DisplayFilter;
import org.ftpscope.filter.TextColumnSort;
import org.ftpscope.present.FrameViews;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * The frame list: which frames are displayed and in which order (filter, sort), which one is
 * selected, and the text of every cell. Filtering and sorting run on the task executor on
 * primitive arrays; the selected frame survives filtering, sorting and clearing whenever it is
 * still displayed.
 */
public final class FrameTableViewModel {
    /** The packet list's columns, as Wireshark names them. */
    public enum Column {
        NUMBER("No."), TIME("Time"), SOURCE("Source"), DESTINATION("Destination"), PROTOCOL("Protocol"), LENGTH("Length"),
        INFO("Info");

        private final String title;

        Column(String title) { this.title = title; }

        public String title() { return title; }
    }

    public enum FilterState { EMPTY, VALID, INVALID }

    /** View ▸ Time Display Format, as Wireshark offers it. */
    public enum TimeFormat {
        SINCE_START("Seconds Since Beginning of Capture"),
        SINCE_PREVIOUS_DISPLAYED("Seconds Since Previous Displayed Packet"),
        TIME_OF_DAY_UTC("UTC Time of Day"),
        DATE_AND_TIME_UTC("UTC Date and Time of Day");

        private final String title;

        TimeFormat(String title) { this.title = title; }

        public String title() { return title; }
    }

    /** What Go to Frame did. */
    public enum GoTo { SELECTED, HIDDEN_BY_FILTER, OUT_OF_RANGE, NO_CAPTURE }

    /** Filters kept in the bar's history (most recent first). */
    public static final int FILTER_HISTORY = 30;

    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<int[]> rows = new ReadOnlyObjectWrapper<>(new int[0]);
    private final ReadOnlyObjectWrapper<LoadedCapture> capture = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper selectedFrame = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<FilterState> filterState = new ReadOnlyObjectWrapper<>(FilterState.EMPTY);
    private final ReadOnlyStringWrapper filterMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper appliedFilter = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Column> sortColumn = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper sortDescending = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObjectProperty<TimeFormat> timeFormat = new SimpleObjectProperty<>(TimeFormat.SINCE_START);
    private final ObservableList<String> history = FXCollections.observableArrayList();
    /** Rows shown while a capture is read, before its analysis (their TCP columns are empty). */
    private List<FrameSummary> preview;
    private TaskExecutor.Handle filtering;
    private TaskExecutor.Handle sorting;
    /** Position of each displayed frame in {@link #rows}, for the previous-displayed time and lookups. */
    private Positions positions = Positions.of(new int[0]);

    /**
     * Where each frame is in a row order: made with the order, on the thread that made the order,
     * so publishing a million rows costs the UI thread nothing but the hand-over. All frames in
     * capture order need no table (frame f is row f - 1).
     */
    record Positions(int[] rows, int[] rowOfFrame, int allFrames) {
        static Positions of(int[] rows) {
            int max = 0;
            for (int f : rows) max = Math.max(max, f);
            int[] pos = new int[max + 1];
            Arrays.fill(pos, -1);
            for (int i = 0; i < rows.length; i++) pos[rows[i]] = i;
            return new Positions(rows, pos, -1);
        }

        static Positions all(int n) { return new Positions(range(n), null, n); }

        int rowOf(int frame) {
            if (rowOfFrame == null) return frame >= 1 && frame <= allFrames ? frame - 1 : -1;
            return frame > 0 && frame < rowOfFrame.length ? rowOfFrame[frame] : -1;
        }
    }

    public FrameTableViewModel(TaskExecutor executor) { this.executor = executor; }

    public ReadOnlyObjectProperty<int[]> rowsProperty() { return rows.getReadOnlyProperty(); }

    /** The displayed frames in display order (do not change the array). */
    public int[] rows() { return rows.get(); }

    public ReadOnlyObjectProperty<LoadedCapture> captureProperty() { return capture.getReadOnlyProperty(); }

    /** The selected frame, 0 for none. */
    public ReadOnlyIntegerProperty selectedFrameProperty() { return selectedFrame.getReadOnlyProperty(); }

    public int selectedFrame() { return selectedFrame.get(); }

    public ReadOnlyObjectProperty<FilterState> filterStateProperty() { return filterState.getReadOnlyProperty(); }

    public ReadOnlyStringProperty filterMessageProperty() { return filterMessage.getReadOnlyProperty(); }

    /** The filter the displayed rows match ("" for all frames). */
    public ReadOnlyStringProperty appliedFilterProperty() { return appliedFilter.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<Column> sortColumnProperty() { return sortColumn.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty sortDescendingProperty() { return sortDescending.getReadOnlyProperty(); }

    /** A filter or sort is running. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** The last thing the frame list has to tell (a failed sort, a frame not displayed…). */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public ObjectProperty<TimeFormat> timeFormatProperty() { return timeFormat; }

    public ObservableList<String> filterHistory() { return history; }

    public boolean analysed() { return capture.get() != null; }

    public int totalFrames() { return capture.get() != null ? capture.get().frameCount() : preview == null ? 0 : preview.size(); }

    // ---- what is shown ----

    /** Rows of a capture still being read: the frames summarised so far. */
    public void showPreview(List<FrameSummary> summaries) {
        cancelWork();
        capture.set(null);
        preview = summaries;
        appliedFilter.set("");
        sortColumn.set(null);
        setRows(Positions.all(summaries.size()));
        selectedFrame.set(0);
    }

    /** Rows read since the last call, appended (while loading). */
    public void previewGrew() {
        if (preview == null || capture.get() != null) return;
        int n = preview.size();
        if (n > rows.get().length) setRows(Positions.all(n));
    }

    /** All frames of a loaded capture, in capture order, nothing selected yet. */
    public void show(LoadedCapture c) { showCapture(c, allRows(c)); }

    /** The rows {@link #show} shows, made beforehand (off the UI thread: a million frames). */
    static Positions allRows(LoadedCapture c) { return Positions.all(c.frameCount()); }

    void show(LoadedCapture c, Positions all) { showCapture(c, all); }

    /** No capture. */
    public void clear() { showCapture(null, Positions.all(0)); }

    private void showCapture(LoadedCapture c, Positions frames) {
        cancelWork();
        preview = null;
        capture.set(c);
        dropFilterAndSort();
        sortDescending.set(false);
        message.set("");
        setRows(frames);
        selectedFrame.set(0);
    }

    /** No filter in the bar or on the rows, capture order. */
    private void dropFilterAndSort() {
        appliedFilter.set("");
        filterState.set(FilterState.EMPTY);
        filterMessage.set("");
        sortColumn.set(null);
    }

    /** The summary a row shows (preview rows while loading). */
    public FrameSummary summary(int frame) {
        LoadedCapture c = capture.get();
        if (c != null) return c.row(frame).summary();
        return preview != null && frame >= 1 && frame <= preview.size() ? preview.get(frame - 1) : null;
    }

    /** The colouring rule of a row, or null (none while loading). */
    public org.ftpscope.present.ColouringRule colour(int frame) {
        LoadedCapture c = capture.get();
        return c == null ? null : c.row(frame).colour();
    }

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    /**
     * The Time cell of a displayed frame in the chosen format, with as many decimals as the frame's
     * timestamp resolution has (Wireshark's automatic precision), the fraction truncated as Wireshark does.
     */
    public String timeText(int frame) {
        FrameSummary s = summary(frame);
        if (s == null) return "";
        LoadedCapture c = capture.get();
        if (c == null || timeFormat.get() == TimeFormat.SINCE_START) return s.timeText();
        var index = c.analysis().capture().index();
        long ns = index.timestampNanos(frame);
        int digits = index.timePrecision(frame);
        return switch (timeFormat.get()) {
            case SINCE_PREVIOUS_DISPLAYED -> {
                int row = positions.rowOf(frame);
                int previous = row > 0 ? rows.get()[row - 1] : -1;
                yield FrameSummary.seconds(previous < 0 ? 0 : ns - index.timestampNanos(previous), digits);
            }
            case TIME_OF_DAY_UTC -> absolute(TIME_OF_DAY, ns, digits);
            case DATE_AND_TIME_UTC -> absolute(DATE_AND_TIME, ns, digits);
            default -> s.timeText();
        };
    }

    /** An absolute time to the second by {@code f}, then {@code digits} decimals of its fraction, truncated. */
    static String absolute(DateTimeFormatter f, long ns, int digits) {
        long sec = Math.floorDiv(ns, 1_000_000_000L);
        String whole = f.format(Instant.ofEpochSecond(sec));
        if (digits <= 0) return whole;
        // The fraction of a positive time: the seconds' text, less its "0".
        return whole + FrameSummary.seconds(Math.floorMod(ns, 1_000_000_000L), digits).substring(1);
    }

    /** A cell's text, as {@code ftpscope frames} prints that column. */
    public String cellText(int frame, Column column) {
        FrameSummary s = summary(frame);
        if (s == null) return "";
        return switch (column) {
            case NUMBER -> Integer.toString(s.frame());
            case TIME -> timeText(frame);
            case SOURCE -> s.source();
            case DESTINATION -> s.destination();
            case PROTOCOL -> s.protocol();
            case LENGTH -> Integer.toString(s.length());
            case INFO -> s.info();
        };
    }

    // ---- selection and navigation ----

    /** Selects a displayed frame (0: none). */
    public void select(int frame) {
        selectedFrame.set(frame > 0 && rowOf(frame) >= 0 ? frame : 0);
    }

    /** The row showing a frame, or -1. */
    public int rowOf(int frame) { return positions.rowOf(frame); }

    /** Go ▸ Go to Packet: selects the frame if it is displayed; says why not otherwise. */
    public GoTo goToFrame(int frame) {
        if (capture.get() == null) return GoTo.NO_CAPTURE;
        if (frame < 1 || frame > capture.get().frameCount()) {
            say("Frame " + frame + " does not exist: the capture has frames 1–" + capture.get().frameCount() + ".");
            return GoTo.OUT_OF_RANGE;
        }
        if (rowOf(frame) < 0) {
            say("Frame " + frame + " isn't displayed: the filter \"" + appliedFilter.get() + "\" hides it.");
            return GoTo.HIDDEN_BY_FILTER;
        }
        selectedFrame.set(frame);
        return GoTo.SELECTED;
    }

    /**
     * Shows and selects a frame another view points at (a story line, a finding): when the filter
     * hides it, the filter is cleared first — visibly, in the bar and the status — then it is selected.
     */
    public void reveal(int frame) {
        if (capture.get() == null || frame < 1 || frame > capture.get().frameCount()) return;
        if (rowOf(frame) >= 0) {
            selectedFrame.set(frame);
            return;
        }
        String said = "Filter \"" + appliedFilter.get() + "\" cleared to show frame " + frame + ".";
        cancelWork();
        dropFilterAndSort();
        setRows(Positions.all(capture.get().frameCount()));
        selectedFrame.set(frame);
        say(said); // after the rows: what the status bar says last
    }

    /** Go ▸ Next Packet (step 1) / Previous Packet (step -1). */
    public void step(int step) {
        int[] r = rows.get();
        if (r.length == 0) return;
        int at = rowOf(selectedFrame.get());
        int next = at < 0 ? (step > 0 ? 0 : r.length - 1) : Math.max(0, Math.min(r.length - 1, at + step));
        selectedFrame.set(r[next]);
    }

    public void first() { if (rows.get().length > 0) selectedFrame.set(rows.get()[0]); }

    public void last() { if (rows.get().length > 0) selectedFrame.set(rows.get()[rows.get().length - 1]); }

    /**
     * Edit ▸ Find Packet by display filter: selects the first displayed frame after the selected
     * one that matches (wrapping to the top, as Wireshark); says so when none does.
     */
    public void findNext(String text) {
        LoadedCapture c = capture.get();
        if (c == null) return;
        DisplayFilter.Result r = DisplayFilter.compile(text);
        if (r instanceof DisplayFilter.Result.Invalid bad) {
            say("Find: column " + (bad.position() + 1) + ": " + bad.message());
            return;
        }
        DisplayFilter f = ((DisplayFilter.Result.Compiled) r).filter();
        Analysis a = c.analysis();
        int from = rowOf(selectedFrame.get());
        executor.submit("find", p -> AnalysisFields.matching(a, f), new TaskExecutor.Callbacks<>(matching -> {
            if (capture.get() != c) return;
            boolean[] hit = new boolean[c.frameCount() + 1];
            for (int m : matching) hit[m] = true;
            int[] r2 = rows.get();
            for (int k = 1; k <= r2.length; k++) {
                int row = (from + k) % r2.length;
                if (hit[r2[row]]) {
                    selectedFrame.set(r2[row]);
                    say("Found frame " + r2[row] + " matching \"" + f.text() + "\".");
                    return;
                }
            }
            say("No displayed frame matches \"" + f.text() + "\".");
        }, e -> say("Find failed: " + e)));
    }

    // ---- display filter ----

    /** Checks a filter as it is typed: the bar turns green or red with the reason, nothing is applied. */
    public void check(String text) {
        DisplayFilter.Result r = DisplayFilter.compile(text);
        if (r instanceof DisplayFilter.Result.Invalid bad) {
            filterState.set(FilterState.INVALID);
            filterMessage.set("Column " + (bad.position() + 1) + ": " + bad.message());
        } else {
            filterState.set(text.isBlank() ? FilterState.EMPTY : FilterState.VALID);
            filterMessage.set("");
        }
    }

    /** Applies a filter off the UI thread; an invalid one keeps the rows and says why. */
    public void applyFilter(String text) { applyFilter(text, 0); }

    /**
     * Applies a filter, then selects {@code select} if it is displayed (0: the frame selected now,
     * if still displayed); otherwise the first row.
     */
    public void applyFilter(String text, int select) {
        check(text);
        LoadedCapture c = capture.get();
        if (c == null || filterState.get() == FilterState.INVALID) return;
        DisplayFilter f = ((DisplayFilter.Result.Compiled) DisplayFilter.compile(text)).filter();
        if (!text.isBlank()) {
            history.remove(text.strip());
            history.add(0, text.strip());
            if (history.size() > FILTER_HISTORY) history.remove(FILTER_HISTORY, history.size());
        }
        cancelWork();
        busy.set(true);
        Analysis a = c.analysis();
        filtering = executor.submit("filter", p -> Positions.of(AnalysisFields.matching(a, f)), new TaskExecutor.Callbacks<>(shown -> {
            busy.set(false);
            if (capture.get() != c) return;
            int keep = select > 0 ? select : selectedFrame.get();
            appliedFilter.set(f.isEmpty() ? "" : f.text());
            sortColumn.set(null); // a new filter shows frames in capture order, as in Wireshark
            setRows(shown);
            int[] frames = shown.rows();
            selectedFrame.set(rowOf(keep) >= 0 ? keep : frames.length > 0 ? frames[0] : 0);
        }, e -> {
            busy.set(false);
            say("Filter failed: " + e);
        }));
    }

    public void clearFilter() { applyFilter(""); }

    // ---- sorting ----

    /** Sorts the displayed frames by a column (null: capture order); ties keep capture order. */
    public void sort(Column column, boolean descending) {
        LoadedCapture c = capture.get();
        if (c == null) return;
        int[] current = rows.get().clone();
        if (sorting != null) sorting.cancel(); // a superseded sort would finish later with a stale order
        busy.set(true);
        Analysis a = c.analysis();
        sorting = executor.submit("sort", p -> Positions.of(sorted(a, current, column, descending, p)),
                new TaskExecutor.Callbacks<>(frames -> {
            busy.set(false);
            if (capture.get() != c) return;
            int keep = selectedFrame.get();
            sortColumn.set(column);
            sortDescending.set(descending);
            setRows(frames);
            selectedFrame.set(rowOf(keep) >= 0 ? keep : 0);
        }, e -> {
            busy.set(false);
            say("Cannot sort by " + (column == null ? "No." : column.title()) + ": "
                    + (e instanceof OutOfMemoryError ? "not enough memory (start Java with a larger -Xmx)" : String.valueOf(e)));
        }));
    }

    static int[] sorted(Analysis a, int[] current, Column column, boolean descending, TaskExecutor.Progress p) throws IOException {
        if (column == null || column == Column.NUMBER) {
            int[] out = current.clone();
            Arrays.sort(out);
            if (column != null && descending) reverse(out);
            return out;
        }
        if (column == Column.INFO) {
            // A million Info strings do not fit a small heap: sorted in rounds on packed prefixes.
            FrameViews v = new FrameViews(a);
            return TextColumnSort.sort(a.capture(), current, (f, buf, off, cap) -> v.summary(f, buf, off, cap).info(), descending,
                    p::cancelled);
        }
        Integer[] boxed = Arrays.stream(current).boxed().toArray(Integer[]::new);
        Comparator<Integer> cmp = switch (column) {
            case TIME -> Comparator.comparingLong(f -> a.capture().index().timestampNanos(f));
            case LENGTH -> Comparator.comparingInt(f -> a.capture().index().originalLength(f));
            default -> {
                // One sequential read of the capture; repeated values (addresses, protocols) share one string.
                FrameViews v = new FrameViews(a);
                String[] keys = new String[a.capture().frameCount() + 1];
                boolean[] wanted = new boolean[keys.length];
                for (int f : current) wanted[f] = true;
                Map<String, String> shared = new HashMap<>();
                a.capture().scan(1, a.capture().frameCount(), (f, ts, link, orig, buf, off, cap) -> {
                    if (!wanted[f]) return;
                    if (p.cancelled()) throw new CancellationException("sort cancelled");
                    FrameSummary s = v.summary(f, buf, off, cap);
                    String k = switch (column) {
                        case SOURCE -> s.source();
                        case DESTINATION -> s.destination();
                        default -> s.protocol();
                    };
                    keys[f] = shared.computeIfAbsent(k, x -> x);
                });
                yield Comparator.comparing(f -> keys[f]);
            }
        };
        if (descending) cmp = cmp.reversed();
        Arrays.sort(boxed, cmp.thenComparing(Comparator.naturalOrder())); // ties keep capture order either way
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    private static void reverse(int[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    // ---- internals ----

    /** Tells something, also when it is what was told last (the status bar may have said other things since). */
    private void say(String m) {
        message.set("");
        message.set(m);
    }

    private void setRows(Positions p) {
        positions = p;
        rows.set(p.rows());
    }

    private void cancelWork() {
        if (filtering != null) filtering.cancel();
        if (sorting != null) sorting.cancel();
        filtering = sorting = null;
        busy.set(false);
    }

    static int[] range(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i + 1;
        return a;
    }

}

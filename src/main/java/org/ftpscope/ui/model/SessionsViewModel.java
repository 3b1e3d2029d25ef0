package org.ftpscope.ui.model;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ftpscope.fields.TcpFields;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.StreamRole;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.present.Masking;
import org.ftpscope.present.SessionLadder;
import org.ftpscope.present.StoryLine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The FTP sessions of the capture shown, which are selected (for a report), and the story and
 * ladder of the one in focus. The story and ladder are made only while {@link #visibleProperty()}
 * is true: drawing them for an unseen tab cost the render thread for nothing.
 */
public final class SessionsViewModel {
    /** A row of the sessions table. */
    public record Row(FtpSession session, int transfers, long bytes, int findings) {
        public String transfersText() { return transfers + (transfers == 1 ? " transfer" : " transfers"); }
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<Integer> selected = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<FtpSession> focused = new ReadOnlyObjectWrapper<>();
    private final ObservableList<StoryLine> story = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SessionLadder> ladder = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty visible = new SimpleBooleanProperty();
    private LoadedCapture capture;
    private FtpSession storyOf;

    public SessionsViewModel() {
        focused.addListener((o, old, s) -> refreshStory());
        visible.addListener((o, old, v) -> refreshStory());
    }

    public ObservableList<Row> rows() { return readOnlyRows; }

    /** Ids of the selected sessions (what a report covers; all when empty). */
    public ObservableList<Integer> selectedIds() { return selected; }

    public ReadOnlyObjectProperty<FtpSession> focusedProperty() { return focused.getReadOnlyProperty(); }

    public ObservableList<StoryLine> story() { return story; }

    public ReadOnlyObjectProperty<SessionLadder> ladderProperty() { return ladder.getReadOnlyProperty(); }

    /** Whether the sessions tab is showing. */
    public BooleanProperty visibleProperty() { return visible; }

    public void show(LoadedCapture c) {
        capture = c;
        selected.clear();
        focused.set(null);
        storyOf = null;
        story.clear();
        ladder.set(null);
        if (c == null) {
            rows.clear();
            return;
        }
        rows.setAll(c.sessionRows());
        if (!rows.isEmpty()) select(Set.of(rows.get(0).session().id()), rows.get(0).session().id());
    }

    /** The table's rows of an analysis: one pass over its findings, not one per session. */
    static List<Row> rowsOf(Analysis a) {
        Map<Integer, Integer> findings = new HashMap<>();
        for (Finding f : a.findings()) findings.merge(f.session(), 1, Integer::sum);
        List<Row> out = new ArrayList<>(a.sessions().size());
        for (FtpSession s : a.sessions()) {
            out.add(new Row(s, s.transfers().size(), s.transfers().stream().mapToLong(Transfer::bytes).sum(),
                    findings.getOrDefault(s.id(), 0)));
        }
        return List.copyOf(out);
    }

    /** Replaces the selection with these sessions and focuses one of them. */
    public void select(Set<Integer> ids, int focus) {
        selected.setAll(new TreeSet<>(ids));
        focused.set(byId(focus));
    }

    /** The session a frame belongs to (control or data connection), or null. */
    public FtpSession sessionOfFrame(int frame) {
        if (capture == null) return null;
        int stream = capture.analysis().tcpFrames().stream(frame);
        StreamRole role = stream < 0 ? null : capture.analysis().role(stream);
        return role == null || role.orphan() ? null : byId(role.session());
    }

    /** Show FTP Session: that session alone is selected and focused. */
    public boolean showSessionOf(int frame) {
        FtpSession s = sessionOfFrame(frame);
        if (s == null) return false;
        select(Set.of(s.id()), s.id());
        return true;
    }

    /** {@code tcp.stream in {…}}: the control connection and the data connections of a session. */
    public static String streamsFilter(FtpSession s) {
        TreeSet<Integer> streams = new TreeSet<>();
        streams.add(s.controlStream());
        s.setups().forEach(d -> { if (d.data() != null) streams.add(d.data().stream()); });
        return TcpFields.STREAM.name() + " in {" + String.join(", ", streams.stream().map(String::valueOf).toList()) + "}";
    }

    private FtpSession byId(int id) {
        for (Row r : rows) if (r.session().id() == id) return r.session();
        return null;
    }

    private void refreshStory() {
        if (visible.get()) refreshNow();
    }

    /** Makes the story and ladder those of the focused session, also while hidden (before exporting the ladder). */
    public void refreshNow() {
        FtpSession s = focused.get();
        if (s == storyOf) return;
        storyOf = s;
        if (s == null) {
            story.clear();
            ladder.set(null);
        } else {
            story.setAll(StoryLine.of(s, capture.analysis().findings()));
            // Bounded as the HTML report's: the canvas draws one row per arrow, and the story lists every exchange.
            ladder.set(SessionLadder.bounded(s, capture.analysis().streams(), Masking.MASKED));
        }
    }
}

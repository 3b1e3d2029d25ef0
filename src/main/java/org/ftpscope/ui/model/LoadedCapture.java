package org.ftpscope.ui.model;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.decode.FrameSummary;
import org.ftpscope.present.ColouringRule;
import org.ftpscope.present.FrameViews;
import org.ftpscope.present.FindingGroup;
import org.ftpscope.present.FindingGroups;
import org.ftpscope.present.FirewallText;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One analysed capture as the window shows it. Views and child windows that show a capture
 * hold this object and drop everything of it when the window's capture changes: comparing
 * captures means comparing these objects, never frame numbers.
 * <p>
 * It is made on the loading thread, with what the sessions and findings views show already
 * worked out: on the UI thread, showing a capture only hands over finished lists.
 */
public final class LoadedCapture implements AutoCloseable {
    /** One frame-table row: Wireshark's seven columns and the colouring rule it matches. */
    public record Row(FrameSummary summary, ColouringRule colour) {}

    /** Rows kept for drawing: a few screenfuls; the rest are made again when scrolled to. */
    static final int ROWS_KEPT = 2048;

    private final Analysis analysis;
    private final FrameViews views;
    private final Map<Integer, Row> rows = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Row> e) { return size() > ROWS_KEPT; }
    };
    private final List<SessionsViewModel.Row> sessionRows;
    private final List<FindingGroup> findingGroups;
    private final String firewallText;
    private volatile boolean closed;

    /** Call off the UI thread: it goes through all sessions and findings once. */
    public LoadedCapture(Analysis analysis) {
        this.analysis = analysis;
        this.views = new FrameViews(analysis);
        this.sessionRows = SessionsViewModel.rowsOf(analysis);
        this.findingGroups = FindingGroups.of(analysis.ftp());
        this.firewallText = FirewallText.of(analysis.ftp().firewall());
    }

    /** The sessions table's rows, in the analysis's order. */
    List<SessionsViewModel.Row> sessionRows() { return sessionRows; }

    /** The findings as the reports group them. */
    List<FindingGroup> findingGroups() { return findingGroups; }

    /** The firewall summary's text. */
    String firewallText() { return firewallText; }

    public Analysis analysis() { return analysis; }

    public FrameViews views() { return views; }

    public Path path() { return analysis.capture().path(); }

    public String name() { return String.valueOf(path().getFileName()); }

    public int frameCount() { return analysis.capture().frameCount(); }

    public boolean isClosed() { return closed; }

    /** The row of a frame (1-based), made when first drawn (UI thread only). */
    public Row row(int frame) {
        return rows.computeIfAbsent(frame, f -> {
            FrameViews.Decoded d = views.decode(f);
            return new Row(views.summary(d), ColouringRule.match(d.info(), analysis.tcpFrames().analysisFlags(f), d.bytes(),
                    analysis.capture().index().linkType(f)));
        });
    }

    @Override
    public void close() {
        closed = true;
        try {
            analysis.close();
        } catch (IOException ignored) {
            // the capture was only read: closing it cannot lose anything
        }
    }
}

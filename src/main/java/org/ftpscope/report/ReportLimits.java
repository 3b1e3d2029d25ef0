package org.ftpscope.report;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.capture.CaptureWarning;
import org.ftpscope.capture.Limit;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.present.FindingGroups;
import org.ftpscope.present.FirstByFrame;
import org.ftpscope.present.SessionLadder;
import org.ftpscope.present.StoryLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the HTML and Markdown reports leave out of long sessions, as warnings naming the limit:
 * known before the report is written (counted, nothing built), so the report lists them at its top
 * with the capture's warnings and the CLI prints them on stderr.
 */
final class ReportLimits {
    private ReportLimits() {}

    /** Rows of a session's story, and of its transfers table. */
    static final int ROWS = Limit.REPORT_ROWS.intValue();
    /** Arrows drawn in a session's ladder diagram (HTML only). */
    static final int ARROWS = Limit.LADDER_ARROWS.intValue();

    static List<CaptureWarning> of(Analysis a, ReportSelection sel, boolean ladder) {
        List<CaptureWarning> out = new ArrayList<>();
        List<Finding> findings = sel.findingsOf(a);
        for (FtpSession s : sel.sessionsOf(a)) {
            FirstByFrame.Extent story = StoryLine.extent(s, findings, ROWS);
            int transfers = s.transfers().size();
            if (story.leftOut() > 0 || transfers > ROWS) {
                int frame = Integer.MAX_VALUE;
                List<String> what = new ArrayList<>();
                if (transfers > ROWS) {
                    frame = s.transfers().get(ROWS).commandFrame();
                    what.add(n(ROWS) + " of its " + n(transfers) + " transfers");
                }
                if (story.leftOut() > 0) {
                    frame = Math.min(frame, story.firstFrameLeftOut());
                    what.add(n(ROWS) + " of its " + n(story.total()) + " story lines");
                }
                out.add(CaptureWarning.limit(Limit.REPORT_ROWS, frame, "session #" + s.id() + ": the report lists the first "
                        + String.join(" and the first ", what) + "; the JSON and CSV reports list all that the analysis kept"));
            }
            if (ladder) {
                FirstByFrame.Extent arrows = SessionLadder.extent(s, a.streams(), ARROWS);
                if (arrows.leftOut() > 0) {
                    out.add(CaptureWarning.limit(Limit.LADDER_ARROWS, arrows.firstFrameLeftOut(), "session #" + s.id()
                            + ": its ladder diagram draws the first " + n(arrows.kept()) + " of " + n(arrows.total()) + " arrows"));
                }
            }
        }
        out.addAll(FindingGroups.limitWarnings(FindingGroups.of(sel.sessionsOf(a), findings)));
        return out;
    }

    /** The row that ends a cut table: how many rows were left out, and where they are. */
    static String leftOut(int leftOut, String rows) {
        return n(leftOut) + " more " + rows + " not listed (" + Limit.REPORT_ROWS.label() + "); the JSON report lists them";
    }

    static String n(long v) { return String.format(Locale.ROOT, "%,d", v); }
}

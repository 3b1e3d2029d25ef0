package org.ftpscope.report;

import org.ftpscope.analysis.Analysis;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One report format. Every format writes the same {@link ReportSelection} (sessions, passwords):
 * it formats; what is selected and what is masked is decided before it is called.
 * Formats are listed in {@link ReportWriters#ALL}.
 */
public interface ReportWriter {
    /** The {@code --format} name, e.g. "html". */
    String id();

    /** A name for people, e.g. "HTML". */
    String label();

    /** File name endings (".html"), the first the usual one. */
    List<String> extensions();

    void write(Analysis a, ReportSelection selection, Writer w) throws IOException;

    /**
     * The limits this format reaches on this analysis (the HTML and Markdown reports list a bounded
     * number of rows per session, {@link org.ftpscope.capture.Limit#REPORT_ROWS}): the report lists
     * them with the capture's warnings, and whoever writes it tells the user (the CLI on stderr).
     */
    default List<org.ftpscope.capture.CaptureWarning> limitWarnings(Analysis a, ReportSelection selection) { return List.of(); }
}

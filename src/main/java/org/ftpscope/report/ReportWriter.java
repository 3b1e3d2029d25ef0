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
}

package org.ftpscope.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The report formats, in one list that the CLI's {@code --format} and the app's export both read. */
public final class ReportWriters {
    private ReportWriters() {}

    /** The first is the default where a file name does not say. */
    public static final List<ReportWriter> ALL = List.of(new HtmlReport(), new MarkdownReport(), new JsonReport(), new CsvReport());

    public static Optional<ReportWriter> byId(String id) {
        return ALL.stream().filter(w -> w.id().equals(id)).findFirst();
    }

    /** The format a file name's ending names, else the default (HTML). */
    public static ReportWriter forFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(w -> w.extensions().stream().anyMatch(n::endsWith)).findFirst().orElse(ALL.get(0));
    }

    /** "html|md|json|csv", for usage lines. */
    public static String ids() {
        return String.join("|", ALL.stream().map(ReportWriter::id).toList());
    }
}

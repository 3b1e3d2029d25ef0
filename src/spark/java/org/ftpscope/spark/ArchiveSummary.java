package org.ftpscope.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.ftpscope.report.Escape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/** The archive's one-page HTML summary: counts, the most frequent findings, servers, clients. */
final class ArchiveSummary {
    /** Rows per ranking table; the counts above them cover everything. */
    static final int TOP = 20;

    private ArchiveSummary() {}

    /** @param columns the header of a ranking; every cell is text from the tables */
    record Table(String title, List<String> columns, List<List<String>> rows) {}

    record Data(Map<String, Long> counts, List<Table> tables) {}

    static Data collect(Map<String, Dataset<Row>> t) {
        Dataset<Row> captures = t.get("captures"), sessions = t.get("sessions"), transfers = t.get("transfers"),
                findings = t.get("findings"), firewall = t.get("firewall");
        Dataset<Row> files = captures.filter(col("stage").equalTo("file"));
        Map<String, Long> counts = new LinkedHashMap<>();
        Row f = files.agg(count(lit(1)), count(col("error")), sum("frames"), countDistinct(col("capture_point"))).first();
        counts.put("capture files", f.getLong(0));
        counts.put("capture files not analysed", f.getLong(1));
        counts.put("frames", f.isNullAt(2) ? 0 : f.getLong(2));
        counts.put("capture points", f.getLong(3));
        Row st = captures.filter(col("stage").equalTo("stitch")).agg(count(lit(1)), count(col("error"))).first();
        counts.put("capture points stitched", st.getLong(0));
        counts.put("capture points whose stitching failed", st.getLong(1));
        Row s = sessions.agg(count(lit(1)), sum(when(col("stitched"), 1).otherwise(0)),
                sum(when(col("cleartext_password"), 1).otherwise(0))).first();
        counts.put("sessions", s.getLong(0));
        counts.put("sessions across files (stitched)", s.isNullAt(1) ? 0 : s.getLong(1));
        counts.put("sessions with a cleartext password", s.isNullAt(2) ? 0 : s.getLong(2));
        Row tr = transfers.agg(count(lit(1)), sum(when(col("complete"), 1).otherwise(0)), sum("bytes")).first();
        counts.put("transfers", tr.getLong(0));
        counts.put("transfers complete", tr.isNullAt(1) ? 0 : tr.getLong(1));
        counts.put("transfer bytes", tr.isNullAt(2) ? 0 : tr.getLong(2));
        counts.put("findings", findings.count());
        counts.put("servers", firewall.count());

        List<Table> tables = new ArrayList<>();
        tables.add(table("Most frequent findings", List.of("kind", "severity", "count", "example", "first at"),
                // the example is the kind's earliest framed finding, its frame from the same row
                findings.groupBy("kind", "severity").agg(count(lit(1)).as("n"),
                                min(struct(col("frame"), col("message"))).as("ex"))
                        .select(col("kind"), col("severity"), col("n"), col("ex.message"), col("ex.frame"))
                        .orderBy(col("n").desc(), col("kind")).limit(TOP),
                r -> List.of(r.getString(0), r.getString(1), Long.toString(r.getLong(2)), str(r.get(3)), frame(r, 4))));
        tables.add(table("Servers", List.of("server", "port", "sessions", "transfers", "cleartext passwords"),
                sessions.groupBy("server_ip", "server_port").agg(count(lit(1)).as("n"), sum("transfers").as("t"),
                                sum(when(col("cleartext_password"), 1).otherwise(0)).as("c"))
                        .orderBy(col("n").desc(), col("server_ip")).limit(TOP),
                r -> List.of(r.getString(0), Integer.toString(r.getInt(1)), Long.toString(r.getLong(2)),
                        Long.toString(r.getLong(3)), Long.toString(r.getLong(4)))));
        tables.add(table("Clients", List.of("client", "sessions", "transfers", "cleartext passwords"),
                sessions.groupBy("client_ip").agg(count(lit(1)).as("n"), sum("transfers").as("t"),
                                sum(when(col("cleartext_password"), 1).otherwise(0)).as("c"))
                        .orderBy(col("n").desc(), col("client_ip")).limit(TOP),
                r -> List.of(r.getString(0), Long.toString(r.getLong(1)), Long.toString(r.getLong(2)),
                        Long.toString(r.getLong(3)))));
        tables.add(table("Captures not analysed or not stitched", List.of("file or capture point", "stage", "error"),
                captures.filter(col("error").isNotNull()).orderBy("capture_point", "file").limit(TOP)
                        .select("file", "capture_point", "stage", "error"),
                r -> List.of(r.isNullAt(0) ? r.getString(1) : r.getString(0), r.getString(2), r.getString(3))));
        return new Data(counts, tables);
    }

    private interface Cells { List<String> of(Row r); }

    private static Table table(String title, List<String> columns, Dataset<Row> rows, Cells cells) {
        List<List<String>> out = new ArrayList<>();
        for (Row r : rows.collectAsList()) out.add(cells.of(r));
        return new Table(title, columns, out);
    }

    private static String str(Object o) { return o == null ? "" : o.toString(); }

    private static String frame(Row r, int i) {
        if (r.isNullAt(i)) return "";
        Row f = r.getStruct(i);
        return f.getString(0) + " frame " + f.getInt(1);
    }

    /** The page; everything that came from a capture goes through {@link Escape#html}. */
    static String html(Data d) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .append("<title>ftpscope archive summary</title><style>")
                .append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}")
                .append("td,th{border:1px solid #bbb;padding:.2em .6em;text-align:left}</style></head><body>\n")
                .append("<h1>ftpscope archive summary</h1>\n<table>\n");
        d.counts().forEach((k, v) -> b.append("<tr><th>").append(Escape.html(k)).append("</th><td>").append(v)
                .append("</td></tr>\n"));
        b.append("</table>\n");
        for (Table t : d.tables()) {
            b.append("<h2>").append(Escape.html(t.title())).append("</h2>\n");
            if (t.rows().isEmpty()) {
                b.append("<p>None.</p>\n");
                continue;
            }
            b.append("<table>\n<tr>");
            for (String c : t.columns()) b.append("<th>").append(Escape.html(c)).append("</th>");
            b.append("</tr>\n");
            for (List<String> row : t.rows()) {
                b.append("<tr>");
                for (String c : row) b.append("<td>").append(Escape.html(c)).append("</td>");
                b.append("</tr>\n");
            }
            b.append("</table>\n");
            if (t.rows().size() == TOP) b.append("<p>The first ").append(TOP).append(" rows only; the tables hold all.</p>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    static void write(Configuration conf, String path, String html) {
        try {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(conf);
            try (FSDataOutputStream out = fs.create(p, false)) { out.write(html.getBytes(StandardCharsets.UTF_8)); }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

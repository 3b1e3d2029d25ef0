package org.ftpscope.report;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.Transfer;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One row per transfer (RFC 4180), with stable column names. */
public final class CsvReport implements ReportWriter {
    public static final List<String> COLUMNS = List.of("session", "client", "server", "user", "command", "arg", "path",
            "command_frame", "mode", "setup_frame", "advertised_ip", "advertised_port", "port_math", "data_stream",
            "data_state", "data_client", "data_server", "direction", "bytes", "expected_bytes", "complete", "gap_bytes",
            "duration_s", "sha256", "reply_code", "reply_text", "outcome");

    @Override public String id() { return "csv"; }

    @Override public String label() { return "CSV, one row per transfer"; }

    @Override public List<String> extensions() { return List.of(".csv"); }

    /** Passwords are not a column: the selection's masking has nothing to mask here. */
    @Override
    public void write(Analysis a, ReportSelection sel, Writer w) throws IOException {
        w.write(String.join(",", COLUMNS));
        w.write("\r\n");
        for (FtpSession s : sel.sessionsOf(a)) {
            for (Transfer t : s.transfers()) {
                List<String> v = new ArrayList<>();
                v.add(Integer.toString(s.id()));
                v.add(s.client().toString());
                v.add(s.server().toString());
                v.add(s.user() == null ? "" : s.user());
                v.add(t.command());
                v.add(t.arg());
                v.add(t.path());
                v.add(Integer.toString(t.commandFrame()));
                v.add(t.setup() == null ? "" : t.setup().mode().name());
                v.add(t.setup() == null ? "" : Integer.toString(t.setup().setupFrame()));
                v.add(t.setup() == null || !t.setup().endpointKnown() ? "" : t.setup().advertised().ip().toString());
                v.add(t.setup() == null || !t.setup().endpointKnown() ? "" : Integer.toString(t.setup().advertised().port()));
                v.add(t.setup() == null ? "" : t.setup().portMath());
                boolean has = t.data() != null && t.data().stream() >= 0;
                v.add(has ? Integer.toString(t.data().stream()) : "");
                v.add(t.data() == null ? "missing" : t.data().state().label());
                v.add(has ? t.data().client().toString() : "");
                v.add(has ? t.data().server().toString() : "");
                v.add(t.direction().label());
                v.add(Long.toString(t.bytes()));
                v.add(t.expectedBytes() < 0 ? "" : Long.toString(t.expectedBytes()));
                v.add(Boolean.toString(t.complete()));
                v.add(Long.toString(t.gapBytes()));
                v.add(String.format(Locale.ROOT, "%.6f", t.durationSeconds()));
                v.add(t.sha256() == null ? "" : t.sha256());
                v.add(t.replyCode() < 0 ? "" : Integer.toString(t.replyCode()));
                v.add(t.replyText() == null ? "" : t.replyText());
                v.add(t.outcome().label());
                w.write(String.join(",", v.stream().map(Escape::csv).toList()));
                w.write("\r\n");
            }
        }
    }
}

package org.ftpscope.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.model.DataConnection;
import org.ftpscope.ftp.model.DataSetup;
import org.ftpscope.ftp.model.FirewallSummary;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.Transfer;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The archive's tables: their schemas and the rows of one analysed capture (a file, or the
 * stitched capture of a capture point). Every frame number is a {@code frame} struct naming the
 * archive file and the frame's number in it, so a row leads back to the bytes. Passwords are never
 * written: {@code cleartext_password} says whether one crossed in clear.
 */
final class Tables {
    private Tables() {}

    static final StructType FRAME = new StructType()
            .add("file", DataTypes.StringType, false)
            .add("frame", DataTypes.IntegerType, false);
    private static final DataType FILES = DataTypes.createArrayType(DataTypes.StringType, false);
    private static final DataType PORTS = DataTypes.createArrayType(DataTypes.IntegerType, false);

    static final StructType CAPTURES = new StructType()
            .add("file", DataTypes.StringType, true)
            .add("capture_point", DataTypes.StringType, false)
            .add("stage", DataTypes.StringType, false)
            .add("sequence_index", DataTypes.IntegerType, true)
            .add("format", DataTypes.StringType, true)
            .add("size_bytes", DataTypes.LongType, true)
            .add("frames", DataTypes.IntegerType, true)
            .add("first_time", DataTypes.TimestampType, true)
            .add("last_time", DataTypes.TimestampType, true)
            .add("sessions_here", DataTypes.IntegerType, true)
            .add("sessions_carried", DataTypes.IntegerType, true)
            .add("frames_carried", DataTypes.IntegerType, true)
            .add("warnings", FILES, false)
            .add("error", DataTypes.StringType, true);

    static final StructType SESSIONS = new StructType()
            .add("capture_point", DataTypes.StringType, false)
            .add("session_key", DataTypes.StringType, false)
            .add("capture_files", FILES, false)
            .add("stitched", DataTypes.BooleanType, false)
            .add("client_ip", DataTypes.StringType, false)
            .add("client_port", DataTypes.IntegerType, false)
            .add("server_ip", DataTypes.StringType, false)
            .add("server_port", DataTypes.IntegerType, false)
            .add("first_frame", FRAME, true)
            .add("last_frame", FRAME, true)
            .add("start_time", DataTypes.TimestampType, true)
            .add("end_time", DataTypes.TimestampType, true)
            .add("user", DataTypes.StringType, true)
            .add("user_source", DataTypes.StringType, true)
            .add("login", DataTypes.StringType, true)
            .add("cleartext_password", DataTypes.BooleanType, false)
            .add("tls", DataTypes.BooleanType, false)
            .add("tls_frame", FRAME, true)
            .add("commands", DataTypes.IntegerType, false)
            .add("setups", DataTypes.IntegerType, false)
            .add("transfers", DataTypes.IntegerType, false);

    static final StructType TRANSFERS = new StructType()
            .add("capture_point", DataTypes.StringType, false)
            .add("session_key", DataTypes.StringType, false)
            .add("capture_files", FILES, false)
            .add("stitched", DataTypes.BooleanType, false)
            .add("index", DataTypes.IntegerType, false)
            .add("command", DataTypes.StringType, false)
            .add("arg", DataTypes.StringType, true)
            .add("path", DataTypes.StringType, true)
            .add("direction", DataTypes.StringType, true)
            .add("mode", DataTypes.StringType, true)
            .add("bytes", DataTypes.LongType, false)
            .add("expected_bytes", DataTypes.LongType, false)
            .add("gap_bytes", DataTypes.LongType, false)
            .add("truncated", DataTypes.BooleanType, false)
            .add("complete", DataTypes.BooleanType, false)
            .add("sha256", DataTypes.StringType, true)
            .add("preliminary_code", DataTypes.IntegerType, false)
            .add("reply_code", DataTypes.IntegerType, false)
            .add("reply_text", DataTypes.StringType, true)
            .add("outcome", DataTypes.StringType, true)
            .add("rest_offset", DataTypes.LongType, false)
            .add("type", DataTypes.StringType, true)
            .add("command_frame", FRAME, true)
            .add("reply_frame", FRAME, true)
            .add("first_data_frame", FRAME, true)
            .add("setup_frame", FRAME, true)
            .add("advertised_ip", DataTypes.StringType, true)
            .add("advertised_port", DataTypes.IntegerType, true)
            .add("data_state", DataTypes.StringType, true)
            .add("data_client_ip", DataTypes.StringType, true)
            .add("data_client_port", DataTypes.IntegerType, true)
            .add("data_server_ip", DataTypes.StringType, true)
            .add("data_server_port", DataTypes.IntegerType, true)
            .add("used_advertised_address", DataTypes.BooleanType, true)
            .add("source_port_20", DataTypes.BooleanType, true)
            .add("syn_count", DataTypes.IntegerType, true)
            .add("syn_frame", FRAME, true)
            .add("rst_frame", FRAME, true)
            .add("data_first_frame", FRAME, true)
            .add("data_last_frame", FRAME, true)
            .add("data_start_time", DataTypes.TimestampType, true)
            .add("data_end_time", DataTypes.TimestampType, true);

    static final StructType FINDINGS = new StructType()
            .add("capture_point", DataTypes.StringType, false)
            .add("session_key", DataTypes.StringType, true)
            .add("capture_files", FILES, false)
            .add("stitched", DataTypes.BooleanType, false)
            .add("kind", DataTypes.StringType, false)
            .add("severity", DataTypes.StringType, false)
            .add("message", DataTypes.StringType, true)
            .add("frame", FRAME, true)
            .add("frames", DataTypes.createArrayType(FRAME, false), false);

    /** One row per session and server; the job folds them into one firewall row per server. */
    static final StructType FIREWALL_FACTS = new StructType()
            .add("server_ip", DataTypes.StringType, false)
            .add("control_ports", PORTS, false)
            .add("passive_ports", PORTS, false)
            .add("active_source_ports", PORTS, false)
            .add("active_client_ports", PORTS, false)
            .add("tls_seen", DataTypes.BooleanType, false)
            .add("session_key", DataTypes.StringType, false)
            .add("capture_file", DataTypes.StringType, false)
            .add("first_frame", FRAME, true);

    /** The rows of one session: it, its transfers, its findings, its firewall facts. */
    record SessionRows(Row session, List<Row> transfers, List<Row> findings, List<Row> firewall)
            implements java.io.Serializable {}

    static Row frame(FrameMap map, int frame) {
        String file = map.file(frame);
        return file == null ? null : RowFactory.create(file, map.local(frame));
    }

    /** Stable across runs and splits: the capture file and frame where the control connection starts. */
    static String sessionKey(FrameMap map, FtpSession s) {
        return map.file(s.firstFrame()) + "#" + map.local(s.firstFrame());
    }

    static SessionRows session(String point, FrameMap map, boolean stitched, FtpSession s, List<Finding> findings) {
        String key = sessionKey(map, s);
        List<String> files = map.files(s.firstFrame(), s.lastFrame());
        Row session = RowFactory.create(point, key, seq(files), stitched,
                s.client().ip().toString(), s.client().port(), s.server().ip().toString(), s.server().port(),
                frame(map, s.firstFrame()), frame(map, s.lastFrame()), time(s.startNanos()), time(s.endNanos()),
                s.user(), s.userSource(), s.login() == null ? null : s.login().label(),
                s.password() != null && !s.tls(), s.tls(), frame(map, s.tlsFrame()),
                s.commands().size(), s.setups().size(), s.transfers().size());
        List<Row> transfers = new ArrayList<>();
        for (Transfer t : s.transfers()) transfers.add(transfer(point, key, map, stitched, t));
        List<Row> found = new ArrayList<>();
        for (Finding f : findings) if (f.session() == s.id()) found.add(finding(point, key, map, stitched, f));
        List<Row> firewall = new ArrayList<>();
        for (FirewallSummary fw : FirewallSummary.of(List.of(s))) {
            firewall.add(RowFactory.create(fw.server().toString(), seq(List.copyOf(fw.controlPorts())),
                    seq(List.copyOf(fw.passivePorts())), seq(List.copyOf(fw.activeSourcePorts())),
                    seq(List.copyOf(fw.activeClientPorts())), fw.tlsSeen(), key, map.file(s.firstFrame()),
                    frame(map, s.firstFrame())));
        }
        return new SessionRows(session, transfers, found, firewall);
    }

    static Row transfer(String point, String key, FrameMap map, boolean stitched, Transfer t) {
        DataSetup setup = t.setup();
        DataConnection d = t.data();
        int last = Math.max(t.replyFrame(), d == null ? 0 : d.lastFrame());
        List<String> files = map.files(t.commandFrame(), Math.max(last, t.commandFrame()));
        return RowFactory.create(point, key, seq(files), stitched, t.index(), t.command(), t.arg(), t.path(),
                t.direction() == null ? null : t.direction().label(), t.mode() == null ? null : t.mode().name(),
                t.bytes(), t.expectedBytes(), t.gapBytes(), t.truncated(), t.complete(), t.sha256(),
                t.preliminaryCode(), t.replyCode(), t.replyText(), t.outcome() == null ? null : t.outcome().label(),
                t.restOffset(), t.type(),
                frame(map, t.commandFrame()), frame(map, t.replyFrame()), frame(map, t.firstDataFrame()),
                setup == null ? null : frame(map, setup.setupFrame()),
                setup == null || setup.advertised() == null ? null : setup.advertised().ip().toString(),
                setup == null || setup.advertised() == null ? null : setup.advertised().port(),
                d == null ? null : d.state().label(),
                d == null || d.client() == null ? null : d.client().ip().toString(),
                d == null || d.client() == null ? null : d.client().port(),
                d == null || d.server() == null ? null : d.server().ip().toString(),
                d == null || d.server() == null ? null : d.server().port(),
                d == null ? null : d.usedAdvertisedAddress(), d == null ? null : d.sourcePort20(),
                d == null ? null : d.synCount(),
                d == null ? null : frame(map, d.synFrame()), d == null ? null : frame(map, d.rstFrame()),
                d == null ? null : frame(map, d.firstFrame()), d == null ? null : frame(map, d.lastFrame()),
                d == null ? null : time(d.startNanos()), d == null ? null : time(d.endNanos()));
    }

    static Row finding(String point, String key, FrameMap map, boolean stitched, Finding f) {
        List<Row> frames = new ArrayList<>();
        int lo = f.frame(), hi = f.frame();
        for (int n : f.frames()) {
            Row r = frame(map, n);
            if (r != null) frames.add(r);
            if (n > 0) { lo = lo > 0 ? Math.min(lo, n) : n; hi = Math.max(hi, n); }
        }
        List<String> files = lo > 0 ? map.files(lo, hi) : List.of();
        return RowFactory.create(point, key, seq(files), stitched, f.kind().name(), f.severity().label(), map.text(f.message()),
                frame(map, f.frame()), seq(frames));
    }

    static Row capture(String file, String point, String stage, Integer sequenceIndex, String format, Long size,
                       Integer frames, Long firstNanos, Long lastNanos, Integer sessionsHere, Integer sessionsCarried,
                       Integer framesCarried, List<String> warnings, String error) {
        return RowFactory.create(file, point, stage, sequenceIndex, format, size, frames,
                firstNanos == null ? null : time(firstNanos), lastNanos == null ? null : time(lastNanos),
                sessionsHere, sessionsCarried, framesCarried, seq(warnings), error);
    }

    /** Spark's external type for an array column. */
    static <T> scala.collection.immutable.List<T> seq(List<T> list) {
        return scala.jdk.javaapi.CollectionConverters.asScala(list).toList();
    }

    static Timestamp time(long nanos) {
        if (nanos == 0) return null;
        Timestamp t = new Timestamp(Math.floorDiv(nanos, 1_000_000_000L) * 1000);
        t.setNanos((int) Math.floorMod(nanos, 1_000_000_000L));
        return t;
    }
}

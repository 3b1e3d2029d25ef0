package org.ftpscope.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;

/**
 * The archive job (docs/spark.md): every capture file analysed by the core library, sessions that
 * cross rotated files stitched, the results written as tables plus one HTML summary.
 */
public final class ArchiveJob {
    /** A firewall row names at most this many of its server's sessions (the count says how many there were). */
    static final int FIREWALL_EXAMPLE_SESSIONS = 10;

    private ArchiveJob() {}

    public static void main(String[] args) {
        JobOptions opts;
        try {
            opts = JobOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ftpscope-spark: " + e.getMessage());
            System.err.print(JobOptions.USAGE);
            System.exit(2);
            return;
        }
        // Netty (Spark's RPC) reads this before its first buffer; the manifest cannot set properties.
        System.setProperty("io.netty.tryReflectionSetAccessible", "true");
        SparkSession.Builder builder = SparkSession.builder().appName("ftpscope archive");
        if (opts.master() != null) builder.master(opts.master());
        SparkSession spark = builder.getOrCreate();
        try {
            Map<String, Long> counts = run(spark, opts);
            counts.forEach((k, v) -> System.out.println(k + ": " + v));
            System.out.println("written: " + opts.output());
        } finally {
            spark.stop();
        }
    }

    /** Runs the job; returns the archive's counts as the summary states them. */
    public static Map<String, Long> run(SparkSession spark, JobOptions opts) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        CapturePoints points = opts.points();
        long maxFile = opts.maxFileBytes(), maxStitch = opts.maxStitchBytes();

        JavaPairRDD<String, PortableDataStream> input =
                jsc.binaryFiles(String.join(",", opts.inputs()), jsc.defaultParallelism());
        JavaRDD<FileResult> stage1 = input
                .map(t -> FileStage.run(t._1(), t._2().open(), points, maxFile))
                .persist(StorageLevel.MEMORY_AND_DISK());

        StitchPlan plan = StitchPlan.of(stage1.map(FileResult::boundary).collect());
        Broadcast<StitchPlan> planned = jsc.broadcast(plan);

        Map<String, String> hadoopConf = new HashMap<>();
        Configuration conf = jsc.hadoopConfiguration();
        conf.forEach(e -> hadoopConf.put(e.getKey(), e.getValue()));
        JavaRDD<StitchStage.Result> stage2 = stage1
                .flatMapToPair(fr -> carries(fr, planned.value()).iterator())
                .groupByKey()
                .map(g -> StitchStage.run(g._1(), g._2(), hadoopConf, maxFile, maxStitch))
                .persist(StorageLevel.MEMORY_AND_DISK());

        JavaRDD<Tables.SessionRows> kept = stage1.flatMap(fr -> kept(fr, planned.value()).iterator());
        JavaRDD<Tables.SessionRows> stitched = stage2.flatMap(r -> r.sessions().iterator());
        JavaRDD<Tables.SessionRows> sessions = kept.union(stitched);

        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        tables.put("captures", spark.createDataFrame(
                stage1.map(fr -> captureRow(fr, planned.value())).union(stage2.map(StitchStage.Result::capture)),
                Tables.CAPTURES));
        tables.put("sessions", spark.createDataFrame(sessions.map(Tables.SessionRows::session), Tables.SESSIONS));
        tables.put("transfers", spark.createDataFrame(
                sessions.flatMap(s -> s.transfers().iterator()), Tables.TRANSFERS));
        tables.put("findings", spark.createDataFrame(sessions.flatMap(s -> s.findings().iterator())
                .union(stage1.flatMap(fr -> keptWide(fr, planned.value()).iterator()))
                .union(stage2.flatMap(r -> r.captureWide().iterator())), Tables.FINDINGS));
        tables.put("firewall", firewall(spark.createDataFrame(
                sessions.flatMap(s -> s.firewall().iterator()), Tables.FIREWALL_FACTS)));

        for (Map.Entry<String, Dataset<Row>> t : tables.entrySet()) {
            t.getValue().write().mode(SaveMode.ErrorIfExists).format(opts.format())
                    .save(opts.output() + "/" + t.getKey());
        }
        // The summary reads the written tables back rather than recomputing stage 1 and 2.
        Map<String, Dataset<Row>> written = new LinkedHashMap<>();
        for (Map.Entry<String, Dataset<Row>> t : tables.entrySet()) {
            // with the written schema: JSON lines alone would read back integers as longs, times as text
            written.put(t.getKey(), spark.read().schema(t.getValue().schema()).format(opts.format())
                    .load(opts.output() + "/" + t.getKey()));
        }
        ArchiveSummary.Data data = ArchiveSummary.collect(written);
        ArchiveSummary.write(conf, opts.output() + "/summary.html", ArchiveSummary.html(data));
        stage1.unpersist();
        stage2.unpersist();
        return data.counts();
    }

    /** The sessions of a file that stage 2 does not take: final as stage 1 found them. */
    static List<Tables.SessionRows> kept(FileResult fr, StitchPlan plan) {
        List<Tables.SessionRows> out = new ArrayList<>();
        StitchPlan.FilePlan p = plan.of(fr.file());
        for (FileResult.SessionPart s : fr.sessions()) if (p == null || !StitchPlan.carried(p, s)) out.add(s.rows());
        return out;
    }

    /**
     * The file's findings about no one session, less those that stage 2 replaces: a connection carried
     * there is analysed again with the files around it, so "its setup is not in the capture", said by
     * the file alone, is not true of the archive (stage 2 says it again if it still holds).
     */
    static List<Row> keptWide(FileResult fr, StitchPlan plan) {
        StitchPlan.FilePlan p = plan.of(fr.file());
        List<Row> out = new ArrayList<>();
        for (FileResult.WideFinding w : fr.captureWide()) {
            if (w.orphanFrame() > 0 && p != null && p.stitched() && carriedFrame(fr, p, w.orphanFrame())) continue;
            out.add(w.row());
        }
        return out;
    }

    private static boolean carriedFrame(FileResult fr, StitchPlan.FilePlan p, int frame) {
        for (FileResult.Connection c : fr.unassigned()) {
            if (StitchPlan.carried(p, c) && java.util.Arrays.binarySearch(c.frames(), frame) >= 0) return true;
        }
        return false;
    }

    /** The frames of a file that stage 2 takes, keyed by capture point; nothing when none. */
    static List<Tuple2<String, StitchStage.Carry>> carries(FileResult fr, StitchPlan plan) {
        StitchPlan.FilePlan p = plan.of(fr.file());
        if (p == null || !p.stitched()) return List.of();
        List<int[]> parts = new ArrayList<>();
        for (FileResult.SessionPart s : fr.sessions()) if (StitchPlan.carried(p, s)) parts.add(s.frames());
        for (FileResult.Connection c : fr.unassigned()) if (StitchPlan.carried(p, c)) parts.add(c.frames());
        int[] frames = FileStage.union(parts);
        if (frames.length == 0) return List.of();
        return List.of(new Tuple2<>(p.point(), new StitchStage.Carry(p.sequenceIndex(), fr.file(), frames)));
    }

    static Row captureRow(FileResult fr, StitchPlan plan) {
        StitchPlan.FilePlan p = plan.of(fr.file());
        List<String> warnings = new ArrayList<>(fr.warnings());
        if (p != null && p.note() != null) warnings.add(p.note());
        if (fr.error() != null) {
            return Tables.capture(fr.file(), fr.point(), "file", null, null, fr.size() < 0 ? null : fr.size(), null,
                    null, null, null, null, null, warnings, fr.error());
        }
        int carried = 0;
        int carriedFrames = 0;
        for (FileResult.SessionPart s : fr.sessions()) if (p != null && StitchPlan.carried(p, s)) carried++;
        for (Tuple2<String, StitchStage.Carry> c : carries(fr, plan)) carriedFrames += c._2().frames().length;
        return Tables.capture(fr.file(), fr.point(), "file", p == null ? null : p.sequenceIndex(), fr.format(),
                fr.size(), fr.frames(), fr.firstNanos(), fr.lastNanos(), fr.sessions().size(), carried, carriedFrames,
                warnings, null);
    }

    /** One row per server over the whole archive: the union of what each of its sessions needed. */
    static Dataset<Row> firewall(Dataset<Row> facts) {
        return facts.groupBy("server_ip").agg(
                        array_sort(array_distinct(flatten(collect_list("control_ports")))).as("control_ports"),
                        array_sort(array_distinct(flatten(collect_list("passive_ports")))).as("passive_ports"),
                        array_sort(array_distinct(flatten(collect_list("active_source_ports")))).as("active_source_ports"),
                        array_sort(array_distinct(flatten(collect_list("active_client_ports")))).as("active_client_ports"),
                        expr("bool_or(tls_seen)").as("tls_seen"),
                        count(lit(1)).as("sessions"),
                        array_sort(collect_set("capture_file")).as("capture_files"),
                        slice(array_sort(collect_list("first_frame")), 1, FIREWALL_EXAMPLE_SESSIONS).as("example_session_frames"))
                .withColumn("passive_min", array_min(col("passive_ports")))
                .withColumn("passive_max", array_max(col("passive_ports")))
                .withColumn("example_sessions_truncated", col("sessions").gt(size(col("example_session_frames"))))
                .orderBy("server_ip");
    }
}

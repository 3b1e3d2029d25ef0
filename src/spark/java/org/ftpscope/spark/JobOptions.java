package org.ftpscope.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * The job's command line.
 *
 * @param inputs         Hadoop paths or globs of capture files (local, hdfs://, s3a:// …)
 * @param output         the folder the tables and summary.html go into; it must not exist
 * @param master         Spark master for running without spark-submit ({@code local[*]}), or null
 * @param format         parquet or json (JSON lines)
 * @param maxFileBytes   the largest archive file stage 1 copies and analyses
 * @param maxStitchBytes the most carried frame bytes of one capture point stage 2 analyses
 */
record JobOptions(List<String> inputs, String output, String master, String format, CapturePoints points,
                  long maxFileBytes, long maxStitchBytes) {
    /** A rotated part is usually far smaller; a whole unrotated day of a busy link is not. */
    static final long DEFAULT_MAX_FILE_BYTES = 4L << 30;
    /** Stage 2 of a capture point runs in one task: its local temporary file is bounded by this. */
    static final long DEFAULT_MAX_STITCH_BYTES = 8L << 30;

    static final String USAGE = """
            usage: ArchiveJob --input GLOB... --output DIR [--master URL] [--format parquet|json]
                              [--sequence REGEX|none] [--max-file-bytes N] [--max-stitch-bytes N]
              --input   capture files (pcap, pcapng, either gzipped) on any Hadoop file system
              --output  a folder that does not exist yet: tables captures, sessions, transfers,
                        findings, firewall, and summary.html
              --master  for java -jar without spark-submit, e.g. 'local[*]'
              --sequence  what varies in the names of one capture point's rotated files
                        (default [0-9]+); none: every file is its own capture point
            """;

    static JobOptions parse(String[] args) {
        List<String> inputs = new ArrayList<>();
        String output = null, master = null, format = "parquet";
        CapturePoints points = CapturePoints.byDefault();
        long maxFile = DEFAULT_MAX_FILE_BYTES, maxStitch = DEFAULT_MAX_STITCH_BYTES;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--input" -> {
                    while (i + 1 < args.length && !args[i + 1].startsWith("--")) inputs.add(args[++i]);
                }
                case "--output" -> output = value(args, ++i, a);
                case "--master" -> master = value(args, ++i, a);
                case "--format" -> {
                    format = value(args, ++i, a);
                    if (!format.equals("parquet") && !format.equals("json")) {
                        throw new IllegalArgumentException("--format: parquet or json, not " + format);
                    }
                }
                case "--sequence" -> points = CapturePoints.parse(value(args, ++i, a));
                case "--max-file-bytes" -> maxFile = positive(value(args, ++i, a), a);
                case "--max-stitch-bytes" -> maxStitch = positive(value(args, ++i, a), a);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (inputs.isEmpty()) throw new IllegalArgumentException("--input: no capture files named");
        if (output == null) throw new IllegalArgumentException("--output: no folder named");
        return new JobOptions(List.copyOf(inputs), output, master, format, points, maxFile, maxStitch);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + ": value missing");
        return args[i];
    }

    private static long positive(String v, String option) {
        try {
            long n = Long.parseLong(v);
            if (n > 0) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + ": a positive number of bytes, not " + v);
    }
}

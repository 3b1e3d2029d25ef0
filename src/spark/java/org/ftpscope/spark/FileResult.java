package org.ftpscope.spark;

import org.apache.spark.sql.Row;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * Stage 1's result for one archive file: its own analysis as rows, and per connection what stage 2
 * needs to decide whether it crosses the file's start or end.
 *
 * @param openAtStart   connections whose opening SYN is not in the file (canonical 4-tuples)
 * @param openAtEnd     connections not ended (FIN both ways or RST) in the file
 * @param sessions      every session of the file analysed alone
 * @param unassigned    TCP connections no session claimed (possibly a data connection whose setup
 *                      is in another file)
 * @param captureWide   findings about the file rather than one session
 * @param error         why the file could not be analysed, or null
 */
record FileResult(String file, String point, long size, String format, int frames, long firstNanos,
                  long lastNanos, List<String> warnings, String error, Set<String> openAtStart,
                  Set<String> openAtEnd, List<SessionPart> sessions, List<Connection> unassigned,
                  List<WideFinding> captureWide) implements Serializable {

    /** A finding about the file rather than one session; {@code orphanFrame}: the frame of the connection an orphan-data-connection finding names, else 0. */
    record WideFinding(Row row, int orphanFrame) implements Serializable {}

    /** One session of the file: its rows, its connections, and all their frames. */
    record SessionPart(Tables.SessionRows rows, Set<String> tuples, int[] frames) implements Serializable {}

    /** A connection no session claimed; {@code highPorts}: both ports ≥ 1024 or one is 20, as FTP data connections use. */
    record Connection(String tuple, boolean highPorts, int[] frames) implements Serializable {}

    /** What the driver needs of the file to plan the stitching: small, bounded by open connections. */
    record Boundary(String file, String point, long firstNanos, long lastNanos, boolean analysed,
                    Set<String> openAtStart, Set<String> openAtEnd) implements Serializable {}

    Boundary boundary() {
        return new Boundary(file, point, firstNanos, lastNanos, error == null, openAtStart, openAtEnd);
    }

    static FileResult failed(String file, String point, long size, String error) {
        return new FileResult(file, point, size, null, 0, 0, 0, List.of(), error, Set.of(), Set.of(), List.of(),
                List.of(), List.of());
    }
}

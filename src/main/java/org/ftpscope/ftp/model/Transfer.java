package org.ftpscope.ftp.model;

import java.util.List;

/**
 * One transfer command (LIST, NLST, MLSD, RETR, STOR, STOU, APPE) with its data channel.
 *
 * @param path          the argument resolved against the working directory at that moment
 * @param setup         the data-channel setup it used, or null if none was seen
 * @param data          its data connection; state {@link DataState#MISSING} when none was seen
 * @param bytes         payload bytes the data connection carried in the transfer's direction
 * @param expectedBytes from SIZE's 213 or the 150 reply's {@code (N bytes)}, -1 when unknown
 * @param sha256        hex SHA-256 of the reassembled content, null when no data connection
 * @param replyCode     the final reply (226, 250, 425, 550 …), -1 when none
 * @param firstDataFrame the frame carrying the first content byte, 0 when none
 * @param outcomeEvidence what the outcome rests on, in words (the server's reply, where the data connection is)
 * @param shortfalls     why the bytes are not known complete; empty exactly when {@code complete}
 * @param restOffset     the REST offset it resumed from, 0 without REST, -1 when the capture cut the REST command
 * @param type           the TYPE in force (its first letter: A, I, E, L), null when the capture cut the TYPE command
 * @param commandCut     the capture cut the command line: {@code arg} is its beginning only, {@code path} ends in "…"
 */
public record Transfer(int session, int index, String command, String arg, String path, int commandFrame,
                       long commandNanos, DataSetup setup, DataConnection data, TransferDirection direction,
                       long bytes, long expectedBytes, long gapBytes, boolean truncated, boolean complete,
                       String sha256, int preliminaryCode, int replyCode, int replyFrame, String replyText,
                       Outcome outcome, long restOffset, String type, long dataStartNanos, long dataEndNanos,
                       int firstDataFrame, String outcomeEvidence, List<Shortfall> shortfalls, boolean commandCut) {

    public Transfer {
        shortfalls = List.copyOf(shortfalls);
    }

    /** Seconds from the first to the last data byte, 0 when unknown. */
    public double durationSeconds() {
        return dataEndNanos > dataStartNanos ? (dataEndNanos - dataStartNanos) / 1e9 : 0;
    }

    /** Bytes per second over {@link #durationSeconds()}, 0 when unknown. */
    public double throughput() {
        double d = durationSeconds();
        return d > 0 ? bytes / d : 0;
    }

    public DataMode mode() { return setup == null ? null : setup.mode(); }
}

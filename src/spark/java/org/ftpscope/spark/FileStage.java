package org.ftpscope.spark;

import org.apache.spark.sql.Row;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.capture.CaptureException;
import org.ftpscope.capture.CaptureWarning;
import org.ftpscope.decode.Endpoint;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.findings.FindingKind;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.StreamRole;
import org.ftpscope.tcp.TcpFrameTable;
import org.ftpscope.tcp.TcpStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Stage 1: one archive file, copied to a local temporary file and analysed by the core alone. */
final class FileStage {
    private FileStage() {}

    static FileResult run(String file, InputStream in, CapturePoints points, long maxFileBytes) {
        String point = points.of(file);
        Path local = null;
        try {
            local = Files.createTempFile("ftpscope-spark-", ".capture");
            long size = copyBounded(in, local, maxFileBytes);
            if (size < 0) {
                return FileResult.failed(file, point, -1, "larger than the job's limit of " + maxFileBytes
                        + " bytes per file (--max-file-bytes): not analysed");
            }
            try (Analysis a = Analyzer.analyze(local, null, null, false)) {
                return result(file, point, size, a);
            } catch (CaptureException e) {
                return FileResult.failed(file, point, size, localMessage(e.getMessage(), local, file));
            }
        } catch (IOException | RuntimeException e) {
            return FileResult.failed(file, point, -1, "cannot be read: " + e);
        } finally {
            if (local != null) try { Files.deleteIfExists(local); } catch (IOException ignored) { /* temp dir */ }
        }
    }

    /** Copies at most {@code limit} bytes; -1 when the stream has more. */
    static long copyBounded(InputStream in, Path to, long limit) throws IOException {
        byte[] buf = new byte[1 << 16];
        long n = 0;
        try (InputStream src = in; OutputStream out = Files.newOutputStream(to)) {
            int r;
            while ((r = src.read(buf)) > 0) {
                n += r;
                if (n > limit) return -1;
                out.write(buf, 0, r);
            }
        }
        return n;
    }

    /** The core names the file it read, here the temporary copy: name the archive file instead. */
    static String localMessage(String message, Path local, String file) {
        return message == null ? "" : message.replace(local.toString(), file);
    }

    private static FileResult result(String file, String point, long size, Analysis a) {
        int frames = a.capture().frameCount();
        FrameMap map = FrameMap.single(file, frames);
        List<int[]> framesOfStream = framesByStream(a.tcpFrames(), a.streams().size());
        Set<String> openAtStart = new HashSet<>(), openAtEnd = new HashSet<>();
        for (TcpStream s : a.streams()) {
            String t = tuple(s.client(), s.server());
            if (s.synFrame() == 0) openAtStart.add(t);
            if (!ended(s)) openAtEnd.add(t);
        }
        List<FileResult.SessionPart> sessions = new ArrayList<>();
        List<List<Integer>> streamsOfSession = new ArrayList<>();
        for (int i = 0; i < a.sessions().size(); i++) streamsOfSession.add(new ArrayList<>());
        List<FileResult.Connection> unassigned = new ArrayList<>();
        for (TcpStream s : a.streams()) {
            StreamRole role = a.role(s.index());
            if (role != null && role.session() >= 0 && role.session() < streamsOfSession.size()) {
                streamsOfSession.get(role.session()).add(s.index());
            } else {
                unassigned.add(new FileResult.Connection(tuple(s.client(), s.server()), highPorts(s),
                        framesOfStream.get(s.index())));
            }
        }
        for (FtpSession s : a.sessions()) {
            Set<String> tuples = new HashSet<>();
            List<int[]> parts = new ArrayList<>();
            for (int st : streamsOfSession.get(s.id())) {
                TcpStream ts = a.streams().get(st);
                tuples.add(tuple(ts.client(), ts.server()));
                parts.add(framesOfStream.get(st));
            }
            sessions.add(new FileResult.SessionPart(Tables.session(point, map, false, s, a.findings()), tuples,
                    union(parts)));
        }
        List<FileResult.WideFinding> captureWide = new ArrayList<>();
        for (Finding f : a.findings()) {
            if (f.session() >= 0) continue;
            int orphan = f.kind() == FindingKind.ORPHAN_DATA_CONNECTION ? f.frame() : 0;
            captureWide.add(new FileResult.WideFinding(Tables.finding(point, null, map, false, f), orphan));
        }
        List<String> warnings = new ArrayList<>();
        for (CaptureWarning w : a.capture().warnings()) warnings.add(w.toString());
        long first = frames > 0 ? a.capture().index().timestampNanos(1) : 0;
        long last = frames > 0 ? a.capture().index().timestampNanos(frames) : 0;
        return new FileResult(file, point, size, a.capture().formatLabel(), frames, first, last, warnings, null,
                openAtStart, openAtEnd, sessions, unassigned, captureWide);
    }

    static boolean ended(TcpStream s) {
        return switch (s.state()) {
            case CLOSED, RESET, REFUSED -> true;
            default -> false;
        };
    }

    private static boolean highPorts(TcpStream s) {
        int a = s.client().port(), b = s.server().port();
        return (a >= 1024 && b >= 1024) || a == 20 || b == 20;
    }

    /** A connection's name in every file, whichever side the per-file analysis took for the client. */
    static String tuple(Endpoint a, Endpoint b) {
        String x = a.toString(), y = b.toString();
        return x.compareTo(y) <= 0 ? x + "|" + y : y + "|" + x;
    }

    private static List<int[]> framesByStream(TcpFrameTable table, int streams) {
        int[] count = new int[streams];
        for (int f = 1; f <= table.size(); f++) {
            int s = table.stream(f);
            if (s >= 0 && s < streams) count[s]++;
        }
        List<int[]> out = new ArrayList<>(streams);
        for (int s = 0; s < streams; s++) out.add(new int[count[s]]);
        int[] fill = new int[streams];
        for (int f = 1; f <= table.size(); f++) {
            int s = table.stream(f);
            if (s >= 0 && s < streams) out.get(s)[fill[s]++] = f;
        }
        return out;
    }

    static int[] union(List<int[]> parts) {
        return parts.stream().flatMapToInt(java.util.Arrays::stream).sorted().distinct().toArray();
    }
}

package org.ftpscope.report;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.ftp.model.TransferDirection;
import org.ftpscope.tcp.StreamSpans;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Wireshark's Export Objects ▸ FTP-DATA: every transferred file written safely into one folder. */
public final class ObjectExporter {
    private ObjectExporter() {}

    /** A transfer whose content the capture holds. */
    public record FtpObject(FtpSession session, Transfer transfer, String suggestedName) {}

    /**
     * One written file: {@code bytes} the capture held, {@code missingBytes} it lacks; of these,
     * {@code unfilledBytes} are left out (not filled with zeros: {@link GapFill}'s budget was spent),
     * so only a file with none has every byte at its true offset. The digest is of the file as written.
     */
    public record Extracted(FtpObject object, Path file, long bytes, long missingBytes, long unfilledBytes, String sha256) {
        /** Bytes of zeros written for holes. */
        public long filledBytes() { return missingBytes - unfilledBytes; }
    }

    /** Transfers with data in the capture; listings too when asked. */
    public static List<FtpObject> objects(Analysis a, boolean listings) {
        List<FtpObject> out = new ArrayList<>();
        for (FtpSession s : a.sessions()) {
            for (Transfer t : s.transfers()) {
                if ((a.contentOf(t) == null && !a.hasDecryptedContent(t)) || t.bytes() == 0) continue;
                if (t.direction() == TransferDirection.LISTING && !listings) continue;
                String fallback = "session" + s.id() + "-" + t.command().toLowerCase().replace("?", "") + "-" + t.index() + ".bin";
                String name = t.direction() == TransferDirection.LISTING
                        ? "listing-session" + s.id() + "-" + t.index() + ".txt"
                        : SafeNames.fileName(t.path().isEmpty() ? t.arg() : t.path(), fallback);
                out.add(new FtpObject(s, t, name));
            }
        }
        return out;
    }

    /**
     * Writes an object into {@code dir}: through a temp file and an atomic move, so a failure
     * leaves no half-written file; never over an existing file unless {@code overwrite}.
     */
    public static Extracted write(Analysis a, FtpObject o, Path dir, boolean overwrite) throws IOException {
        return write(a, o, dir, overwrite, new GapFill());
    }

    /** As {@link #write(Analysis, FtpObject, Path, boolean)}, its holes' zeros taken from {@code fill} (one per extraction). */
    public static Extracted write(Analysis a, FtpObject o, Path dir, boolean overwrite, GapFill fill) throws IOException {
        Path target = SafeNames.target(dir, o.suggestedName(), overwrite);
        Path tmp;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, ".ftpscope-", ".part");
        } catch (IOException e) {
            throw new OutputFailure("cannot write " + target + ": " + e, e);
        }
        try {
            StreamSpans spans = a.contentOf(o.transfer());
            MessageDigest md;
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            long bytes, missing, unfilled = 0;
            try (OutputStream out = new DigestOutputStream(new Output(Files.newOutputStream(tmp), target), md)) {
                if (spans != null) {
                    long[] left = {0};
                    spans.writeTo(a.capture(), out, (o2, len) -> { if (!fill.fill(o2, len)) left[0] += len; });
                    bytes = spans.totalBytes();
                    missing = spans.gapBytes();
                    unfilled = left[0];
                } else {
                    // Decryption ends at a hole: there is nothing after it to keep at its offset.
                    // PROT P with the key log: the plaintext, read again from the capture's records.
                    Analysis.DecryptedContent c = a.writeDecrypted(o.transfer(), out);
                    bytes = c.bytes();
                    missing = c.missingCiphertextBytes();
                }
            }
            try {
                moveIntoPlace(tmp, target, overwrite);
            } catch (IOException e) {
                throw new OutputFailure("cannot write " + target + ": " + e, e);
            }
            return new Extracted(o, target, bytes, missing, unfilled, HexFormat.of().formatHex(md.digest()));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** What became of one object of {@link #writeAll}: written, or the failure that stopped it. */
    public interface Outcome {
        void written(FtpObject o, Extracted x) throws IOException;

        void failed(FtpObject o, OutputFailure failure) throws IOException;
    }

    /**
     * Streaming extraction: writes every object into {@code dir} from a second pass over the
     * capture (the analysis may have streamed too, keeping no content spans). The bytes of each
     * transfer's data connection go to a temp file in {@code dir} as they are reassembled; once
     * the pass has ended each is moved into place, in the order of {@code objects}, so names are
     * chosen (and "(2)" added) exactly as {@link #write} one at a time chooses them. Memory is
     * bounded by the streams open at once and one small record per object, not by the capture.
     * {@code done} hears of each object in order; an object the folder refuses does not stop the others.
     *
     * @throws CaptureException when the capture cannot be read again
     */
    public static void writeAll(Path capture, List<FtpObject> objects, Path dir, boolean overwrite, Outcome done)
            throws IOException, org.ftpscope.capture.CaptureException {
        writeAll(capture, objects, dir, overwrite, done, new GapFill());
    }

    /** As {@link #writeAll(Path, List, Path, boolean, Outcome)}, the holes' zeros taken from {@code fill}. */
    static void writeAll(Path capture, List<FtpObject> objects, Path dir, boolean overwrite, Outcome done, GapFill fill)
            throws IOException, org.ftpscope.capture.CaptureException {
        java.util.Map<Long, List<Sink>> byStreamDirection = new java.util.HashMap<>();
        List<Sink> sinks = new ArrayList<>();
        for (FtpObject o : objects) {
            Transfer t = o.transfer();
            Sink k = new Sink(o, dir);
            sinks.add(k);
            long key = (long) t.data().stream() << 1 | t.direction().dataDirection(t.setup().mode()).ordinal();
            byStreamDirection.computeIfAbsent(key, x -> new ArrayList<>()).add(k);
        }
        OpenFiles open = new OpenFiles();
        try {
            boolean dirMade = true;
            try {
                if (!sinks.isEmpty()) Files.createDirectories(dir);
            } catch (IOException e) {
                for (Sink k : sinks) k.fail(e);
                dirMade = false;
            }
            if (!sinks.isEmpty() && dirMade) {
                org.ftpscope.tcp.TcpPass.stream(capture, new org.ftpscope.tcp.StreamListener() {
                    @Override
                    public void data(org.ftpscope.tcp.TcpStream s, org.ftpscope.tcp.Direction d, int frame, byte[] buf, int off, int len) {
                        List<Sink> to = byStreamDirection.get((long) s.index() << 1 | d.ordinal());
                        if (to != null) for (Sink k : to) k.write(open, buf, off, len);
                    }

                    @Override
                    public void gap(org.ftpscope.tcp.TcpStream s, org.ftpscope.tcp.Direction d, long length, int frame) {
                        List<Sink> to = byStreamDirection.get((long) s.index() << 1 | d.ordinal());
                        if (to != null) for (Sink k : to) k.gap(open, fill, length);
                    }

                    @Override
                    public void streamClosed(org.ftpscope.tcp.TcpStream s) {
                        for (int d = 0; d < 2; d++) {
                            List<Sink> to = byStreamDirection.get((long) s.index() << 1 | d);
                            if (to != null) for (Sink k : to) open.close(k);
                        }
                    }
                }, null).capture().close();
                open.closeAll();
            }
            for (Sink k : sinks) {
                if (k.failure == null) k.finish(overwrite);
                if (k.failure != null) done.failed(k.object, k.failure);
                else done.written(k.object, new Extracted(k.object, k.target, k.bytes, k.gapBytes, k.unfilledBytes, HexFormat.of().formatHex(k.md.digest())));
            }
        } finally {
            open.closeAll();
            for (Sink k : sinks) k.deleteTemp();
        }
    }

    /** One object's temp file while the pass runs: its bytes, gaps and digest so far. */
    private static final class Sink {
        final FtpObject object;
        final Path dir;
        Path tmp, target;
        OutputStream out;
        final MessageDigest md;
        long bytes, gapBytes, unfilledBytes;
        OutputFailure failure;

        Sink(FtpObject object, Path dir) {
            this.object = object;
            this.dir = dir;
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The name the object would get now; the final one is chosen when it is moved into place. */
        Path name() { return target != null ? target : dir.resolve(object.suggestedName()); }

        void fail(IOException e) {
            if (failure == null) failure = e instanceof OutputFailure f ? f : new OutputFailure("cannot write " + name() + ": " + e, e);
        }

        /** A hole of {@code length} bytes: zeros while the extraction's budget lasts, else left out. */
        void gap(OpenFiles open, GapFill fill, long length) {
            gapBytes += length;
            if (failure != null) return;
            try {
                OutputStream out = open.of(this);
                boolean filled = fill.fill(new OutputStream() {
                    @Override public void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }

                    @Override public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                        md.update(b, off, len);
                    }
                }, length);
                if (!filled) unfilledBytes += length;
            } catch (IOException e) {
                fail(e);
                open.close(this);
                deleteTemp();
            }
        }

        void write(OpenFiles open, byte[] buf, int off, int len) {
            if (failure != null) return;
            try {
                open.of(this).write(buf, off, len);
                md.update(buf, off, len);
                bytes += len;
            } catch (IOException e) {
                fail(e);
                open.close(this);
                deleteTemp();
            }
        }

        /** Moves the temp file into place under the name {@link SafeNames#target} chooses now. */
        void finish(boolean overwrite) {
            target = SafeNames.target(dir, object.suggestedName(), overwrite);
            try {
                if (tmp == null) tmp = Files.createTempFile(dir, ".ftpscope-", ".part"); // no byte arrived: an empty file
                moveIntoPlace(tmp, target, overwrite);
                tmp = null;
            } catch (IOException e) {
                fail(e);
            }
        }

        void deleteTemp() {
            if (tmp == null) return;
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // hidden (".ftpscope-…"); the failure that matters is reported
            }
            tmp = null;
        }
    }

    /**
     * The temp files open for writing, at most {@link #MAX_OPEN} at once (the least recently written
     * is closed and reopened for appending when it is written again): a capture with thousands of
     * data connections open at the same time must not run the process out of file descriptors.
     * Nothing is dropped, so this bound needs no warning.
     */
    private static final class OpenFiles {
        static final int MAX_OPEN = 64;
        private final java.util.LinkedHashMap<Sink, OutputStream> open = new java.util.LinkedHashMap<>(16, 0.75f, true);

        OutputStream of(Sink k) throws IOException {
            OutputStream out = open.get(k);
            if (out != null) return out;
            if (open.size() >= MAX_OPEN) close(open.keySet().iterator().next());
            if (k.tmp == null) {
                k.tmp = Files.createTempFile(k.dir, ".ftpscope-", ".part");
                out = Files.newOutputStream(k.tmp);
            } else {
                out = Files.newOutputStream(k.tmp, java.nio.file.StandardOpenOption.APPEND);
            }
            out = new java.io.BufferedOutputStream(new Output(out, k.name()), 1 << 14);
            open.put(k, out);
            return out;
        }

        void close(Sink k) {
            OutputStream out = open.remove(k);
            if (out == null) return;
            try {
                out.close();
            } catch (IOException e) {
                k.fail(e);
                k.deleteTemp();
            }
        }

        void closeAll() {
            for (Sink k : new ArrayList<>(open.keySet())) close(k);
        }
    }

    /** The temp file's stream: what it fails at is output (exit 3), unlike reading the capture. */
    private static final class Output extends java.io.FilterOutputStream {
        private final Path target;

        Output(OutputStream out, Path target) {
            super(out);
            this.target = target;
        }

        @Override public void write(int b) throws IOException {
            try { out.write(b); } catch (IOException e) { throw new OutputFailure("cannot write " + target + ": " + e, e); }
        }

        @Override public void write(byte[] b, int off, int len) throws IOException {
            try { out.write(b, off, len); } catch (IOException e) { throw new OutputFailure("cannot write " + target + ": " + e, e); }
        }

        @Override public void flush() throws IOException {
            try { out.flush(); } catch (IOException e) { throw new OutputFailure("cannot write " + target + ": " + e, e); }
        }

        @Override public void close() throws IOException {
            try { out.close(); } catch (IOException e) { throw new OutputFailure("cannot write " + target + ": " + e, e); }
        }
    }

    /** Moves a finished temp file to its name, atomically where the file system can. */
    private static void moveIntoPlace(Path tmp, Path target, boolean overwrite) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
                    overwrite ? StandardCopyOption.REPLACE_EXISTING : StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, overwrite ? new StandardCopyOption[] {StandardCopyOption.REPLACE_EXISTING}
                    : new StandardCopyOption[0]);
        }
    }
}

package org.ftpscope.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * An opened capture: its format, interfaces, frame index and warnings, and positioned reads of
 * any frame's bytes. Reading is one pass over the file; a {@link FrameVisitor} given to
 * {@link #read} sees every frame during that pass. The file is only ever opened for reading.
 */
public final class CaptureFile implements AutoCloseable {
    private final Path path;
    private final Path dataPath;
    private final boolean gzip;
    private final CaptureFormat format;
    private final FrameIndex index;
    private final List<CaptureInterface> interfaces;
    private final List<CaptureWarning> warnings;
    /** The reader's warnings, then those the analysis adds (limits it reached). */
    private final List<CaptureWarning> allWarnings;
    private final FileChannel channel;

    private CaptureFile(Path path, Path dataPath, boolean gzip, CaptureFormat format, FrameIndex index,
                        List<CaptureInterface> interfaces, List<CaptureWarning> warnings,
                        FileChannel channel) {
        this.path = path;
        this.dataPath = dataPath;
        this.gzip = gzip;
        this.format = format;
        this.index = index;
        this.interfaces = Collections.unmodifiableList(interfaces);
        this.allWarnings = new java.util.concurrent.CopyOnWriteArrayList<>(warnings);
        this.warnings = Collections.unmodifiableList(allWarnings);
        this.channel = channel;
    }

    /** Opens and indexes a capture. */
    public static CaptureFile open(Path path) throws CaptureException {
        return read(path, null, null);
    }

    /**
     * Opens a capture and reads it in one pass, handing each frame to {@code visitor}.
     *
     * @throws CaptureException when the file cannot be read or is no capture; damage after a
     *                          valid header becomes a {@link CaptureWarning} instead
     */
    public static CaptureFile read(Path path, FrameVisitor visitor, ReadProgress progress)
            throws CaptureException {
        return read(path, visitor, progress, true);
    }

    /**
     * As above; with {@code keepIndex} false the frames are only counted (a streaming pass: memory
     * does not grow with the capture, and frames cannot be read back afterwards).
     */
    public static CaptureFile read(Path path, FrameVisitor visitor, ReadProgress progress, boolean keepIndex)
            throws CaptureException {
        Path dataPath = path;
        boolean gzip = false;
        List<CaptureWarning> warnings = new ArrayList<>();
        try {
            if (!Files.isRegularFile(path)) {
                throw new CaptureException(path + ": " + notAFile(path));
            }
            InflatingTempFile inflating = null;
            if (isGzip(path)) {
                gzip = true;
                dataPath = Files.createTempFile("ftpscope-", ".capture");
                dataPath.toFile().deleteOnExit();
                try {
                    inflating = new InflatingTempFile(path, dataPath, warnings);
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(dataPath);
                    throw e;
                }
            }
            FileChannel ch = FileChannel.open(dataPath, StandardOpenOption.READ);
            try (InflatingTempFile inf = inflating) {
                FileWindow window = new FileWindow(ch, inf);
                FrameIndex index = keepIndex ? new FrameIndex() : FrameIndex.countingOnly();
                List<CaptureInterface> ifaces = new ArrayList<>();
                CaptureFormat format = RecordParser.parse(path.toString(), window, index, ifaces, warnings,
                        visitor, progress);
                index.trim();
                index.setInterfaces(ifaces);
                return new CaptureFile(path, dataPath, gzip, format, index, ifaces, warnings, ch);
            } catch (CaptureException | IOException | RuntimeException e) {
                ch.close();
                if (gzip) Files.deleteIfExists(dataPath);
                throw e;
            }
        } catch (IOException e) {
            throw new CaptureException(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** What a path that is not a regular file is, for the refusal: "no such file", "a directory" … */
    static String notAFile(Path path) {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return "no such file";
        if (!Files.exists(path)) return "a symbolic link to a missing file";
        if (Files.isDirectory(path)) return "a directory, not a capture file";
        try {
            Object type = Files.getAttribute(path, "unix:mode");
            int fmt = ((Integer) type) & 0170000;
            if (fmt == 0010000) return "a named pipe (FIFO), not a capture file: save the capture to a file first";
            if (fmt == 0020000) return "a character device, not a capture file";
            if (fmt == 0060000) return "a block device, not a capture file";
            if (fmt == 0140000) return "a socket, not a capture file";
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // no unix attributes here: fall through
        }
        return "not a regular file";
    }

    private static boolean isGzip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    public Path path() { return path; }

    public boolean compressed() { return gzip; }

    public CaptureFormat format() { return format; }

    /** The format as shown to users, e.g. {@code pcapng} or {@code pcap.gz}. */
    public String formatLabel() { return format.label() + (gzip ? ".gz" : ""); }

    public FrameIndex index() { return index; }

    public int frameCount() { return index.size(); }

    public List<CaptureInterface> interfaces() { return interfaces; }

    public List<CaptureWarning> warnings() { return warnings; }

    /** A warning about the file found after reading it (by the pass that read it), shown with the others. */
    public void addWarning(CaptureWarning w) { allWarnings.add(w); }
    /** Adds warnings found after reading: the limits the analysis reached (they reach every view). */
    public void addWarnings(java.util.Collection<CaptureWarning> more) { allWarnings.addAll(more); }

    /** The captured bytes of frame {@code frame} (1-based), read from the file. */
    public byte[] readFrame(int frame) throws IOException {
        byte[] out = new byte[index.capturedLength(frame)];
        readFrame(frame, out, 0);
        return out;
    }

    /** Reads frame {@code frame}'s captured bytes into {@code dst[off..]}; returns their length. */
    public int readFrame(int frame, byte[] dst, int off) throws IOException {
        int len = index.capturedLength(frame);
        ByteBuffer bb = ByteBuffer.wrap(dst, off, len);
        long pos = index.dataOffset(frame);
        while (bb.hasRemaining()) {
            int r = channel.read(bb, pos + bb.position() - off);
            if (r < 0) throw new IOException(path + ": file ended inside frame " + frame);
        }
        return len;
    }

    /**
     * Visits frames {@code from..to} (1-based, inclusive) in file order, reading the file in large
     * sequential windows instead of one positioned read per frame. Several scans may run at once
     * on different threads, each with its own window.
     */
    public void scan(int from, int to, FrameVisitor visitor) throws IOException {
        FileWindow window = new FileWindow(channel);
        for (int f = Math.max(1, from), end = Math.min(to, index.size()); f <= end; f++) {
            int len = index.capturedLength(f);
            int at = window.ensure(index.dataOffset(f), len);
            if (at < 0) throw new IOException(path + ": file ended inside frame " + f);
            visitor.frame(f, index.timestampNanos(f), index.linkType(f), index.originalLength(f), window.array(), at, len);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
        if (gzip) Files.deleteIfExists(dataPath);
    }
}

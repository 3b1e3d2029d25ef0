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
    /** The same list, writable: the analysis adds what it finds about the file as a whole (copied frames). */
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
        this.allWarnings = warnings;
        this.warnings = Collections.unmodifiableList(warnings);
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
        Path dataPath = path;
        boolean gzip = false;
        List<CaptureWarning> warnings = new ArrayList<>();
        try {
            if (!Files.isRegularFile(path)) {
                throw new CaptureException(path + ": no such file");
            }
            if (isGzip(path)) {
                gzip = true;
                dataPath = gunzipToTemp(path, warnings);
            }
            FileChannel ch = FileChannel.open(dataPath, StandardOpenOption.READ);
            try {
                FileWindow window = new FileWindow(ch);
                FrameIndex index = new FrameIndex();
                List<CaptureInterface> ifaces = new ArrayList<>();
                CaptureFormat format = RecordParser.parse(path.toString(), window, index, ifaces, warnings,
                        visitor, progress);
                index.trim();
                index.setLinkTypes(ifaces.stream().mapToInt(CaptureInterface::linkType).toArray());
                return new CaptureFile(path, dataPath, gzip, format, index, ifaces, warnings, ch);
            } catch (CaptureException | RuntimeException e) {
                ch.close();
                if (gzip) Files.deleteIfExists(dataPath);
                throw e;
            }
        } catch (IOException e) {
            throw new CaptureException(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static boolean isGzip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** Frames need random access, so a compressed capture is inflated once to a private temp file. */
    private static Path gunzipToTemp(Path path, List<CaptureWarning> warnings) throws IOException {
        Path tmp = Files.createTempFile("ftpscope-", ".capture");
        tmp.toFile().deleteOnExit();
        long written = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path), 1 << 16);
             OutputStream out = Files.newOutputStream(tmp)) {
            byte[] b = new byte[1 << 16];
            try {
                for (int n; (n = in.read(b)) > 0; ) {
                    out.write(b, 0, n);
                    written += n;
                }
            } catch (IOException e) {
                // A cut or corrupted gzip stream: keep everything inflated before the damage.
                warnings.add(new CaptureWarning(0, written,
                        "gzip stream damaged after " + written + " decompressed bytes (" + e.getMessage() + ")"));
            }
        }
        return tmp;
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

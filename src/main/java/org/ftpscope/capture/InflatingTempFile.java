package org.ftpscope.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A gzip-compressed capture inflated into a private temp file only as far as the reader has got
 * (frames need random access later, so the bytes are kept on disk, not on the heap). Reading that
 * stops early — a limit, damage — leaves the rest compressed, and the temp file never grows past
 * {@link Limit#INFLATED_BYTES}: a 10 MB gzip bomb costs what the reader actually used.
 */
final class InflatingTempFile implements AutoCloseable {
    /** Inflated ahead of the reader in steps this large, so its window fills in one go. */
    private static final int STEP = 4 << 20;

    private final Path source;
    private final Path tmp;
    private final InputStream in;
    private final FileChannel out;
    private final List<CaptureWarning> warnings;
    private final long max = Limit.INFLATED_BYTES.value();
    private final byte[] buf = new byte[1 << 16];
    private long written;
    private boolean complete;

    InflatingTempFile(Path source, Path tmp, List<CaptureWarning> warnings) throws IOException {
        this.source = source;
        this.tmp = tmp;
        this.warnings = warnings;
        this.in = new GZIPInputStream(Files.newInputStream(source), 1 << 16);
        this.out = FileChannel.open(tmp, StandardOpenOption.WRITE);
    }

    /** Bytes inflated so far. */
    long size() { return written; }

    /** True once the whole stream is inflated (or its damage or the limit reached): {@link #size()} is final. */
    boolean complete() { return complete; }

    /** Inflates until at least {@code target} bytes are in the temp file, or the stream ends. */
    void fillTo(long target) throws IOException {
        long goal = Math.max(target, written + STEP);
        while (!complete && written < goal) {
            int n;
            try {
                n = in.read(buf, 0, (int) Math.min(buf.length, max - written + 1));
            } catch (IOException e) {
                // A cut or corrupted gzip stream: keep everything inflated before the damage.
                warnings.add(new CaptureWarning(0, written,
                        "gzip stream damaged after " + written + " decompressed bytes (" + e.getMessage() + ")"));
                finish();
                return;
            }
            if (n <= 0) {
                finish();
                return;
            }
            boolean over = written + n > max;
            if (over) n = (int) (max - written);
            write(n);
            if (over) {
                warnings.add(new CaptureWarning(0, max, "the compressed capture inflates to more than " + max
                        + " bytes; only those were read (decompress it with gunzip and open the result to read all"
                        + " of it)", Limit.INFLATED_BYTES));
                finish();
                return;
            }
        }
    }

    private void write(int n) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
        try {
            while (b.hasRemaining()) out.write(b, written + b.position());
        } catch (IOException e) {
            throw new IOException("cannot inflate " + source.getFileName() + " into the temp folder " + tmp.getParent()
                    + " after " + written + " bytes: " + e.getMessage()
                    + " (free space there, or run java with -Djava.io.tmpdir=a folder with room)", e);
        }
        written += n;
    }

    private void finish() throws IOException {
        complete = true;
        close();
    }

    @Override
    public void close() throws IOException {
        try {
            in.close();
        } finally {
            out.close();
        }
    }
}

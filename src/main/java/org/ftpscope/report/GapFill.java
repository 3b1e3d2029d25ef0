package org.ftpscope.report;

import org.ftpscope.capture.Limit;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Zeros for the holes of extracted files, so every byte the capture holds lands at its offset in
 * the file (as Zeek's extractor does) instead of the bytes after a hole moving up to close it.
 * One budget per extraction, {@link Limit#GAP_FILL_BYTES}: a hostile capture's holes of gigabytes
 * must not become gigabytes on disk. Past it, holes are left out, and the file says how many bytes.
 */
public final class GapFill {
    private static final byte[] ZEROS = new byte[1 << 16];
    private long left;
    private boolean exhausted;

    public GapFill() { this(Limit.GAP_FILL_BYTES.value()); }

    GapFill(long budget) { this.left = budget; }

    /**
     * Writes {@code length} zero bytes to {@code out} if the budget still holds them.
     *
     * @return whether the hole was filled (false: left out, the bytes after it move up)
     */
    boolean fill(OutputStream out, long length) throws IOException {
        if (length <= 0) return true;
        if (length > left) {
            exhausted = true;
            return false;
        }
        left -= length;
        for (long n = length; n > 0; ) {
            int k = (int) Math.min(n, ZEROS.length);
            out.write(ZEROS, 0, k);
            n -= k;
        }
        return true;
    }

    /** Whether a hole was left out because the budget did not hold it. */
    public boolean exhausted() { return exhausted; }
}

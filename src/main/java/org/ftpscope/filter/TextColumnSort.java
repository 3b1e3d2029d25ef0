package org.ftpscope.filter;

import org.ftpscope.capture.CaptureFile;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Sorts frames by a text column such as Info in bounded memory. Holding every frame's Info string
 * costs about 230 bytes a frame (most hold a non-Latin-1 arrow, so two bytes a character): at a
 * million frames the app ran out of a 256 MB heap. Instead the sort works in rounds; each reads
 * the capture once and keeps only the next {@link #BYTES_PER_ROUND} bytes of the frames that are
 * still tied, and sorts within the tied groups. The bytes are each UTF-16 unit written as UTF-8
 * writes a code point of that value (1–3 bytes, a surrogate on its own): that byte order is the
 * order of the units, so the result is the order of {@link String#compareTo} on the whole text,
 * ties in capture order (in either direction), at one byte for most of an Info text's characters.
 * The keys are kept in chunks that are no large objects for the collector (a 256 MB heap could
 * not find 38 MB in one piece after a big capture's load).
 */
public final class TextColumnSort {
    /** The column's text of a frame, computed from its captured bytes. */
    @FunctionalInterface
    public interface Text {
        String of(int frame, byte[] buf, int off, int cap);
    }

    static final int LONGS_PER_ROUND = 2;
    static final int BYTES_PER_ROUND = LONGS_PER_ROUND * 8;
    /** Longs per chunk of the keys: 256 KiB, under G1's large-object size at any heap. */
    private static final int CHUNK_SHIFT = 15;
    private static final int CHUNK_MASK = (1 << CHUNK_SHIFT) - 1;

    private TextColumnSort() {}

    /** Frames ordered by their text; {@code frames} is not changed. */
    public static int[] sort(CaptureFile capture, int[] frames, Text text, boolean descending,
                             BooleanSupplier cancelled) throws IOException {
        return sort(capture, frames, text, descending, cancelled, LONGS_PER_ROUND);
    }

    static int[] sort(CaptureFile capture, int[] frames, Text text, boolean descending, BooleanSupplier cancelled,
                      int longsPerRound) throws IOException {
        int n = frames.length;
        int[] order = frames.clone();
        Arrays.sort(order); // ties stay in capture order
        if (n < 2) return order;
        int width = longsPerRound;
        int bytesPerRound = width * 8;
        // Groups of positions in `order` still tied: [groupStart[i], groupEnd[i]).
        int[] groupStart = {0};
        int[] groupEnd = {n};
        int groups = 1;
        int[] position = new int[capture.frameCount() + 2];
        long[][] keys = new long[(int) (((long) n * width + CHUNK_MASK) >>> CHUNK_SHIFT)][];
        for (int i = 0; i < keys.length; i++) keys[i] = new long[1 << CHUNK_SHIFT];
        short[] remaining = new short[n];
        int[] scratch = new int[n];
        int[] tmp = new int[n];
        long[] key = new long[width];
        for (int round = 0; groups > 0; round++) {
            int byteOffset = round * bytesPerRound;
            Arrays.fill(position, 0);
            int lo = Integer.MAX_VALUE, hi = 0;
            for (int g = 0; g < groups; g++) {
                for (int p = groupStart[g]; p < groupEnd[g]; p++) {
                    int f = order[p];
                    position[f] = p + 1;
                    lo = Math.min(lo, f);
                    hi = Math.max(hi, f);
                }
            }
            capture.scan(lo, hi, (f, ts, link, orig, buf, off, cap) -> {
                int p = position[f] - 1;
                if (p < 0) return;
                if (cancelled.getAsBoolean()) throw new CancellationException("sort cancelled");
                String s = text.of(f, buf, off, cap);
                int total = encode(s, byteOffset, bytesPerRound, key);
                for (int w = 0; w < width; w++) {
                    int i = p * width + w;
                    keys[i >>> CHUNK_SHIFT][i & CHUNK_MASK] = key[w];
                }
                remaining[p] = (short) Math.max(-1, Math.min(total - byteOffset, Short.MAX_VALUE));
            });
            int[] nextStart = new int[Math.max(1, groups)];
            int[] nextEnd = new int[Math.max(1, groups)];
            int next = 0;
            for (int g = 0; g < groups; g++) {
                int start = groupStart[g], end = groupEnd[g], m = end - start;
                for (int i = 0; i < m; i++) scratch[i] = start + i;
                mergeSort(scratch, tmp, 0, m, (a, b) -> {
                    int c = compareKeys(keys, remaining, width, bytesPerRound, a, b);
                    if (descending) c = -c;
                    return c != 0 ? c : Integer.compare(order[a], order[b]);
                });
                // Runs still equal over this round's characters, with text beyond them, go on.
                for (int i = 0; i < m; ) {
                    int j = i + 1;
                    while (j < m && compareKeys(keys, remaining, width, bytesPerRound, scratch[i], scratch[j]) == 0) j++;
                    if (j - i > 1 && remaining[scratch[i]] > bytesPerRound) {
                        if (next == nextStart.length) {
                            nextStart = Arrays.copyOf(nextStart, next * 2);
                            nextEnd = Arrays.copyOf(nextEnd, next * 2);
                        }
                        nextStart[next] = start + i;
                        nextEnd[next++] = start + j;
                    }
                    i = j;
                }
                for (int i = 0; i < m; i++) tmp[i] = order[scratch[i]];
                System.arraycopy(tmp, 0, order, start, m);
            }
            groupStart = nextStart;
            groupEnd = nextEnd;
            groups = next;
        }
        return order;
    }

    /**
     * Writes bytes {@code [from, from + 8 * key.length)} of the text's encoding into {@code key},
     * big-endian, zeros past its end; returns the encoding's whole length (at most 3 a unit).
     */
    static int encode(String s, int from, int bytes, long[] key) {
        Arrays.fill(key, 0);
        if (s == null) return 0;
        int at = 0, end = from + bytes;
        for (int i = 0, len = s.length(); i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                at = put(key, from, end, at, c);
            } else if (c < 0x800) {
                at = put(key, from, end, at, 0xC0 | c >> 6);
                at = put(key, from, end, at, 0x80 | c & 0x3F);
            } else {
                at = put(key, from, end, at, 0xE0 | c >> 12);
                at = put(key, from, end, at, 0x80 | c >> 6 & 0x3F);
                at = put(key, from, end, at, 0x80 | c & 0x3F);
            }
            if (at >= end) {
                // The rest only counts for the length, which matters only when it is more than a round.
                long rest = at;
                for (int j = i + 1; j < len; j++) rest += s.charAt(j) < 0x80 ? 1 : s.charAt(j) < 0x800 ? 2 : 3;
                return (int) Math.min(rest, Integer.MAX_VALUE);
            }
        }
        return at;
    }

    private static int put(long[] key, int from, int end, int at, int b) {
        if (at >= from && at < end) {
            int k = at - from;
            key[k >> 3] |= (long) b << (56 - 8 * (k & 7));
        }
        return at + 1;
    }

    /** This round's bytes, then (when both texts end in it) the lengths; 0 if still tied. */
    private static int compareKeys(long[][] keys, short[] remaining, int width, int bytesPerRound, int a, int b) {
        for (int w = 0; w < width; w++) {
            int ia = a * width + w, ib = b * width + w;
            int c = Long.compareUnsigned(keys[ia >>> CHUNK_SHIFT][ia & CHUNK_MASK], keys[ib >>> CHUNK_SHIFT][ib & CHUNK_MASK]);
            if (c != 0) return c;
        }
        int ra = Math.min(remaining[a], bytesPerRound + 1), rb = Math.min(remaining[b], bytesPerRound + 1);
        return Integer.compare(ra, rb);
    }

    @FunctionalInterface
    private interface IntComparator {
        int compare(int a, int b);
    }

    /** Stable merge sort of {@code a[from, to)}. */
    private static void mergeSort(int[] a, int[] tmp, int from, int to, IntComparator cmp) {
        if (to - from < 16) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i], j = i - 1;
                while (j >= from && cmp.compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, cmp);
        mergeSort(a, tmp, mid, to, cmp);
        if (cmp.compare(a[mid - 1], a[mid]) <= 0) return;
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from, j = mid, k = from;
        while (i < mid && j < to) a[k++] = cmp.compare(tmp[j], tmp[i]) < 0 ? tmp[j++] : tmp[i++];
        while (i < mid) a[k++] = tmp[i++];
        while (j < to) a[k++] = tmp[j++];
    }
}

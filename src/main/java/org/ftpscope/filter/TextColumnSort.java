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
 * the capture once and keeps only the next {@link #CHARS_PER_ROUND} characters of the frames that
 * are still tied, packed into longs, and sorts within the tied groups. The result is the order of
 * {@link String#compareTo} on the whole text, ties in capture order (in either direction).
 */
public final class TextColumnSort {
    /** The column's text of a frame, computed from its captured bytes. */
    @FunctionalInterface
    public interface Text {
        String of(int frame, byte[] buf, int off, int cap);
    }

    static final int LONGS_PER_ROUND = 4;
    static final int CHARS_PER_ROUND = LONGS_PER_ROUND * 4;

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
        int charsPerRound = width * 4;
        // Groups of positions in `order` still tied: [groupStart[i], groupEnd[i]).
        int[] groupStart = {0};
        int[] groupEnd = {n};
        int groups = 1;
        int[] position = new int[capture.frameCount() + 2];
        long[] keys = new long[n * width];
        short[] remaining = new short[n];
        int[] scratch = new int[n];
        int[] tmp = new int[n];
        for (int round = 0; groups > 0; round++) {
            int charOffset = round * charsPerRound;
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
                int len = s == null ? 0 : s.length();
                for (int w = 0; w < width; w++) {
                    long k = 0;
                    for (int c = 0; c < 4; c++) {
                        int i = charOffset + w * 4 + c;
                        k = k << 16 | (i < len ? s.charAt(i) : 0);
                    }
                    keys[p * width + w] = k;
                }
                remaining[p] = (short) Math.max(-1, Math.min(len - charOffset, Short.MAX_VALUE));
            });
            int[] nextStart = new int[Math.max(1, groups)];
            int[] nextEnd = new int[Math.max(1, groups)];
            int next = 0;
            for (int g = 0; g < groups; g++) {
                int start = groupStart[g], end = groupEnd[g], m = end - start;
                for (int i = 0; i < m; i++) scratch[i] = start + i;
                mergeSort(scratch, tmp, 0, m, (a, b) -> {
                    int c = compareKeys(keys, remaining, width, charsPerRound, a, b);
                    if (descending) c = -c;
                    return c != 0 ? c : Integer.compare(order[a], order[b]);
                });
                // Runs still equal over this round's characters, with text beyond them, go on.
                for (int i = 0; i < m; ) {
                    int j = i + 1;
                    while (j < m && compareKeys(keys, remaining, width, charsPerRound, scratch[i], scratch[j]) == 0) j++;
                    if (j - i > 1 && remaining[scratch[i]] > charsPerRound) {
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

    /** This round's characters, then (when both texts end in it) the lengths; 0 if still tied. */
    private static int compareKeys(long[] keys, short[] remaining, int width, int charsPerRound, int a, int b) {
        for (int w = 0; w < width; w++) {
            int c = Long.compareUnsigned(keys[a * width + w], keys[b * width + w]);
            if (c != 0) return c;
        }
        int ra = Math.min(remaining[a], charsPerRound + 1), rb = Math.min(remaining[b], charsPerRound + 1);
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

package org.ftpscope.present;

/**
 * The {@code max + 1} smallest of a stream of keys, in a max-heap of that size, and how many keys
 * were offered: where the first {@code max} end and what the first key past them is, in memory
 * bounded by {@code max} however many keys there are (a session can have millions of lines).
 */
final class SmallestKeys {
    private final long[] heap;
    private int size;
    private int total;

    SmallestKeys(int max) {
        if (max < 0 || max == Integer.MAX_VALUE) throw new IllegalArgumentException("max " + max);
        heap = new long[max + 1];
    }

    void offer(long key) {
        total++;
        if (size < heap.length) {
            int i = size++;
            heap[i] = key;
            while (i > 0 && heap[(i - 1) / 2] < heap[i]) {
                swap(i, (i - 1) / 2);
                i = (i - 1) / 2;
            }
        } else if (key < heap[0]) {
            heap[0] = key;
            int i = 0;
            for (int big; (big = bigger(i)) != i; i = big) swap(i, big);
        }
    }

    /** Keys offered. */
    int total() { return total; }

    /** Whether more than {@code max} keys were offered. */
    boolean cut() { return total > heap.length - 1; }

    /** The first key past the first {@code max} (only when {@link #cut()}). */
    long firstLeftOut() { return heap[0]; }

    /** The largest of the first {@code max} keys: {@link Long#MAX_VALUE} when none was cut, {@link Long#MIN_VALUE} for none kept. */
    long lastKept() {
        if (!cut()) return Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        // The children of the root are the largest keys below it.
        if (size > 1) last = heap[1];
        if (size > 2) last = Math.max(last, heap[2]);
        return last;
    }

    private int bigger(int i) {
        int l = 2 * i + 1, r = l + 1, big = i;
        if (l < size && heap[l] > heap[big]) big = l;
        if (r < size && heap[r] > heap[big]) big = r;
        return big;
    }

    private void swap(int a, int b) {
        long t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
    }
}

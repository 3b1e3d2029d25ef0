package org.ftpscope.present;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The first items of a session's view (story lines, ladder arrows) in frame order, ties in the
 * order they were enumerated, as a stable sort of all of them would give; only the kept items
 * are built. A session can hold hundreds of thousands of lines; a report lists a bounded number
 * of them and says how many were left out.
 *
 * @param items             the first {@code max} items, in frame order
 * @param total             how many items there are in all
 * @param firstFrameLeftOut the frame of the first item left out, or 0 when none was
 */
public record FirstByFrame<T>(List<T> items, int total, int firstFrameLeftOut) {
    public FirstByFrame {
        items = List.copyOf(items);
    }

    /** Items not listed. */
    public int leftOut() { return total - items.size(); }

    /** Receives each item: its frame, and how to build it (called only for items kept). */
    interface Sink<T> {
        void add(int frame, Supplier<T> item);
    }

    /** Enumerates all items, the same ones in the same order on every call. */
    interface Items<T> {
        void each(Sink<T> sink);
    }

    /** The first {@code max} items ({@link Integer#MAX_VALUE}: all, in one pass). */
    static <T> FirstByFrame<T> of(Items<T> all, int max) {
        if (max == Integer.MAX_VALUE) {
            List<T> every = sorted(all, Long.MAX_VALUE);
            return new FirstByFrame<>(every, every.size(), 0);
        }
        // First pass: only the max + 1 smallest (frame, position) keys, to find where the first max end.
        SmallestKeys k = keys(all, max);
        return new FirstByFrame<>(sorted(all, k.lastKept()), k.total(), k.cut() ? frame(k.firstLeftOut()) : 0);
    }

    /** How many items there are and where the first {@code max} would end, without building any. */
    public record Extent(int total, int kept, int firstFrameLeftOut) {
        public int leftOut() { return total - kept; }
    }

    static <T> Extent extent(Items<T> all, int max) {
        if (max == Integer.MAX_VALUE) {
            int[] n = {0};
            all.each((frame, item) -> n[0]++);
            return new Extent(n[0], n[0], 0);
        }
        SmallestKeys k = keys(all, max);
        return k.cut() ? new Extent(k.total(), max, frame(k.firstLeftOut())) : new Extent(k.total(), k.total(), 0);
    }

    private static <T> SmallestKeys keys(Items<T> all, int max) {
        SmallestKeys k = new SmallestKeys(max);
        int[] n = {0};
        all.each((frame, item) -> k.offer(key(frame, n[0]++)));
        return k;
    }

    /** Frame in the high half, position in the low: sorting keys is a stable sort by frame. */
    static long key(int frame, int position) { return (long) frame << 32 | position; }

    static int frame(long key) { return (int) (key >> 32); }

    private record Entry<T>(int frame, T item) {}

    /** The items whose key is at most {@code last}, built, in frame order (a stable sort: ties stay in position order). */
    private static <T> List<T> sorted(Items<T> all, long last) {
        List<Entry<T>> kept = new ArrayList<>();
        int[] position = {0};
        all.each((frame, item) -> {
            if (key(frame, position[0]++) <= last) kept.add(new Entry<>(frame, item.get()));
        });
        kept.sort(Comparator.comparingInt(Entry::frame));
        List<T> out = new ArrayList<>(kept.size());
        for (Entry<T> e : kept) out.add(e.item());
        return out;
    }
}

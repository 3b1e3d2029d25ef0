package org.ftpscope.ui;

import javafx.collections.ObservableListBase;


/**
 * The frame table's rows as a primitive array of frame numbers: a million rows cost 4 MB, and
 * filtering or sorting replaces the array in one change instead of a million list events.
 */
final class FrameList extends ObservableListBase<Integer> {
    private int[] frames = new int[0];

    void setAll(int[] newFrames) {
        int[] old = frames;
        frames = newFrames;
        if (old.length > 0 && newFrames.length > old.length
                && java.util.Arrays.mismatch(old, 0, old.length, newFrames, 0, old.length) < 0) {
            // Rows appended (frames arriving while a capture is read): one small change, the table keeps its cells.
            beginChange();
            nextAdd(old.length, newFrames.length);
            endChange();
            return;
        }
        beginChange();
        if (old.length > 0) nextRemove(0, new java.util.AbstractList<Integer>() {
            @Override public Integer get(int i) { return old[i]; }

            @Override public int size() { return old.length; }
        });
        if (newFrames.length > 0) nextAdd(0, newFrames.length);
        endChange();
    }

    /** All frames 1..n in capture order. */
    static int[] range(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i + 1;
        return a;
    }

    /**
     * The row showing this frame, or -1. Overrides the boxing scan of {@code AbstractList}: the
     * table's selection and focus models look up the selected frame whenever the rows change, a
     * linear scan of a million rows on the FX thread.
     */
    @Override
    public int indexOf(Object o) {
        if (!(o instanceof Integer frame)) return -1;
        int f = frame;
        for (int i = 0; i < frames.length; i++) if (frames[i] == f) return i;
        return -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        if (!(o instanceof Integer frame)) return -1;
        int f = frame;
        for (int i = frames.length - 1; i >= 0; i--) if (frames[i] == f) return i;
        return -1;
    }

    @Override
    public boolean contains(Object o) { return indexOf(o) >= 0; }

    @Override
    public Integer get(int index) { return frames[index]; }

    @Override
    public int size() { return frames.length; }
}

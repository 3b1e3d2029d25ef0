package org.ftpscope.ui;

import org.ftpscope.decode.FrameSummary;
import org.ftpscope.ftp.FrameViews;

import java.util.LinkedHashMap;
import java.util.Map;

/** Rows' strings are made when drawn; the few hundred visible ones are kept. */
final class SummaryCache {
    private static final int MAX = 2048;
    private final java.util.function.IntFunction<FrameSummary> source;
    private final Map<Integer, FrameSummary> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, FrameSummary> e) { return size() > MAX; }
    };

    SummaryCache(FrameViews views) { this.source = views::summary; }

    /** Rows of frames still being read: summaries made by the loader, before the analysis ends. */
    SummaryCache(java.util.function.IntFunction<FrameSummary> source) { this.source = source; }

    FrameSummary get(int frame) { return cache.computeIfAbsent(frame, source::apply); }
}

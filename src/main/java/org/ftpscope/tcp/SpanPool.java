package org.ftpscope.tcp;

import java.util.Arrays;

/**
 * The spans of every stream of one capture, in pages of {@link #PAGE_SPANS} (frame, offset,
 * length) triples inside shared chunks of just under 1 MiB: large enough to be allocated outside
 * the young generation, so collections during loading do not copy spans (growing one array per
 * stream direction did; see docs/performance.md). A page wastes at most 31 spans of a stream's
 * last page: under 400 bytes per stream direction.
 */
final class SpanPool {
    static final int PAGE_SPANS = 32;
    static final int PAGE_SHIFT = 5;
    private static final int PAGE_INTS = 3 * PAGE_SPANS;
    static final int PAGES_PER_CHUNK = ((1 << 20) - 16) / 4 / PAGE_INTS;

    private final int pagesPerChunk;
    private int[][] chunks = new int[16][];
    private int pages;

    SpanPool() { this(PAGES_PER_CHUNK); }

    /** With smaller chunks, for tests that cross chunk boundaries on small captures. */
    SpanPool(int pagesPerChunk) { this.pagesPerChunk = pagesPerChunk; }

    /** A new page's number. */
    int newPage() {
        int c = pages / pagesPerChunk;
        if (c == chunks.length) chunks = Arrays.copyOf(chunks, c * 2);
        if (chunks[c] == null) chunks[c] = new int[pagesPerChunk * PAGE_INTS];
        return pages++;
    }

    /** The chunk holding a page. */
    int[] chunk(int page) { return chunks[page / pagesPerChunk]; }

    /** Where span {@code i} of a page (0 to {@link #PAGE_SPANS} - 1) starts in its chunk. */
    int at(int page, int i) { return (page % pagesPerChunk) * PAGE_INTS + 3 * i; }

    /** Pages handed out. */
    int pages() { return pages; }
}

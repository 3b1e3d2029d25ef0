package org.ftpscope.filter;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.present.FrameViews;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The bounded-memory Info sort against the obvious one (every Info string in memory, sorted with
 * String.compareTo, ties by frame number) on a real capture whose Info texts share long prefixes
 * (thousands of "port → port [ACK] Seq=… Ack=…" lines), so the sort needs several rounds.
 */
class TextColumnSortTest {
    private static Analysis lossy;
    private static FrameViews views;
    private static String[] info;

    @BeforeAll
    static void load() throws Exception {
        lossy = Analyzer.analyze(TestCaptures.sample("lossy-transfers.pcap"));
        views = new FrameViews(lossy);
        info = new String[lossy.capture().frameCount() + 1];
        for (int f = 1; f < info.length; f++) info[f] = views.summary(f).info();
    }

    @AfterAll
    static void close() throws Exception {
        lossy.close();
    }

    private static int[] expected(int[] frames, boolean descending) {
        Comparator<Integer> byText = Comparator.comparing(f -> info[f]);
        if (descending) byText = byText.reversed();
        return Arrays.stream(frames).boxed().sorted(byText.thenComparing(Comparator.naturalOrder()))
                .mapToInt(Integer::intValue).toArray();
    }

    private static int[] sorted(int[] frames, boolean descending, int longsPerRound) throws Exception {
        return TextColumnSort.sort(lossy.capture(), frames, (f, buf, off, cap) -> views.summary(f, buf, off, cap).info(),
                descending, () -> false, longsPerRound);
    }

    @ParameterizedTest(name = "{0} longs per round")
    @ValueSource(ints = {1, 2, TextColumnSort.LONGS_PER_ROUND})
    void allFramesInStringOrder(int longsPerRound) throws Exception {
        int[] all = IntStream.rangeClosed(1, lossy.capture().frameCount()).toArray();
        assertEquals(1159, all.length);
        int[] asc = sorted(all, false, longsPerRound);
        assertArrayEquals(expected(all, false), asc);
        assertArrayEquals(expected(all, true), sorted(all, true, longsPerRound));
    }

    @Test
    void aFilteredSubsetInAnyOrder() throws Exception {
        // Every third frame, given newest first, as a display filter and an earlier sort could leave them.
        int[] subset = IntStream.iterate(lossy.capture().frameCount(), f -> f > 0, f -> f - 3).toArray();
        assertArrayEquals(expected(subset, false), sorted(subset, false, 1));
        assertArrayEquals(expected(subset, true), sorted(subset, true, 3));
    }

    @Test
    void firstAndLastOfTheOrder() throws Exception {
        int[] asc = TextColumnSort.sort(lossy.capture(), IntStream.rangeClosed(1, 1159).toArray(),
                (f, buf, off, cap) -> views.summary(f, buf, off, cap).info(), false, () -> false);
        assertEquals(2, asc[0]);
        assertEquals("198.51.100.21 is at ba:d2:0d:22:68:f0", info[asc[0]]);
        assertEquals(261, asc[asc.length - 1]);
        assertEquals("[TCP Window Update] 54204 → 40036 [ACK] Seq=1 Ack=89777 Win=193536 Len=0 TSval=3926049619 "
                + "TSecr=3249046673 SLE=91225 SRE=105705 SLE=111497 SRE=112945", info[asc[asc.length - 1]]);
    }

    @Test
    void cancels() {
        int[] all = IntStream.rangeClosed(1, lossy.capture().frameCount()).toArray();
        assertThrows(CancellationException.class, () -> TextColumnSort.sort(lossy.capture(), all,
                (f, buf, off, cap) -> views.summary(f, buf, off, cap).info(), false, () -> true));
    }
}

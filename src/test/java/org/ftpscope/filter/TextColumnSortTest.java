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
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    @ValueSource(ints = {1, 3, TextColumnSort.LONGS_PER_ROUND})
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

    /**
     * Texts whose bytes are not ASCII, in the app's order of String.compareTo (UTF-16 units): an
     * arrow (3 bytes), Latin-1 (2), a surrogate pair against U+E000 and U+FFFF (compareTo puts the
     * pair first, code-point order would not), U+0000 against the end of a text, and texts equal
     * for several rounds of one long.
     */
    @Test
    void textsBeyondAsciiInTheOrderOfCompareTo() throws Exception {
        String[] pool = {"a → b", "a → a", "a ← b", "é", "e", "\uD83D\uDE00", "\uE000", "\uFFFF", "a", "a\u0000", "a\u0000b", "",
                "ARP ", "ARP", "x".repeat(40) + "é", "x".repeat(40) + "e", "x".repeat(40), "x".repeat(41), "\u07FF", "\u0800",
                "\u007F", "\u0080", "Ä", "\uD800", "\uDBFF\uDFFF"};
        int frames = lossy.capture().frameCount();
        String[] text = new String[frames + 1];
        for (int f = 1; f <= frames; f++) text[f] = pool[(f * 7) % pool.length];
        int[] all = IntStream.rangeClosed(1, frames).toArray();
        for (int width : new int[] {1, 2}) {
            for (boolean descending : new boolean[] {false, true}) {
                Comparator<Integer> byText = Comparator.comparing(f -> text[f]);
                if (descending) byText = byText.reversed();
                int[] expected = Arrays.stream(all).boxed().sorted(byText.thenComparing(Comparator.naturalOrder()))
                        .mapToInt(Integer::intValue).toArray();
                assertArrayEquals(expected, TextColumnSort.sort(lossy.capture(), all, (f, buf, off, cap) -> text[f], descending,
                        () -> false, width), width + " longs, descending " + descending);
            }
        }
        // compareTo puts the surrogate pair (a smiley) before U+E000; the order of code points would not.
        List<String> asc = Arrays.stream(TextColumnSort.sort(lossy.capture(), all, (f, buf, off, cap) -> text[f], false, () -> false))
                .mapToObj(f -> text[f]).distinct().toList();
        assertTrue(asc.indexOf("\uD83D\uDE00") < asc.indexOf("\uE000"), asc.toString());
        assertEquals(List.of("", "ARP", "ARP ", "a", "a\u0000", "a\u0000b", "a ← b", "a → a", "a → b"), asc.subList(0, 9),
                "the end of a text before U+0000, U+0000 before any character, ← (U+2190) before → (U+2192)");
    }

    @Test
    void encodingKeepsTheOrderOfTheUnits() {
        long[] k = new long[1];
        assertEquals(5, TextColumnSort.encode("é→", 0, 8, k));
        assertEquals(0xC3A9E28692L << 24, k[0], "é is C3 A9, → is E2 86 92, big-endian from the top byte");
        assertEquals(7, TextColumnSort.encode("é→ab", 0, 2, k), "the whole length, though only 2 bytes were asked for");
        assertEquals(0xC3A9L << 48, k[0]);
        assertEquals(5, TextColumnSort.encode("é→", 3, 8, k));
        assertEquals(0x86_92L << 48, k[0], "bytes 3 and 4 of the text's encoding");
    }

    @Test
    void cancels() {
        int[] all = IntStream.rangeClosed(1, lossy.capture().frameCount()).toArray();
        assertThrows(CancellationException.class, () -> TextColumnSort.sort(lossy.capture(), all,
                (f, buf, off, cap) -> views.summary(f, buf, off, cap).info(), false, () -> true));
    }
}

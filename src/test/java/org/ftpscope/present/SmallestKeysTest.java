package org.ftpscope.present;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bounded selection against a sort of every key, on seeded random streams (sorted, reversed, shuffled, with ties). */
class SmallestKeysTest {
    @Test
    void sameAsSortingEveryKey() {
        SplittableRandom r = new SplittableRandom(20);
        for (int round = 0; round < 2_000; round++) {
            int n = r.nextInt(0, 300), max = r.nextInt(0, 40);
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) keys[i] = FirstByFrame.key(r.nextInt(1, 1 + r.nextInt(1, 500)), i);
            if (round % 3 == 1) Arrays.sort(keys);
            SmallestKeys k = new SmallestKeys(max);
            for (long key : keys) k.offer(key);
            long[] sorted = keys.clone();
            Arrays.sort(sorted);
            String where = "round " + round + " n " + n + " max " + max;
            assertEquals(n, k.total(), where);
            assertEquals(n > max, k.cut(), where);
            if (n > max) {
                assertEquals(sorted[max], k.firstLeftOut(), where);
                assertEquals(max == 0 ? Long.MIN_VALUE : sorted[max - 1], k.lastKept(), where);
            } else {
                assertEquals(Long.MAX_VALUE, k.lastKept(), where);
            }
        }
    }

    @Test
    void aMillionKeysInRoomForThree() {
        SmallestKeys k = new SmallestKeys(2);
        for (int i = 1_000_000; i > 0; i--) k.offer(FirstByFrame.key(i, 1_000_000 - i));
        assertEquals(1_000_000, k.total());
        assertTrue(k.cut());
        assertEquals(3, FirstByFrame.frame(k.firstLeftOut()));
        assertEquals(2, FirstByFrame.frame(k.lastKept()));
        assertFalse(new SmallestKeys(5).cut());
    }
}

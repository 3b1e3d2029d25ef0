package org.ftpscope.decode;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Time column's text as tshark 4.0.17 writes it ({@code _ws.col.Time}, default "automatic" precision):
 * the fraction truncated to the frame's resolution, never rounded.
 */
class FrameSummaryTimeTextTest {

    @Test
    void truncatedToThePrecisionAsTsharkWritesIt() {
        // tshark's column for the nanoseconds shown (the values are those of frame.time_relative).
        assertEquals("1.500000500", FrameSummary.seconds(1_500_000_500L, 9));
        assertEquals("1.500000", FrameSummary.seconds(1_500_000_500L, 6), "truncated: rounding half-up gave 1.500001");
        assertEquals("1.500000", FrameSummary.seconds(1_500_000_999L, 6));
        assertEquals("0.000017083", FrameSummary.seconds(17_083L, 9));
        assertEquals("0.001", FrameSummary.seconds(1_000_000L, 3));
        // if_tsresol 2^-10 (3 decimals): tshark shows 0.000, 0.000, 1.999, -1.000 for these.
        assertEquals("0.000", FrameSummary.seconds(976_562L, 3));
        assertEquals("0.000", FrameSummary.seconds(-976_563L, 3), "no sign when the shown fraction is 0");
        assertEquals("1.999", FrameSummary.seconds(1_999_023_437L, 3));
        assertEquals("-1.000", FrameSummary.seconds(-1_000_976_563L, 3));
        // if_tsresol 10^-7 (6 decimals): 0.000001, -0.000001, -1.000001.
        assertEquals("0.000001", FrameSummary.seconds(1_500L, 6));
        assertEquals("-0.000001", FrameSummary.seconds(-1_500L, 6));
        assertEquals("-1.000001", FrameSummary.seconds(-1_000_001_500L, 6));
        // 10^-2 and 10^0: 0.01, -0.01; 1, -2 (no decimal point).
        assertEquals("-0.01", FrameSummary.seconds(-10_000_000L, 2));
        assertEquals("1", FrameSummary.seconds(1_000_000_000L, 0));
        assertEquals("-2", FrameSummary.seconds(-2_000_000_000L, 0));
        assertEquals("0", FrameSummary.seconds(-500_000_000L, 0));
        // A µs pcap whose time goes back (crafted time-back.pcap): -5.000000, 315359995.000123.
        assertEquals("-5.000000", FrameSummary.seconds(-5_000_000_000L, 6));
        assertEquals("315359995.000123", FrameSummary.seconds(315_359_995_000_123_000L, 6));
        assertEquals("0.000000", FrameSummary.seconds(0, 6));
    }

    @Test
    void sameAsDecimalTruncation() {
        SplittableRandom r = new SplittableRandom(6);
        for (int i = 0; i < 200_000; i++) {
            long nanos = r.nextLong(-100_000_000_000_000L, 100_000_000_000_000L) >> r.nextInt(0, 40);
            int digits = r.nextInt(0, 10);
            BigDecimal exact = BigDecimal.valueOf(nanos, 9).setScale(digits, RoundingMode.DOWN);
            String expected = exact.signum() == 0 ? exact.abs().toPlainString() : exact.toPlainString();
            assertEquals(expected, FrameSummary.seconds(nanos, digits), "nanos=" + nanos + " digits=" + digits);
        }
        assertEquals("-9223372036.854775807", FrameSummary.seconds(-Long.MAX_VALUE, 9));
        assertEquals("-9223372036.854775808", FrameSummary.seconds(Long.MIN_VALUE, 9));
    }
}

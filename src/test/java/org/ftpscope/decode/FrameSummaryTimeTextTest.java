package org.ftpscope.decode;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Time column's fast formatting gives exactly what {@code String.format("%.6f")} gives. */
class FrameSummaryTimeTextTest {

    @Test
    void sameTextAsTheFormatterForTimesOfRealAndRandomCaptures() {
        // Relative times as the loader computes them (nanoseconds / 1e9), halfway cases, signs, extremes.
        double[] fixed = {0, -0.0, 0.0000005, 0.0000015, 0.0000025, 1.0000005, 0.1234565, 2.5e-7, 9.9999995,
                1e-3, 1e-4, 1e7, 1.23456789e9, -0.5, -1.0000005, Double.MIN_VALUE, Double.MAX_VALUE,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.142963, 33.000000500000001};
        for (double t : fixed) assertEquals(String.format(Locale.ROOT, "%.6f", t), FrameSummary.sixDecimals(t), "t=" + t);
        SplittableRandom r = new SplittableRandom(6);
        for (int i = 0; i < 200_000; i++) {
            long nanos = r.nextLong(0, 100_000_000_000_000L >> r.nextInt(0, 40));
            double t = nanos / 1e9;
            assertEquals(String.format(Locale.ROOT, "%.6f", t), FrameSummary.sixDecimals(t), "nanos=" + nanos);
            double u = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-9, 12));
            assertEquals(String.format(Locale.ROOT, "%.6f", u), FrameSummary.sixDecimals(u), "t=" + u);
        }
    }
}

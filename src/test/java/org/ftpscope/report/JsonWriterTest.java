package org.ftpscope.report;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonWriterTest {
    private static String decimal(long units, int scale) throws Exception {
        StringWriter w = new StringWriter();
        JsonWriter j = new JsonWriter(w);
        j.decimal(units, scale);
        j.flush();
        return w.toString();
    }

    @Test
    void decimalsArePlainAndExact() throws Exception {
        assertEquals("173.221", decimal(173_221, 3));
        assertEquals("0.198", decimal(198, 3));
        assertEquals("0.001", decimal(1, 3));
        assertEquals("0.0001", decimal(100, 6));   // Double.toString would give 1.0E-4
        assertEquals("12345678.5", decimal(12_345_678_500L, 3)); // and 1.23456785E7 here
        assertEquals("2", decimal(2_000, 3));
        assertEquals("0", decimal(0, 6));
        assertEquals("-1.5", decimal(-1_500, 3));
        assertEquals("15", decimal(15, 0));
        assertEquals("-9223372036854.775808", decimal(Long.MIN_VALUE, 6));
    }
}

package org.ftpscope.decode;

import java.util.Locale;

/** The seven columns of Wireshark's packet list for one frame. */
public record FrameSummary(int frame, double time, String source, String destination, String protocol, int length,
                           String info) {

    /** Seconds since the first frame with 6 decimals, as Wireshark's Time column. */
    public String timeText() { return sixDecimals(time); }

    /**
     * What {@code String.format("%.6f", t)} gives — half-up rounding of the shortest decimal that
     * names the double — without the formatter: it parses its pattern on every call, and the table
     * formats every visible time cell on each scroll step.
     */
    static String sixDecimals(double t) {
        if (!Double.isFinite(t)) return String.format(Locale.ROOT, "%.6f", t);
        if (t < 0 || Double.doubleToRawLongBits(t) != 0 && t == 0) return "-" + sixDecimals(-t); // "-0.000000" too
        return new java.math.BigDecimal(Double.toString(t)).setScale(6, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** No., Time, Source, Destination, Protocol, Length, Info — tab-separated, as {@code ftpscope frames} prints. */
    public String toTsv() {
        return frame + "\t" + timeText() + "\t" + source + "\t" + destination + "\t" + protocol + "\t" + length
                + "\t" + info.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}

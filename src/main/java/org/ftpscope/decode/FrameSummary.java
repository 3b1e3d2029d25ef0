package org.ftpscope.decode;

/**
 * The seven columns of Wireshark's packet list for one frame.
 *
 * @param timeNanos     nanoseconds since the first frame
 * @param timePrecision the decimals the Time column shows: the frame's timestamp resolution
 *                      ({@link org.ftpscope.capture.FrameIndex#timePrecision}), Wireshark's "automatic" precision
 */
public record FrameSummary(int frame, long timeNanos, int timePrecision, String source, String destination, String protocol,
                           int length, String info) {

    /** Seconds since the first frame, as Wireshark's Time column writes them. */
    public String timeText() { return seconds(timeNanos, timePrecision); }

    private static final int[] SCALE = {1_000_000_000, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    /**
     * {@code nanos} as seconds with {@code digits} decimals (0 to 9, none and no point for 0), as Wireshark
     * 4.0 writes a relative time ({@code display_signed_time}): the fraction is truncated toward zero, not
     * rounded (1.500000999 s at 6 digits is {@code 1.500000}), and a minus sign is written when the
     * seconds or the shown fraction are negative, so -0.0009 s at 3 digits is {@code 0.000}.
     */
    public static String seconds(long nanos, int digits) {
        int d = Math.max(0, Math.min(9, digits));
        long sec = nanos / 1_000_000_000L;
        long frac = (nanos % 1_000_000_000L) / SCALE[d];
        StringBuilder sb = new StringBuilder(24);
        if (frac < 0 && sec == 0) sb.append('-');
        sb.append(sec);
        if (d > 0) {
            String f = Long.toString(Math.abs(frac));
            sb.append('.');
            for (int i = f.length(); i < d; i++) sb.append('0');
            sb.append(f);
        }
        return sb.toString();
    }

    /** No., Time, Source, Destination, Protocol, Length, Info — tab-separated, as {@code ftpscope frames} prints. */
    public String toTsv() {
        return frame + "\t" + timeText() + "\t" + source + "\t" + destination + "\t" + protocol + "\t" + length
                + "\t" + info.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}

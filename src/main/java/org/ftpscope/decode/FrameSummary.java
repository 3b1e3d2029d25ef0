package org.ftpscope.decode;

import java.util.Locale;

/** The seven columns of Wireshark's packet list for one frame. */
public record FrameSummary(int frame, double time, String source, String destination, String protocol, int length,
                           String info) {

    /** Seconds since the first frame with 6 decimals, as Wireshark's Time column. */
    public String timeText() { return String.format(Locale.ROOT, "%.6f", time); }

    /** No., Time, Source, Destination, Protocol, Length, Info — tab-separated, as {@code ftpscope frames} prints. */
    public String toTsv() {
        return frame + "\t" + timeText() + "\t" + source + "\t" + destination + "\t" + protocol + "\t" + length
                + "\t" + info.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}

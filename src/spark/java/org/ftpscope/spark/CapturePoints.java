package org.ftpscope.spark;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * Which capture point (sensor, ring buffer) a file of the archive belongs to. Rotated captures are
 * named by a pattern with counters and times in it ({@code tcpdump -G/-C}, {@code dumpcap -b},
 * {@code editcap -c}: {@code ring_00003_20261201103000.pcap}); files whose names differ only there
 * are one capture point, analysed as one capture.
 *
 * @param sequence the part of a file name that varies along a rotation; null: every file alone
 */
public record CapturePoints(Pattern sequence) implements Serializable {
    /** Digit runs: the counters and timestamps every rotation scheme above puts in its names. */
    public static final String DEFAULT_SEQUENCE = "[0-9]+";

    public static CapturePoints byDefault() { return new CapturePoints(Pattern.compile(DEFAULT_SEQUENCE)); }

    /** {@code none}: no grouping; anything else is a regular expression for {@link #sequence}. */
    public static CapturePoints parse(String option) {
        return "none".equals(option) ? new CapturePoints(null) : new CapturePoints(Pattern.compile(option));
    }

    /**
     * The capture point of a file: its folder and its name with every match of the sequence pattern
     * replaced by {@code *}. The folder is kept, so two sensors writing the same names into their own
     * folders stay apart.
     */
    public String of(String path) {
        if (sequence == null) return path;
        int slash = path.lastIndexOf('/');
        String dir = path.substring(0, slash + 1), name = path.substring(slash + 1);
        return dir + sequence.matcher(name).replaceAll("*");
    }
}

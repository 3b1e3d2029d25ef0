package org.ftpscope.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-frame TCP analysis results as bit flags, set by the tcp package and shown by the frame
 * list and detail tree with Wireshark's labels and field names.
 */
public final class TcpAnalysisFlags {
    public static final int RETRANSMISSION = 1;
    public static final int OUT_OF_ORDER = 1 << 1;
    /** Wireshark: "Previous segment not captured". */
    public static final int LOST_SEGMENT = 1 << 2;
    public static final int DUPLICATE_ACK = 1 << 3;
    public static final int ZERO_WINDOW = 1 << 4;
    public static final int KEEP_ALIVE = 1 << 5;
    public static final int WINDOW_UPDATE = 1 << 6;
    public static final int SPURIOUS_RETRANSMISSION = 1 << 7;
    public static final int FAST_RETRANSMISSION = 1 << 8;
    public static final int PORTS_REUSED = 1 << 9;
    /** Wireshark: "ACKed segment that wasn't captured". */
    public static final int ACKED_UNSEEN = 1 << 10;
    public static final int ZERO_WINDOW_PROBE = 1 << 11;
    /** The segment fills the receiver's advertised window. */
    public static final int WINDOW_FULL = 1 << 12;

    private TcpAnalysisFlags() {}

    /** The Info-column prefixes Wireshark writes, e.g. {@code [TCP Retransmission] }. */
    public static String infoPrefix(int flags) {
        // Wireshark names a fast or spurious retransmission only by that, not also as a retransmission.
        if ((flags & (FAST_RETRANSMISSION | SPURIOUS_RETRANSMISSION)) != 0) flags &= ~RETRANSMISSION;
        StringBuilder sb = new StringBuilder();
        for (Flag f : FLAGS) {
            if ((flags & f.bit) != 0 && f.info != null) sb.append('[').append(f.info).append("] ");
        }
        return sb.toString();
    }

    /** Field names ({@code tcp.analysis.retransmission}) set in {@code flags}. */
    public static List<String> fieldNames(int flags) {
        List<String> out = new ArrayList<>();
        for (Flag f : FLAGS) if ((flags & f.bit) != 0) out.add(f.field);
        return out;
    }

    /** Expert-info text for one flag, as the detail tree shows it. */
    public static String expertText(int bit) {
        for (Flag f : FLAGS) if (f.bit == bit) return f.expert;
        return null;
    }

    public static int[] allBits() {
        int[] r = new int[FLAGS.length];
        for (int i = 0; i < FLAGS.length; i++) r[i] = FLAGS[i].bit;
        return r;
    }

    public static String fieldName(int bit) {
        for (Flag f : FLAGS) if (f.bit == bit) return f.field;
        return null;
    }

    private record Flag(int bit, String field, String info, String expert) {}

    // Order matches Wireshark's Info precedence (it prepends each in turn: window before retransmission).
    private static final Flag[] FLAGS = {
        new Flag(PORTS_REUSED, "tcp.analysis.reused_ports", "TCP Port numbers reused",
                "A new tcp session is started with the same ports as an earlier session in this trace"),
        new Flag(WINDOW_FULL, "tcp.analysis.window_full", "TCP Window Full", "TCP window specified by the receiver is now completely full"),
        new Flag(LOST_SEGMENT, "tcp.analysis.lost_segment", "TCP Previous segment not captured",
                "Previous segment(s) not captured (common at capture start)"),
        new Flag(ACKED_UNSEEN, "tcp.analysis.ack_lost_segment", "TCP ACKed unseen segment",
                "ACKed segment that wasn't captured (common at capture start)"),
        new Flag(SPURIOUS_RETRANSMISSION, "tcp.analysis.spurious_retransmission", "TCP Spurious Retransmission",
                "This frame is a (suspected) spurious retransmission"),
        new Flag(FAST_RETRANSMISSION, "tcp.analysis.fast_retransmission", "TCP Fast Retransmission",
                "This frame is a (suspected) fast retransmission"),
        new Flag(RETRANSMISSION, "tcp.analysis.retransmission", "TCP Retransmission",
                "This frame is a (suspected) retransmission"),
        new Flag(OUT_OF_ORDER, "tcp.analysis.out_of_order", "TCP Out-Of-Order",
                "This frame is a (suspected) out-of-order segment"),
        new Flag(DUPLICATE_ACK, "tcp.analysis.duplicate_ack", "TCP Dup ACK",
                "Duplicate ACK"),
        new Flag(ZERO_WINDOW_PROBE, "tcp.analysis.zero_window_probe", "TCP ZeroWindowProbe",
                "TCP Zero Window Probe"),
        new Flag(ZERO_WINDOW, "tcp.analysis.zero_window", "TCP ZeroWindow",
                "TCP Zero Window segment"),
        new Flag(KEEP_ALIVE, "tcp.analysis.keep_alive", "TCP Keep-Alive", "TCP keep-alive segment"),
        new Flag(WINDOW_UPDATE, "tcp.analysis.window_update", "TCP Window Update", "TCP window update"),
    };
}

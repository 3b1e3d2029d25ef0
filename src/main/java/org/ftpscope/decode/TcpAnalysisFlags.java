package org.ftpscope.decode;

import org.ftpscope.fields.FieldDef;
import org.ftpscope.fields.TcpFields;

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

    /** The declared field of one flag ({@code tcp.analysis.retransmission}). */
    public static FieldDef field(int bit) {
        for (Flag f : FLAGS) if (f.bit == bit) return f.field;
        return null;
    }

    private record Flag(int bit, FieldDef field, String info, String expert) {}

    // Order matches Wireshark's Info precedence (it prepends each in turn: window before retransmission).
    private static final Flag[] FLAGS = {
        new Flag(PORTS_REUSED, TcpFields.ANALYSIS_REUSED_PORTS, "TCP Port numbers reused",
                "A new tcp session is started with the same ports as an earlier session in this trace"),
        new Flag(WINDOW_FULL, TcpFields.ANALYSIS_WINDOW_FULL, "TCP Window Full", "TCP window specified by the receiver is now completely full"),
        new Flag(LOST_SEGMENT, TcpFields.ANALYSIS_LOST_SEGMENT, "TCP Previous segment not captured",
                "Previous segment(s) not captured (common at capture start)"),
        new Flag(ACKED_UNSEEN, TcpFields.ANALYSIS_ACK_LOST_SEGMENT, "TCP ACKed unseen segment",
                "ACKed segment that wasn't captured (common at capture start)"),
        new Flag(SPURIOUS_RETRANSMISSION, TcpFields.ANALYSIS_SPURIOUS_RETRANSMISSION, "TCP Spurious Retransmission",
                "This frame is a (suspected) spurious retransmission"),
        new Flag(FAST_RETRANSMISSION, TcpFields.ANALYSIS_FAST_RETRANSMISSION, "TCP Fast Retransmission",
                "This frame is a (suspected) fast retransmission"),
        new Flag(RETRANSMISSION, TcpFields.ANALYSIS_RETRANSMISSION, "TCP Retransmission",
                "This frame is a (suspected) retransmission"),
        new Flag(OUT_OF_ORDER, TcpFields.ANALYSIS_OUT_OF_ORDER, "TCP Out-Of-Order",
                "This frame is a (suspected) out-of-order segment"),
        new Flag(DUPLICATE_ACK, TcpFields.ANALYSIS_DUPLICATE_ACK, "TCP Dup ACK",
                "Duplicate ACK"),
        new Flag(ZERO_WINDOW_PROBE, TcpFields.ANALYSIS_ZERO_WINDOW_PROBE, "TCP ZeroWindowProbe",
                "TCP Zero Window Probe"),
        new Flag(ZERO_WINDOW, TcpFields.ANALYSIS_ZERO_WINDOW, "TCP ZeroWindow",
                "TCP Zero Window segment"),
        new Flag(KEEP_ALIVE, TcpFields.ANALYSIS_KEEP_ALIVE, "TCP Keep-Alive", "TCP keep-alive segment"),
        new Flag(WINDOW_UPDATE, TcpFields.ANALYSIS_WINDOW_UPDATE, "TCP Window Update", "TCP window update"),
    };
}

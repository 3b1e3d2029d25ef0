package org.ftpscope.fields;

import java.util.List;

import static org.ftpscope.fields.FieldType.*;

/** TCP and UDP: header fields, options, and the analysis ftpscope's tcp layer adds (Wireshark's names). */
public final class TcpFields {
    private static final FieldGroup G = FieldGroup.protocol("tcp", "Transmission Control Protocol");
    public static final FieldDef TCP = G.protocol();
    public static final FieldDef SRCPORT = G.field("tcp.srcport", UINT, "Source Port");
    public static final FieldDef DSTPORT = G.field("tcp.dstport", UINT, "Destination Port");
    public static final FieldDef PORT = G.field("tcp.port", UINT, "Source or Destination Port", "Either port; not a line of the tree");
    public static final FieldDef STREAM = G.field("tcp.stream", UINT, "Stream index", "The connection's index, counted from 0 in order of first frame");
    public static final FieldDef LEN = G.field("tcp.len", UINT, "TCP Segment Len", "Payload bytes on the wire (captured or not)");
    public static final FieldDef SEQ = G.field("tcp.seq", UINT, "Sequence Number", "Relative to the direction's first sequence number when the stream is known");
    public static final FieldDef SEQ_RAW = G.field("tcp.seq_raw", UINT, "Sequence Number (raw)");
    public static final FieldDef NXTSEQ = G.field("tcp.nxtseq", UINT, "Next Sequence Number");
    public static final FieldDef ACK = G.field("tcp.ack", UINT, "Acknowledgment Number", "Relative to the other direction's first sequence number when it is known");
    public static final FieldDef ACK_RAW = G.field("tcp.ack_raw", UINT, "Acknowledgment number (raw)");
    public static final FieldDef HDR_LEN = G.field("tcp.hdr_len", UINT, "Header Length");
    public static final FieldDef FLAGS = G.field("tcp.flags", UINT, "Flags");
    public static final FieldDef FLAGS_AE = G.field("tcp.flags.ae", BOOL, "Accurate ECN");
    public static final FieldDef FLAGS_CWR = G.field("tcp.flags.cwr", BOOL, "Congestion Window Reduced");
    public static final FieldDef FLAGS_ECE = G.field("tcp.flags.ece", BOOL, "ECN-Echo");
    public static final FieldDef FLAGS_URG = G.field("tcp.flags.urg", BOOL, "Urgent");
    public static final FieldDef FLAGS_ACK = G.field("tcp.flags.ack", BOOL, "Acknowledgment");
    public static final FieldDef FLAGS_PUSH = G.field("tcp.flags.push", BOOL, "Push");
    public static final FieldDef FLAGS_RESET = G.field("tcp.flags.reset", BOOL, "Reset");
    public static final FieldDef FLAGS_SYN = G.field("tcp.flags.syn", BOOL, "Syn");
    public static final FieldDef FLAGS_FIN = G.field("tcp.flags.fin", BOOL, "Fin");
    public static final FieldDef WINDOW_SIZE_VALUE = G.field("tcp.window_size_value", UINT, "Window", "The window field as sent, before scaling");
    public static final FieldDef WINDOW_SIZE = G.field("tcp.window_size", UINT, "Calculated window size", "The window scaled by the sender's shift when the handshake was seen");
    public static final FieldDef WINDOW_SIZE_SCALEFACTOR = G.field("tcp.window_size_scalefactor", UINT, "Window size scaling factor");
    public static final FieldDef CHECKSUM = G.field("tcp.checksum", UINT, "Checksum");
    public static final FieldDef URGENT_POINTER = G.field("tcp.urgent_pointer", UINT, "Urgent Pointer");
    public static final FieldDef OPTIONS = G.field("tcp.options", NONE, "Options");
    public static final FieldDef OPTION_KIND = G.field("tcp.option_kind", UINT, "Kind", "The kind of each option (2 MSS, 3 window scale, 8 timestamps …)");
    public static final FieldDef OPTIONS_EOL = G.field("tcp.options.eol", NONE, "End of Option List (EOL)");
    public static final FieldDef OPTIONS_NOP = G.field("tcp.options.nop", NONE, "No-Operation (NOP)");
    public static final FieldDef OPTIONS_MSS = G.field("tcp.options.mss", NONE, "Maximum segment size");
    public static final FieldDef OPTIONS_MSS_VAL = G.field("tcp.options.mss_val", UINT, "MSS Value");
    public static final FieldDef OPTIONS_WSCALE = G.field("tcp.options.wscale", NONE, "Window scale");
    public static final FieldDef OPTIONS_WSCALE_SHIFT = G.field("tcp.options.wscale.shift", UINT, "Shift count");
    public static final FieldDef OPTIONS_WSCALE_MULTIPLIER = G.field("tcp.options.wscale.multiplier", UINT, "Multiplier");
    public static final FieldDef OPTIONS_SACK_PERM = G.field("tcp.options.sack_perm", NONE, "SACK permitted");
    public static final FieldDef OPTIONS_SACK = G.field("tcp.options.sack", NONE, "SACK");
    public static final FieldDef OPTIONS_SACK_LE = G.field("tcp.options.sack_le", UINT, "left edge");
    public static final FieldDef OPTIONS_SACK_RE = G.field("tcp.options.sack_re", UINT, "right edge");
    public static final FieldDef OPTIONS_TIMESTAMP = G.field("tcp.options.timestamp", NONE, "Timestamps");
    public static final FieldDef OPTIONS_TSVAL = G.field("tcp.options.timestamp.tsval", UINT, "Timestamp value");
    public static final FieldDef OPTIONS_TSECR = G.field("tcp.options.timestamp.tsecr", UINT, "Timestamp echo reply");
    public static final FieldDef ANALYSIS = G.field("tcp.analysis", NONE, "SEQ/ACK analysis");
    public static final FieldDef ANALYSIS_FLAGS = G.field("tcp.analysis.flags", BOOL, "TCP Analysis Flags", "Any of the tcp.analysis flags below is set");
    public static final FieldDef ANALYSIS_REUSED_PORTS = G.field("tcp.analysis.reused_ports", BOOL, "TCP Port numbers reused");
    public static final FieldDef ANALYSIS_LOST_SEGMENT = G.field("tcp.analysis.lost_segment", BOOL, "Previous segment not captured");
    public static final FieldDef ANALYSIS_ACK_LOST_SEGMENT = G.field("tcp.analysis.ack_lost_segment", BOOL, "ACKed segment that wasn't captured");
    public static final FieldDef ANALYSIS_SPURIOUS_RETRANSMISSION = G.field("tcp.analysis.spurious_retransmission", BOOL, "Spurious Retransmission");
    public static final FieldDef ANALYSIS_FAST_RETRANSMISSION = G.field("tcp.analysis.fast_retransmission", BOOL, "Fast Retransmission");
    public static final FieldDef ANALYSIS_RETRANSMISSION = G.field("tcp.analysis.retransmission", BOOL, "Retransmission");
    public static final FieldDef ANALYSIS_OUT_OF_ORDER = G.field("tcp.analysis.out_of_order", BOOL, "Out-Of-Order");
    public static final FieldDef ANALYSIS_DUPLICATE_ACK = G.field("tcp.analysis.duplicate_ack", BOOL, "Duplicate ACK");
    public static final FieldDef ANALYSIS_WINDOW_FULL = G.field("tcp.analysis.window_full", BOOL, "Window Full");
    public static final FieldDef ANALYSIS_ZERO_WINDOW_PROBE = G.field("tcp.analysis.zero_window_probe", BOOL, "Zero Window Probe");
    public static final FieldDef ANALYSIS_ZERO_WINDOW = G.field("tcp.analysis.zero_window", BOOL, "Zero Window");
    public static final FieldDef ANALYSIS_KEEP_ALIVE = G.field("tcp.analysis.keep_alive", BOOL, "Keep-Alive");
    public static final FieldDef ANALYSIS_WINDOW_UPDATE = G.field("tcp.analysis.window_update", BOOL, "Window Update");
    public static final FieldDef ANALYSIS_DUPLICATE_ACK_NUM = G.field("tcp.analysis.duplicate_ack_num", UINT, "Duplicate ACK #");
    public static final FieldDef ANALYSIS_DUPLICATE_ACK_FRAME = G.field("tcp.analysis.duplicate_ack_frame", UINT, "Duplicate to the ACK in frame");
    public static final FieldDef PAYLOAD = G.field("tcp.payload", NONE, "TCP payload");

    private static final FieldGroup UDP_G = FieldGroup.protocol("udp", "User Datagram Protocol");
    public static final FieldDef UDP = UDP_G.protocol();
    public static final FieldDef UDP_PORT = UDP_G.field("udp.port", UINT, "Source or Destination Port", "Either port; ftpscope shows no UDP subtree");

    private TcpFields() {}

    public static List<List<FieldDef>> all() { return List.of(G.all(), UDP_G.all()); }
}

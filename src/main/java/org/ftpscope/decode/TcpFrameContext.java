package org.ftpscope.decode;

/**
 * What the tcp layer knows about one TCP frame, handed back to the decoder so the Info column
 * and detail tree can show relative sequence numbers, the stream index and analysis flags.
 *
 * @param stream        Wireshark's {@code tcp.stream} index
 * @param seqBase       initial sequence number of the sender's direction (relative Seq = seq - base)
 * @param ackBase       initial sequence number of the other direction, or -1 when unknown
 * @param windowShift   the sender's window scale shift, or -1 when unknown (then Win is raw)
 * @param analysisFlags {@link TcpAnalysisFlags} bits
 * @param duplicateAckOf for a duplicate ACK, the frame it duplicates (0 otherwise)
 * @param duplicateAckCount for a duplicate ACK, its ordinal (Wireshark's {@code #1}, {@code #2} …)
 * @param copyOf        the earlier frame this frame is an exact copy of
 *                      ({@link org.ftpscope.capture.DuplicateFrames}), 0 otherwise; any frame, TCP or not
 */
public record TcpFrameContext(int stream, long seqBase, long ackBase, int windowShift, int analysisFlags,
                              int duplicateAckOf, int duplicateAckCount, int copyOf) {
    public static final TcpFrameContext UNKNOWN = new TcpFrameContext(-1, 0, -1, -1, 0, 0, 0, 0);

    /** Nothing known of a non-TCP frame but that it copies frame {@code copyOf}. */
    public static TcpFrameContext copyOf(int copyOf) {
        return copyOf == 0 ? UNKNOWN : new TcpFrameContext(-1, 0, -1, -1, 0, 0, 0, copyOf);
    }

    /**
     * This context without analysis flags: for a frame whose TCP options the snap length cut, where
     * Wireshark's dissector stops before its SEQ/ACK analysis (stream and relative numbers stay).
     */
    public TcpFrameContext withoutAnalysis() {
        return analysisFlags == 0 && duplicateAckCount == 0 ? this
                : new TcpFrameContext(stream, seqBase, ackBase, windowShift, 0, 0, 0, copyOf);
    }
}

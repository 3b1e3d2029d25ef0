package org.ftpscope.tcp;

/**
 * Bounds on what reassembly keeps.
 *
 * @param maxOutOfOrderBytesPerStream buffered bytes after a hole, per direction; past it the
 *                                    hole is declared a gap so memory stays bounded
 * @param maxStreams                  streams tracked; frames of further streams are counted only
 */
public record TcpLimits(int maxOutOfOrderBytesPerStream, int maxStreams) {
    public static final TcpLimits DEFAULT = new TcpLimits(org.ftpscope.capture.Limit.OUT_OF_ORDER_BYTES.intValue(),
            org.ftpscope.capture.Limit.TCP_STREAMS.intValue());
}

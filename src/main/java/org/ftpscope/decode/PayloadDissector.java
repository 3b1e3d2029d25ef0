package org.ftpscope.decode;

/** Adds an application-layer subtree (FTP, FTP-DATA) below a frame's TCP node. */
@FunctionalInterface
public interface PayloadDissector {
    /**
     * @param root          the frame's root node; add the protocol node as its child
     * @param frame         the frame's captured bytes
     * @param payloadOffset first TCP payload byte within {@code frame}
     * @param payloadLength captured payload bytes
     */
    void dissect(DetailNode.Builder root, byte[] frame, int payloadOffset, int payloadLength);
}

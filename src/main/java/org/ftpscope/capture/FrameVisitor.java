package org.ftpscope.capture;

/** Receives each frame once, in file order, while the capture is read. */
@FunctionalInterface
public interface FrameVisitor {
    /**
     * @param frame          1-based frame number
     * @param buf            the frame's captured bytes are {@code buf[off .. off+capturedLength)};
     *                       valid only during this call
     */
    void frame(int frame, long timestampNanos, int linkType, int originalLength,
               byte[] buf, int off, int capturedLength);
}

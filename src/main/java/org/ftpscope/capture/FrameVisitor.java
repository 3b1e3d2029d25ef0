package org.ftpscope.capture;

import java.util.function.IntConsumer;

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

    /**
     * The decimal digits of the timestamp resolution of the frames that follow (Wireshark's automatic
     * Time precision, {@link CaptureInterface#timePrecision()}): called before the first frame, and
     * again before a frame whose interface has another resolution. Nothing by default.
     */
    default void timePrecision(int digits) {}

    /** {@code frames}, telling {@code precision} of each {@link #timePrecision} call. */
    static FrameVisitor withPrecision(FrameVisitor frames, IntConsumer precision) {
        return new FrameVisitor() {
            @Override
            public void frame(int frame, long ts, int linkType, int originalLength, byte[] buf, int off, int cap) {
                frames.frame(frame, ts, linkType, originalLength, buf, off, cap);
            }

            @Override
            public void timePrecision(int digits) {
                frames.timePrecision(digits);
                precision.accept(digits);
            }
        };
    }
}

package org.ftpscope.capture;

/**
 * Something wrong in the file, or a limit reached, that did not stop the analysis before it.
 *
 * @param frame      the frame number (1-based) the problem concerns: the frame being read when
 *                   the damage was found, i.e. one past the last good frame
 * @param byteOffset offset in the (decompressed) file where the problem starts
 * @param limit      the limit that was reached, or null for damage
 */
public record CaptureWarning(int frame, long byteOffset, String message, Limit limit) {
    public CaptureWarning(int frame, long byteOffset, String message) { this(frame, byteOffset, message, null); }

    /** A limit reached at {@code frame}; the message says what was dropped. */
    public static CaptureWarning limit(Limit limit, int frame, String message) {
        return new CaptureWarning(frame, 0, message, limit);
    }

    /** A limit reached outside the capture's bytes (the key log): the message says where. */
    public static CaptureWarning limit(Limit limit, String message) {
        return new CaptureWarning(0, -1, message, limit);
    }

    @Override
    public String toString() {
        // Frame 0: found before any frame was read (e.g. while inflating), so only the offset is known.
        if (limit != null && frame <= 0 && byteOffset < 0) return limit.label() + " reached: " + message;
        if (limit != null) return limit.label() + " reached at " + (frame > 0 ? "frame " + frame : "byte offset " + byteOffset) + ": " + message;
        if (byteOffset < 0) return "frame " + frame + ": " + message;
        return (frame > 0 ? "frame " + frame + ", " : "") + "byte offset " + byteOffset + ": " + message;
    }
}

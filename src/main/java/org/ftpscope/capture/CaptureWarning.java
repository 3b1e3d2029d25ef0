package org.ftpscope.capture;

/**
 * Something wrong in the file that did not stop reading before it.
 *
 * @param frame      the frame number (1-based) the problem concerns: the frame being read when
 *                   the damage was found, i.e. one past the last good frame
 * @param byteOffset offset in the (decompressed) file where the problem starts
 */
public record CaptureWarning(int frame, long byteOffset, String message) {
    @Override
    public String toString() {
        return "frame " + frame + ", byte offset " + byteOffset + ": " + message;
    }
}

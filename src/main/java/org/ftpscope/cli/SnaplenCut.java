package org.ftpscope.cli;

import org.ftpscope.capture.CaptureException;
import org.ftpscope.capture.CaptureFile;
import org.ftpscope.capture.CaptureInterface;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The frames a capture's snapshot length cut, read from its record headers (captured against
 * original length): how many, the first, and the length they were cut at. The file header's
 * snaplen is not enough: editcap -s writes pcapng without one.
 *
 * @param frames        frames in the capture
 * @param cut           frames whose captured length is less than their original length
 * @param firstCut      the first of them, 0 when none
 * @param minCaptured   the shortest captured length of a cut frame
 * @param maxCaptured   the longest
 * @param headerSnaplen the interfaces' snaplen when they all give the same non-zero one, else 0
 */
record SnaplenCut(int frames, int cut, int firstCut, int minCaptured, int maxCaptured, int headerSnaplen) {

    /** Reads the capture once more, its record lengths only (nothing is kept per frame). */
    static SnaplenCut of(Path capture) throws CaptureException {
        int[] n = new int[4]; // cut, first, min, max
        n[2] = Integer.MAX_VALUE;
        CaptureFile cf = CaptureFile.read(capture, (frame, ts, linkType, orig, buf, off, cap) -> {
            if (cap >= orig) return;
            if (n[0]++ == 0) n[1] = frame;
            n[2] = Math.min(n[2], cap);
            n[3] = Math.max(n[3], cap);
        }, null, false);
        int snap = 0;
        for (CaptureInterface i : cf.interfaces()) {
            if (i.snapLength() <= 0 || (snap != 0 && snap != i.snapLength())) {
                snap = 0;
                break;
            }
            snap = i.snapLength();
        }
        int frames = cf.frameCount();
        try {
            cf.close();
        } catch (IOException ignored) {
            // read-only; nothing of it is needed any more
        }
        return new SnaplenCut(frames, n[0], n[1], n[0] == 0 ? 0 : n[2], n[3], snap);
    }

    /** "cut at 96 bytes (the file header's snaplen; 188 of 496 frames cut, the first frame 4)". */
    String describe() {
        String at = minCaptured == maxCaptured ? minCaptured + " bytes" : minCaptured + " to " + maxCaptured + " bytes";
        String snap = headerSnaplen > 0 && headerSnaplen == maxCaptured ? "the file header's snaplen"
                : "the cut frames' captured length; the file header's snaplen is " + (headerSnaplen > 0 ? headerSnaplen : "not set");
        return "cut at " + at + " (" + snap + "; " + cut + " of " + frames + " frames cut, the first frame " + firstCut + ")";
    }
}

package org.ftpscope.cli;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.capture.CaptureInterface;
import org.ftpscope.ftp.session.FtpResult;

/**
 * The frames a capture's snapshot length cut, as the analysis counted them from the record headers
 * (captured against original length): how many, the first, and the length they were cut at. The
 * file header's snaplen is not enough: editcap -s writes pcapng without one.
 *
 * @param frames        frames in the capture
 * @param cut           frames whose captured length is less than their original length
 * @param firstCut      the first of them, 0 when none
 * @param minCaptured   the shortest captured length of a cut frame
 * @param maxCaptured   the longest
 * @param headerSnaplen the interfaces' snaplen when they all give the same non-zero one, else 0
 */
record SnaplenCut(int frames, int cut, int firstCut, int minCaptured, int maxCaptured, int headerSnaplen) {

    /** From the analysis's own pass (no second read of the capture). */
    static SnaplenCut of(Analysis a) {
        FtpResult.SnaplenCuts c = a.ftp().snaplenCut();
        int snap = 0;
        for (CaptureInterface i : a.capture().interfaces()) {
            if (i.snapLength() <= 0 || (snap != 0 && snap != i.snapLength())) {
                snap = 0;
                break;
            }
            snap = i.snapLength();
        }
        return new SnaplenCut(a.capture().frameCount(), c.frames(), c.firstFrame(), c.minCaptured(), c.maxCaptured(), snap);
    }

    /** "cut at 96 bytes (the file header's snaplen; 188 of 496 frames cut, the first frame 4)". */
    String describe() {
        String at = minCaptured == maxCaptured ? minCaptured + " bytes" : minCaptured + " to " + maxCaptured + " bytes";
        String snap = headerSnaplen > 0 && headerSnaplen == maxCaptured ? "the file header's snaplen"
                : "the cut frames' captured length; the file header's snaplen is " + (headerSnaplen > 0 ? headerSnaplen : "not set");
        return "cut at " + at + " (" + snap + "; " + cut + " of " + frames + " frames cut, the first frame " + firstCut + ")";
    }
}

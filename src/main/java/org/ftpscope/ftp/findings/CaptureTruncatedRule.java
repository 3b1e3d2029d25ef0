package org.ftpscope.ftp.findings;

import java.util.List;

/** {@code capture-truncated}, capture-wide: frames the snapshot length cut (per transfer: {@link TransferRule}). */
public final class CaptureTruncatedRule implements PatternRule {
    @Override
    public List<Finding> find(CaptureFacts capture) {
        if (capture.firstTruncatedFrame() <= 0) return List.of();
        return List.of(new Finding(FindingKind.CAPTURE_TRUNCATED, -1, capture.firstTruncatedFrame(), capture.truncatedFrames()
                + " frames were cut by the capture's snapshot length (the first is frame " + capture.firstTruncatedFrame()
                + "): payload is missing, so commands, replies and file contents may be incomplete."));
    }
}

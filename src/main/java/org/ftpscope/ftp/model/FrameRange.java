package org.ftpscope.ftp.model;

/** Frames {@code first..last} (inclusive) of one stream. */
public record FrameRange(int first, int last) {
    public boolean contains(int frame) { return frame >= first && frame <= last; }
}

package org.ftpscope.capture;

/** Progress of one reading pass; throwing from it (e.g. on cancel) aborts the pass. */
@FunctionalInterface
public interface ReadProgress {
    void progress(long bytesRead, long bytesTotal, int frames);
}

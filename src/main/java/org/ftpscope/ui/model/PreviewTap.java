package org.ftpscope.ui.model;

import org.ftpscope.capture.FrameVisitor;
import org.ftpscope.decode.FrameSummarizer;
import org.ftpscope.decode.FrameSummary;
import org.ftpscope.decode.PacketDecoder;
import org.ftpscope.decode.PacketInfo;
import org.ftpscope.decode.TcpFrameContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The first frames of a capture as the loader reads them, so the table has rows before the
 * analysis ends. Only what one frame alone tells is shown: number, time, addresses, length, and
 * protocol and info of frames that are not TCP. A TCP frame's protocol and info depend on the
 * whole analysis (relative sequence numbers, retransmissions, FTP or FTP-DATA), so they stay
 * empty until it ends — never a guess that the finished row would contradict.
 * Appended on the loading thread, read on the FX thread.
 */
final class PreviewTap implements FrameVisitor {
    private final int limit;
    /** Run once on the loading thread when the first screenful of rows is there (null: none). */
    private volatile Runnable firstScreen;
    private final List<FrameSummary> summaries = Collections.synchronizedList(new ArrayList<>());
    private final PacketInfo info = new PacketInfo();
    private long firstTimestamp = Long.MIN_VALUE;
    /** The Time column's decimals for the frames that follow (the reader says so before the first frame). */
    private int timePrecision = 6;

    PreviewTap(int limit) { this.limit = limit; }

    List<FrameSummary> summaries() { return summaries; }

    /**
     * {@code r} runs once, on the loading thread, as soon as {@link MainViewModel#FIRST_SCREEN_ROWS}
     * rows are there, so the table need not wait for the loader's first progress step (a capture
     * with fewer frames is shown by the progress at its end).
     */
    void onFirstScreen(Runnable r) { firstScreen = r; }

    private void fireFirstScreen() {
        Runnable r = firstScreen;
        firstScreen = null;
        if (r != null) r.run();
    }

    @Override
    public void timePrecision(int digits) { timePrecision = digits; }

    @Override
    public void frame(int frame, long ts, int linkType, int originalLength, byte[] buf, int off, int cap) {
        if (frame > limit) return;
        if (firstTimestamp == Long.MIN_VALUE) firstTimestamp = ts;
        byte[] bytes = Arrays.copyOfRange(buf, off, off + cap);
        PacketDecoder.decode(linkType, bytes, 0, cap, info);
        FrameSummary s = FrameSummarizer.summarize(frame, ts - firstTimestamp, timePrecision, originalLength, bytes, info,
                TcpFrameContext.UNKNOWN, null);
        summaries.add(info.tcp ? pending(s) : s);
        if (frame == Math.min(limit, MainViewModel.FIRST_SCREEN_ROWS)) fireFirstScreen();
    }

    /** A row whose protocol and info wait for the analysis. */
    static FrameSummary pending(FrameSummary s) {
        return new FrameSummary(s.frame(), s.timeNanos(), s.timePrecision(), s.source(), s.destination(), "", s.length(), "");
    }
}

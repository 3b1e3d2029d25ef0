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
    private final List<FrameSummary> summaries = Collections.synchronizedList(new ArrayList<>());
    private final PacketInfo info = new PacketInfo();
    private long firstTimestamp = Long.MIN_VALUE;

    PreviewTap(int limit) { this.limit = limit; }

    List<FrameSummary> summaries() { return summaries; }

    @Override
    public void frame(int frame, long ts, int linkType, int originalLength, byte[] buf, int off, int cap) {
        if (frame > limit) return;
        if (firstTimestamp == Long.MIN_VALUE) firstTimestamp = ts;
        byte[] bytes = Arrays.copyOfRange(buf, off, off + cap);
        PacketDecoder.decode(linkType, bytes, 0, cap, info);
        FrameSummary s = FrameSummarizer.summarize(frame, (ts - firstTimestamp) / 1e9, originalLength, bytes, info,
                TcpFrameContext.UNKNOWN, null);
        summaries.add(info.tcp ? pending(s) : s);
    }

    /** A row whose protocol and info wait for the analysis. */
    static FrameSummary pending(FrameSummary s) {
        return new FrameSummary(s.frame(), s.time(), s.source(), s.destination(), "", s.length(), "");
    }
}

package org.ftpscope.ui;

import org.ftpscope.capture.FrameVisitor;
import org.ftpscope.decode.FrameSummary;
import org.ftpscope.decode.FrameSummarizer;
import org.ftpscope.decode.PacketDecoder;
import org.ftpscope.decode.PacketInfo;
import org.ftpscope.decode.TcpFrameContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Summarises the first frames of a capture as the loader reads them (without TCP context, which
 * only the finished analysis has), so the table shows them before the analysis ends. The list is
 * appended on the loading thread and read on the FX thread.
 */
final class PreviewTap implements FrameVisitor {
    private final int limit;
    private final List<FrameSummary> summaries = Collections.synchronizedList(new ArrayList<>());
    private final PacketInfo info = new PacketInfo();
    private final java.util.function.Consumer<List<FrameSummary>> onFirstRows;
    private final int firstRows;
    private long firstTimestamp = Long.MIN_VALUE;

    /**
     * @param onFirstRows run on the loading thread once {@code firstRows} frames are summarised
     *                    (it may wait for them to be shown)
     */
    PreviewTap(int limit, int firstRows, java.util.function.Consumer<List<FrameSummary>> onFirstRows) {
        this.limit = limit;
        this.firstRows = firstRows;
        this.onFirstRows = onFirstRows;
    }

    List<FrameSummary> summaries() { return summaries; }

    @Override
    public void frame(int frame, long ts, int linkType, int originalLength, byte[] buf, int off, int cap) {
        if (frame > limit) return;
        if (firstTimestamp == Long.MIN_VALUE) firstTimestamp = ts;
        byte[] bytes = Arrays.copyOfRange(buf, off, off + cap);
        PacketDecoder.decode(linkType, bytes, 0, cap, info);
        summaries.add(FrameSummarizer.summarize(frame, (ts - firstTimestamp) / 1e9, originalLength, bytes, info,
                TcpFrameContext.UNKNOWN, null));
        if (frame == firstRows && onFirstRows != null) onFirstRows.accept(summaries);
    }
}

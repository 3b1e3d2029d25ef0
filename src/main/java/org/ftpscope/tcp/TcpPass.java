package org.ftpscope.tcp;

import org.ftpscope.capture.CaptureException;
import org.ftpscope.capture.CaptureFile;
import org.ftpscope.capture.ReadProgress;
import org.ftpscope.decode.PacketDecoder;
import org.ftpscope.decode.PacketInfo;

import java.nio.file.Path;

/** Reads a capture once and reassembles its TCP streams: the tcp layer on its own, for tools and tests. */
public final class TcpPass {
    private TcpPass() {}

    public record Result(CaptureFile capture, TcpReassembler tcp) {}

    public static Result run(Path path, StreamListener listener, ReadProgress progress) throws CaptureException {
        return run(path, listener, progress, true);
    }

    /**
     * As {@link #run}, keeping nothing per frame or segment (no frame index, TCP frame table or
     * content spans): memory is bounded by the streams open at once, and the FRAMES limit does
     * not apply. Frames and spans cannot be read back from the result. For {@code streams},
     * {@code follow} and {@code extract}.
     */
    public static Result stream(Path path, StreamListener listener, ReadProgress progress) throws CaptureException {
        return run(path, listener, progress, false);
    }

    private static Result run(Path path, StreamListener listener, ReadProgress progress, boolean perFrame) throws CaptureException {
        PacketInfo info = new PacketInfo();
        TcpReassembler tcp = new TcpReassembler(listener == null ? new StreamListener() {} : listener, TcpLimits.DEFAULT, perFrame);
        org.ftpscope.decode.link.UndecodedFrames undecoded = new org.ftpscope.decode.link.UndecodedFrames(info);
        CaptureFile cf = CaptureFile.read(path, (frame, ts, linkType, orig, buf, off, cap) -> {
            PacketDecoder.decode(linkType, buf, off, cap, info);
            undecoded.frame(frame, linkType);
            tcp.frame(frame, ts, orig, info, buf, off, cap);
        }, progress, perFrame);
        tcp.finish();
        cf.addWarnings(undecoded.warnings());
        tcp.duplicates().warnings(cf.index()).forEach(cf::addWarning);
        cf.addWarnings(tcp.limitWarnings());
        return new Result(cf, tcp);
    }
}

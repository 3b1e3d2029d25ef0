package org.ftpscope.tls;

import org.ftpscope.capture.CaptureFile;
import org.ftpscope.decode.PacketDecoder;
import org.ftpscope.decode.PacketInfo;
import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.StreamListener;
import org.ftpscope.tcp.TcpFrameTable;
import org.ftpscope.tcp.TcpLimits;
import org.ftpscope.tcp.TcpReassembler;
import org.ftpscope.tcp.TcpStream;

import java.io.IOException;

/**
 * Reads one TCP stream of an analysed capture again, its frames in capture order through a fresh
 * reassembler and TLS layer: the analysis keeps nothing per record, so the frame list, the detail
 * tree, Follow and extract rebuild what they show from the bytes. The keys are the analysis pass's
 * ({@link TlsKeys}), so resumed sessions open as they did there. Reads only the stream's frames.
 */
public final class TlsStreamReplay {
    private TlsStreamReplay() {}

    /**
     * Replays {@code stream}, handing its records to a view and, when {@code sink} is not null, its
     * bytes in stream order per direction to {@code sink}: cleartext before TLS and after CCC to
     * {@link PlaintextListener#cleartext}, decrypted application data to {@link PlaintextListener#plaintext},
     * the end of decryption to {@link PlaintextListener#lost}.
     */
    public static TlsStreamView replay(CaptureFile capture, TcpFrameTable table, TcpStream stream, TlsKeys keys,
                                       PlaintextListener sink) throws IOException {
        TlsStreamView.Builder view = new TlsStreamView.Builder();
        PlaintextListener both = new PlaintextListener() {
            @Override
            public void plaintext(TcpStream s, Direction d, int firstFrame, int lastFrame, byte[] data) {
                if (sink != null) sink.plaintext(stream, d, firstFrame, lastFrame, data);
            }

            @Override
            public void cleartext(TcpStream s, Direction d, int frame, byte[] data) {
                if (sink != null) sink.cleartext(stream, d, frame, data);
            }

            @Override
            public void lost(TcpStream s, Direction d, int frame, String reason) {
                if (sink != null) sink.lost(stream, d, frame, reason);
            }

            @Override
            public void record(TcpStream s, TlsRecordView r) { view.record(s, r); }
        };
        TlsAnalyzer tls = new TlsAnalyzer(keys, both);
        long[] delivered = new long[2];
        // Frames the snap length cut: their records cannot complete, whatever the header says.
        java.util.Set<Integer> cut = new java.util.HashSet<>();
        boolean[] tlsSeen = {false};
        StreamListener listener = new StreamListener() {
            @Override
            public void data(TcpStream s, Direction d, int frame, byte[] buf, int off, int len) {
                long at = delivered[d.ordinal()];
                delivered[d.ordinal()] += len;
                tls.data(s, d, frame, buf, off, len);
                long start = tls.tlsStart(s.index(), d);
                if (view.endsRecord(frame) || tls.followingRecords(s.index(), d) && !cut.contains(frame)) view.recordBytes(frame, at);
                else if (tls.inRecords(s.index(), d)) view.opaque(frame);
                // Bytes before the first record header are FTP lines in clear (up to AUTH TLS / 234).
                long clear = start < 0 ? len : Math.max(0, Math.min(len, start - at));
                if (sink != null && clear > 0 && (start < 0 || at < start)) {
                    sink.cleartext(stream, d, frame, java.util.Arrays.copyOfRange(buf, off, off + (int) clear));
                }
                tlsSeen[0] |= tls.isTls(s.index());
            }

            @Override
            public void gap(TcpStream s, Direction d, long length, int frame) {
                delivered[d.ordinal()] += length;
                tls.gap(s, d, length, frame);
                if (sink != null) sink.lost(stream, d, frame, "capture gap of " + length + " bytes at frame " + frame);
            }
        };
        TcpReassembler tcp = new TcpReassembler(listener, TcpLimits.DEFAULT, false);
        PacketInfo p = new PacketInfo();
        byte[] buf = new byte[65536];
        for (int f = stream.firstFrame(), last = stream.lastFrame(); f > 0 && f <= last; f++) {
            if (table.stream(f) != stream.index()) continue;
            int len = capture.index().capturedLength(f);
            if (buf.length < len) buf = new byte[len];
            capture.readFrame(f, buf, 0);
            PacketDecoder.decode(capture.index().linkType(f), buf, 0, len, p);
            if (p.tcp && p.payloadTruncated()) cut.add(f);
            tcp.frame(f, capture.index().timestampNanos(f), capture.index().originalLength(f), p, buf, 0, len);
        }
        tcp.finish();
        return view.build(tlsSeen[0]);
    }
}

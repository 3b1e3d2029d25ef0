package org.ftpscope.tcp;

import org.ftpscope.decode.PacketInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code streams}, {@code follow} and {@code tls} read with {@link TcpPass#stream}, which keeps
 * nothing per frame: for every sample and derived capture it hears the same events (every data
 * byte, gap, opening, segment and closing, in the same order) and ends with the same streams as
 * the per-frame {@link TcpPass#run}.
 */
class StreamingTcpPassTest {
    static Stream<Path> captures() throws Exception { return org.ftpscope.TestCaptures.samplesAndDerived(); }

    /** Every event as a line; data as its SHA-256, so the comparison holds the bytes, not a copy of them. */
    static final class Recorder implements StreamListener {
        final List<String> events = new ArrayList<>();
        final MessageDigest md;

        Recorder() throws Exception { md = MessageDigest.getInstance("SHA-256"); }

        @Override public void streamOpened(TcpStream s, int frame) { events.add("open " + s.index() + " " + frame); }

        @Override public void segment(TcpStream s, Direction d, int frame, PacketInfo p) { events.add("seg " + s.index() + " " + d + " " + frame); }

        @Override public void data(TcpStream s, Direction d, int frame, byte[] buf, int off, int len) {
            md.update(buf, off, len);
            events.add("data " + s.index() + " " + d + " " + frame + " " + len + " " + HexFormat.of().formatHex(md.digest()));
        }

        @Override public void gap(TcpStream s, Direction d, long length, int frame) { events.add("gap " + s.index() + " " + d + " " + length + " " + frame); }

        @Override public void streamClosed(TcpStream s) { events.add("closed " + s.index()); }
    }

    static String facts(TcpStream s) {
        Direction c = Direction.CLIENT_TO_SERVER, sv = Direction.SERVER_TO_CLIENT;
        return s + " " + s.state().label() + " " + s.bytes(c) + " " + s.bytes(sv) + " " + s.gapBytes(c) + " " + s.gapBytes(sv)
                + " " + s.frames(c) + " " + s.frames(sv) + " " + s.firstFrame() + " " + s.lastFrame() + " " + s.synFrame()
                + " " + s.synCount() + " " + s.firstTimeNanos() + " " + s.lastTimeNanos() + " " + s.roleGuessed() + " " + s.isCopy();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void theStreamingPassHearsWhatThePerFramePassHears(Path capture) throws Exception {
        Recorder perFrame = new Recorder(), streamed = new Recorder();
        TcpPass.Result a = TcpPass.run(capture, perFrame, null);
        TcpPass.Result b = TcpPass.stream(capture, streamed, null);
        try (var ca = a.capture(); var cb = b.capture()) {
            assertTrue(ca.index().kept());
            assertFalse(cb.index().kept());
            assertEquals(ca.frameCount(), cb.frameCount());
            assertEquals(perFrame.events, streamed.events);
            assertEquals(a.tcp().streams().stream().map(StreamingTcpPassTest::facts).toList(),
                    b.tcp().streams().stream().map(StreamingTcpPassTest::facts).toList());
            assertEquals(0, b.tcp().streams().stream().mapToInt(s -> s.spans(Direction.CLIENT_TO_SERVER).size()
                    + s.spans(Direction.SERVER_TO_CLIENT).size()).sum(), "the streaming pass kept content spans");
        }
    }
}

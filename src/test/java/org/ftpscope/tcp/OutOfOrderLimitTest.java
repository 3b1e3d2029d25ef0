package org.ftpscope.tcp;

import org.ftpscope.capture.CaptureWarning;
import org.ftpscope.capture.Limit;
import org.ftpscope.decode.PacketDecoder;
import org.ftpscope.decode.PacketInfo;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * OUT_OF_ORDER_BYTES: when more than the limit waits behind a hole, the hole is counted as a gap
 * and the warning naming the limit reaches the capture's warnings (so stderr, the JSON and the
 * app); before, it was set on the stream and shown nowhere.
 */
class OutOfOrderLimitTest {
    /** Ethernet/IPv4/TCP from 10.0.0.1:40000 to 10.0.0.2:21 with {@code payload} bytes at {@code seq}. */
    static byte[] segment(long seq, int flags, int payload) {
        ByteBuffer b = ByteBuffer.allocate(14 + 20 + 20 + payload);
        b.put(new byte[] {0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1, 8, 0});
        b.put((byte) 0x45).put((byte) 0).putShort((short) (40 + payload)).putInt(0x4000).put((byte) 64).put((byte) 6).putShort((short) 0);
        b.put(new byte[] {10, 0, 0, 1}).put(new byte[] {10, 0, 0, 2});
        b.putShort((short) 40000).putShort((short) 21).putInt((int) seq).putInt(0).put((byte) 0x50).put((byte) flags)
                .putShort((short) 65535).putInt(0);
        return b.array();
    }

    @Test
    void aHoleWithTooMuchBehindItIsAGapAndAWarning() {
        int max = 10_000;
        List<Integer> gaps = new ArrayList<>();
        TcpReassembler tcp = new TcpReassembler(new StreamListener() {
            @Override public void gap(TcpStream s, Direction d, long length, int frame) { gaps.add((int) length); }
        }, new TcpLimits(max, 100), false);
        PacketInfo p = new PacketInfo();
        int frame = 0;
        byte[] syn = segment(1000, 0x02, 0);
        PacketDecoder.decode(1, syn, 0, syn.length, p);
        tcp.frame(++frame, frame * 1000L, p, syn, 0, syn.length);
        // bytes 1..1000 never arrive; 11 segments of 1,000 bytes wait behind the hole: past 10,000 in frame 12
        for (int i = 0; i < 11; i++) {
            byte[] s = segment(1001 + 1000 + i * 1000L, 0x18, 1000);
            PacketDecoder.decode(1, s, 0, s.length, p);
            tcp.frame(++frame, frame * 1000L, p, s, 0, s.length);
        }
        assertEquals(List.of(1000), gaps);
        List<CaptureWarning> w = tcp.limitWarnings();
        assertEquals(1, w.size());
        assertEquals(Limit.OUT_OF_ORDER_BYTES, w.get(0).limit());
        assertEquals(Limit.OUT_OF_ORDER_BYTES.label() + " reached at frame 12: 1 hole (the first in tcp.stream 0) had more than 10000"
                + " bytes waiting behind it and was counted as missing bytes, not waited for; the bytes after it were reassembled",
                w.get(0).toString());
    }
}

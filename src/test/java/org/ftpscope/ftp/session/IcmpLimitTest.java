package org.ftpscope.ftp.session;

import org.ftpscope.capture.CaptureWarning;
import org.ftpscope.capture.Limit;
import org.ftpscope.decode.PacketDecoder;
import org.ftpscope.decode.PacketInfo;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ICMP_UNREACHABLE: past the limit the messages are counted and the warning names it (before, they were dropped silently). */
class IcmpLimitTest {
    /** Ethernet/IPv4 ICMP port unreachable from 10.0.0.2, quoting a SYN 10.0.0.1:{@code port} → 10.0.0.2:21. */
    static byte[] unreachable(int port) {
        ByteBuffer b = ByteBuffer.allocate(14 + 20 + 8 + 20 + 8);
        b.put(new byte[] {0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 8, 0});
        b.put((byte) 0x45).put((byte) 0).putShort((short) 56).putInt(0).put((byte) 64).put((byte) 1).putShort((short) 0)
                .put(new byte[] {10, 0, 0, 2}).put(new byte[] {10, 0, 0, 1});
        b.put((byte) 3).put((byte) 3).putShort((short) 0).putInt(0);
        b.put((byte) 0x45).put((byte) 0).putShort((short) 40).putInt(0).put((byte) 64).put((byte) 6).putShort((short) 0)
                .put(new byte[] {10, 0, 0, 1}).put(new byte[] {10, 0, 0, 2});
        b.putShort((short) port).putShort((short) 21).putInt(1);
        return b.array();
    }

    @Test
    void messagesPastTheLimitAreCountedAndNamed() {
        FtpAnalyzer ftp = new FtpAnalyzer(false);
        PacketInfo p = new PacketInfo();
        int max = Limit.ICMP_UNREACHABLE.intValue();
        for (int frame = 1; frame <= max + 3; frame++) {
            byte[] f = unreachable(1024 + frame % 60000);
            PacketDecoder.decode(1, f, 0, f.length, p);
            ftp.frameCaptured(frame, f.length, f.length);
            ftp.icmp(frame, f, 0, f.length, p);
        }
        ftp.result();
        List<CaptureWarning> w = ftp.limitWarnings();
        assertEquals(List.of(Limit.ICMP_UNREACHABLE.label() + " reached at frame " + (max + 1) + ": 3 further ICMP destination-unreachable"
                + " messages were counted, not kept; unanswered connections they may explain are reported without them"),
                w.stream().map(CaptureWarning::toString).toList());
    }
}

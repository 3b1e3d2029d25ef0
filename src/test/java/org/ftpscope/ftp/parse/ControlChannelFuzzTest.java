package org.ftpscope.ftp.parse;

import org.ftpscope.ftp.model.FtpCommand;
import org.ftpscope.ftp.model.FtpReply;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes the control-channel parser below the TCP layer: any bytes, cut into any segments with
 * gaps between, through the line splitter, the reply assembler and command parsing. Replays
 * the inputs under src/test/resources/org/ftpscope/ftp/parse/ControlChannelFuzzTestInputs in {@code mvn verify}.
 */
class ControlChannelFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void controlBytes(FuzzedDataProvider in) {
        List<FtpReply> replies = new ArrayList<>();
        ReplyAssembler assembler = new ReplyAssembler(replies::add);
        List<FtpCommand> commands = new ArrayList<>();
        ControlLineSplitter server = new ControlLineSplitter((line, frame, nanos, overlong, cut) -> {
            assertTrue(line.length() <= ControlLineSplitter.MAX_LINE);
            assembler.line(line, frame, nanos);
        });
        ControlLineSplitter client = new ControlLineSplitter((line, frame, nanos, overlong, cut) -> {
            FtpCommand c = FtpCommand.parse(line, frame, nanos);
            c.pathArgument();
            commands.add(c);
        });
        int frame = 1;
        while (in.remainingBytes() > 0) {
            int what = in.consumeInt(0, 9);
            ControlLineSplitter side = in.consumeBoolean() ? server : client;
            if (what == 0) {
                side.gap(in.consumeBoolean());
            } else {
                byte[] seg = in.consumeBytes(in.consumeInt(0, 1500));
                int off = seg.length == 0 ? 0 : in.consumeInt(0, seg.length);
                side.feed(seg, off, seg.length - off, frame++, frame * 1000L);
            }
        }
        client.finish();
        server.finish();
        assembler.finish(frame);
        for (FtpReply r : replies) {
            assertTrue(r.code() == -1 || (r.code() >= 100 && r.code() <= 699), "code " + r.code());
            r.fullText();
            SetupParsers.passive(r.text());
            SetupParsers.extendedPassive(r.text());
            SetupParsers.longPassive(r.text());
            ReplyCodes.describe(r.code());
        }
    }

    /** The real multi-line banner of vsftpd, its inner line repeated until the reply passes 1 MiB. */
    @Test
    void neverEndingMultiLineReplyIsKeptInPart() throws IOException {
        byte[] real;
        try (InputStream in = getClass().getResourceAsStream("ControlChannelFuzzTestInputs/controlBytes/seed-multiline-replies-server")) {
            real = in.readAllBytes();
        }
        String text = new String(real, StandardCharsets.UTF_8);
        String inner = text.lines().filter(l -> l.startsWith("220-   Indented")).findFirst().orElseThrow() + "\r\n";
        List<FtpReply> replies = new ArrayList<>();
        ReplyAssembler assembler = new ReplyAssembler(replies::add);
        ControlLineSplitter server = new ControlLineSplitter((line, frame, nanos, overlong, cut) -> assembler.line(line, frame, nanos));
        byte[] first = "220-Welcome to the ftpscope test server.\r\n".getBytes(StandardCharsets.UTF_8);
        server.feed(first, 0, first.length, 1, 0);
        byte[] rep = inner.getBytes(StandardCharsets.UTF_8);
        int n = 40_000; // 40,000 * 45 bytes = 1.8 MB
        for (int i = 0; i < n; i++) server.feed(rep, 0, rep.length, 2 + i / 1000, 0);
        byte[] last = "220 Last line of the banner.\r\n".getBytes(StandardCharsets.UTF_8);
        server.feed(last, 0, last.length, 99, 0);
        assertEquals(1, replies.size());
        FtpReply r = replies.get(0);
        assertEquals(220, r.code());
        assertEquals(99, r.lastFrame());
        assertEquals("220 Last line of the banner.", r.lines().get(r.lines().size() - 1));
        int kept = r.lines().stream().mapToInt(String::length).sum();
        assertTrue(kept <= ReplyAssembler.MAX_REPLY_CHARS + 100, "kept " + kept);
        int innerLen = inner.length() - 2;
        // whichever of the characters and lines limits trips first, plus the closing line
        assertEquals(Math.min(1 + (ReplyAssembler.MAX_REPLY_CHARS - 41) / innerLen, ReplyAssembler.MAX_REPLY_LINES) + 1,
                r.lines().size());
        assertEquals(10_001, r.lines().size());
        assertEquals(1, assembler.oversizedFrames().size());
    }
}

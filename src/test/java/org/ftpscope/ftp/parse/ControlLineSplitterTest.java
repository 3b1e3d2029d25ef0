package org.ftpscope.ftp.parse;

import org.ftpscope.ftp.model.LineCut;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the splitter makes of the bytes after a hole: a line, a cut line, or bytes skipped and counted. */
class ControlLineSplitterTest {
    private final List<String> lines = new ArrayList<>();
    private boolean multiLineOpen;
    private final ControlLineSplitter s = new ControlLineSplitter(
            (line, frame, nanos, overlong, cut) -> lines.add(frame + ":" + line + (cut == LineCut.NONE ? "" : "|" + cut)),
            () -> multiLineOpen);

    private void feed(String text, int frame) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        s.feed(b, 0, b.length, frame, 0);
    }

    @Test
    void aSnaplenCutVerbOrCodeIsACutLine() {
        feed("USER", 1);
        s.gap(true);
        feed("PASV", 2); // a whole verb: before, skipped because no space followed
        s.gap(true);
        feed("RE", 3); // the beginning of RETR, REST, RNFR ...
        s.gap(true);
        feed("227", 4); // a reply code
        s.gap(true);
        feed("2", 5);
        s.gap(true);
        assertEquals(List.of("1:USER|SNAPLEN", "2:PASV|SNAPLEN", "3:RE|SNAPLEN", "4:227|SNAPLEN", "5:2|SNAPLEN"), lines);
        assertEquals(0, s.skipped());
    }

    @Test
    void bytesThatBeginNoLineAreSkippedAndCounted() {
        feed("RETR a-long-na", 1);
        s.gap(true);
        feed("me.txt\r\n", 2); // the rest of the line cut in frame 1
        feed("TYPE I\r\n", 3);
        s.gap(false);
        feed("XYZZ", 4); // no known verb begins so
        s.gap(true);
        feed("PA", 5); // undecided ...
        feed("SS x\r\n", 6); // ... then a whole line
        s.gap(false);
        feed("ST", 7);
        feed("\r\n", 8); // "ST" alone is no command
        assertEquals(List.of("1:RETR a-long-na|SNAPLEN", "3:TYPE I", "5:PASS x"), lines);
        assertEquals(3, s.skipped());
        assertEquals(2, s.firstSkippedFrame());
    }

    @Test
    void insideAnOpenMultiLineReplyALineMayBeginWithASpace() {
        feed("211-", 1);
        s.gap(true);
        multiLineOpen = true;
        feed(" EPR", 2);
        s.gap(true);
        feed("211 ", 3);
        s.gap(true);
        multiLineOpen = false;
        feed(" EPS", 4); // no reply open: not a line start
        s.gap(true);
        assertEquals(List.of("1:211-|SNAPLEN", "2: EPR|SNAPLEN", "3:211 |SNAPLEN"), lines);
        assertEquals(1, s.skipped());
        assertEquals(4, s.firstSkippedFrame());
    }
}

package org.ftpscope.ftp.parse;

import org.ftpscope.ftp.model.FtpReply;
import org.ftpscope.ftp.model.LineCut;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Assembles server lines into replies. {@code 226-…} opens a multi-line reply that ends at a
 * line starting with {@code 226 } (or exactly {@code 226}); lines in between may start with
 * anything, other codes included (RFC 959 §4.2). A line outside a multi-line reply without a
 * valid code becomes a reply with code -1, so no line is silently lost.
 *
 * <p>When bytes are missing inside a multi-line reply its closing line may be among them: a later
 * line that starts with another code and a space then ends it (as a cut reply) and starts anew.
 */
public final class ReplyAssembler {
    /** Text kept of one multi-line reply; past it lines are counted, not kept (a server that never closes its reply). */
    public static final int MAX_REPLY_CHARS = org.ftpscope.capture.Limit.REPLY_CHARS.intValue();
    /** Lines kept of one multi-line reply: ten million empty lines have no characters to count. */
    public static final int MAX_REPLY_LINES = org.ftpscope.capture.Limit.REPLY_LINES.intValue();
    /** Frames of malformed or oversized replies noted; each becomes a finding, and findings are bounded too. */
    private static final int MAX_NOTED_FRAMES = org.ftpscope.capture.Limit.FINDINGS_PER_SESSION.intValue();

    private final Consumer<FtpReply> sink;
    private final List<String> lines = new ArrayList<>();
    private int openCode = -1;
    private String firstText;
    private int firstFrame;
    private long firstNanos;
    /** Lines that had a code followed by neither space nor hyphen (e.g. {@code 230_no_space}). */
    private final List<Integer> malformedFrames = new ArrayList<>();
    private final List<Integer> oversizedFrames = new ArrayList<>();
    private long keptChars;
    private boolean dropping;
    private LineCut openCut = LineCut.NONE;
    private int lastFrame;

    public ReplyAssembler(Consumer<FtpReply> sink) { this.sink = sink; }

    public void line(String line, int frame, long nanos) { line(line, frame, nanos, LineCut.NONE); }

    public void line(String line, int frame, long nanos, LineCut cut) {
        int code = code(line);
        if (openCode >= 0 && openCut.cut() && code >= 0 && code != openCode && line.length() > 3
                && line.charAt(3) == ' ') {
            sink.accept(new FtpReply(openCode, firstText, lines, true, firstFrame, lastFrame, firstNanos, openCut));
            reset();
        }
        lastFrame = frame;
        if (openCode >= 0) {
            if (cut.cut() && !openCut.cut()) openCut = cut;
            boolean last = code == openCode && (line.length() == 3 || line.charAt(3) == ' ');
            if (last || (!dropping && keptChars + line.length() <= MAX_REPLY_CHARS && lines.size() < MAX_REPLY_LINES)) {
                lines.add(line);
                keptChars += line.length();
            } else {
                if (!dropping) {
                    dropping = true;
                    droppedByLines = lines.size() >= MAX_REPLY_LINES;
                    if (oversizedFrames.size() < MAX_NOTED_FRAMES) oversizedFrames.add(frame);
                    if (droppedFirstFrame[droppedByLines ? 1 : 0] == 0) droppedFirstFrame[droppedByLines ? 1 : 0] = frame;
                }
                droppedLines[droppedByLines ? 1 : 0]++;
            }
            if (last) {
                sink.accept(new FtpReply(openCode, firstText, lines, true, firstFrame, frame, firstNanos, openCut));
                reset();
            }
            return;
        }
        if (code >= 0 && line.length() > 3 && line.charAt(3) == '-') {
            openCode = code;
            firstText = line.substring(4);
            firstFrame = frame;
            firstNanos = nanos;
            lines.add(line);
            keptChars = line.length();
            openCut = cut;
            return;
        }
        String text;
        if (code < 0) text = line;
        else if (line.length() <= 3) text = "";
        else if (line.charAt(3) == ' ') text = line.substring(4);
        else {
            if (malformedFrames.size() < MAX_NOTED_FRAMES) malformedFrames.add(frame);
            text = line.substring(3);
        }
        sink.accept(new FtpReply(code, text, List.of(line), false, frame, frame, nanos, cut));
    }

    /** Whether a multi-line reply is open (its closing line not read yet). */
    public boolean open() { return openCode >= 0; }

    /** Bytes are missing from the server's direction here: an open multi-line reply may have lost its end. */
    public void gap() {
        if (openCode >= 0 && !openCut.cut()) openCut = LineCut.LOST;
    }

    /** Emits an unterminated multi-line reply when the connection ends. */
    public void finish(int frame) {
        if (openCode >= 0 && !lines.isEmpty()) {
            sink.accept(new FtpReply(openCode, firstText, lines, true, firstFrame, frame, firstNanos, openCut));
        }
        reset();
    }

    private void reset() {
        lines.clear();
        openCode = -1;
        keptChars = 0;
        dropping = false;
        openCut = LineCut.NONE;
    }

    public List<Integer> malformedFrames() { return malformedFrames; }

    /** By cause: [0] past {@link #MAX_REPLY_CHARS}, [1] past {@link #MAX_REPLY_LINES}. */
    private final long[] droppedLines = new long[2];
    private final int[] droppedFirstFrame = new int[2];
    private boolean droppedByLines;

    /** Lines of multi-line replies counted but not kept, past the characters ({@code byLines} false) or lines limit. */
    public long droppedLines(boolean byLines) { return droppedLines[byLines ? 1 : 0]; }

    public int droppedFirstFrame(boolean byLines) { return droppedFirstFrame[byLines ? 1 : 0]; }

    /** Frames where a multi-line reply passed {@link #MAX_REPLY_CHARS} and lines were dropped. */
    public List<Integer> oversizedFrames() { return oversizedFrames; }

    /** The reply code at the start of a line, or -1. */
    public static int code(String line) {
        if (line.length() < 3) return -1;
        char a = line.charAt(0), b = line.charAt(1), c = line.charAt(2);
        if (a < '1' || a > '6' || b < '0' || b > '9' || c < '0' || c > '9') return -1;
        if (line.length() > 3 && org.ftpscope.decode.Ascii.isDigit(line.charAt(3))) return -1;
        return (a - '0') * 100 + (b - '0') * 10 + (c - '0');
    }
}

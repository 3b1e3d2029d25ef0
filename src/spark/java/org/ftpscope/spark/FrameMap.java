package org.ftpscope.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a frame of an analysed file came from in the archive: the capture file and its frame number
 * there. For one file that is the file itself; for the stitched capture of a capture point, each
 * frame's source file and its number in that file.
 */
interface FrameMap {
    /** The archive file of {@code frame}, or null when the frame is 0 (none) or out of range. */
    String file(int frame);

    /** The frame's number in that file. */
    int local(int frame);

    /** The archive files of frames {@code first..last}, in order (the files a record came from). */
    List<String> files(int first, int last);

    /** "frame 16", "frames 35-2160", "frames 12, 13 and 14", as the core's messages name frames. */
    java.util.regex.Pattern FRAME_NUMBERS =
            java.util.regex.Pattern.compile("\\b([Ff]rames?) (\\d+)((?:(?:, | and |-)\\d+)*)");
    java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d+");

    /**
     * A core message with each frame number it names replaced by that frame's number in its archive
     * file and the file's name ({@code frame 16 of part_00001.pcap}): a number of an analysed
     * stitched capture means nothing to someone holding the archive.
     */
    default String text(String message) {
        if (message == null) return null;
        java.util.regex.Matcher m = FRAME_NUMBERS.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            StringBuilder rep = new StringBuilder(m.group(1)).append(' ');
            String numbers = m.group(2) + m.group(3);
            java.util.regex.Matcher n = NUMBER.matcher(numbers);
            int at = 0;
            while (n.find()) {
                rep.append(numbers, at, n.start());
                rep.append(name(Integer.parseInt(n.group())));
                at = n.end();
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(rep.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code 16 of part_00001.pcap}; the bare number when the frame is not in the map. */
    private String name(int frame) {
        String f = file(frame);
        if (f == null) return Integer.toString(frame);
        return local(frame) + " of " + f.substring(f.lastIndexOf('/') + 1);
    }

    static FrameMap single(String file, int frames) {
        return new FrameMap() {
            public String file(int frame) { return frame >= 1 && frame <= frames ? file : null; }
            public int local(int frame) { return frame; }
            public List<String> files(int first, int last) { return List.of(file); }
        };
    }

    /** Stitched frame {@code i} (1-based) is frame {@code localFrame[i-1]} of {@code files[fileIndex[i-1]]}. */
    static FrameMap stitched(List<String> files, int[] fileIndex, int[] localFrame, int frames) {
        return new FrameMap() {
            public String file(int frame) { return frame >= 1 && frame <= frames ? files.get(fileIndex[frame - 1]) : null; }
            public int local(int frame) { return frame >= 1 && frame <= frames ? localFrame[frame - 1] : 0; }
            public List<String> files(int first, int last) {
                int a = Math.max(1, Math.min(first, last)), b = Math.min(frames, Math.max(first, last));
                List<String> out = new ArrayList<>();
                if (a > b) return out;
                for (int i = fileIndex[a - 1]; i <= fileIndex[b - 1]; i++) out.add(files.get(i));
                return out;
            }
        };
    }
}

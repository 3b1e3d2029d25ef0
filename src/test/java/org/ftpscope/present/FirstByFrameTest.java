package org.ftpscope.present;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.ftp.model.FtpSession;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A report's bounded story ({@link StoryLine#first}) is the first lines of the whole one, in the same order (ties in frame included), with the right
 * count and first frame left out, for every session of every sample and derived capture.
 */
class FirstByFrameTest {
    static final int[] MAX = {0, 1, 2, 7, 40};

    @Test
    void theFirstLinesOfTheWholeStory() throws Exception {
        int cut = 0;
        for (Path capture : TestCaptures.samplesAndDerived().toList()) {
            try (Analysis a = Analyzer.analyzeStreaming(capture)) {
                for (FtpSession s : a.sessions()) {
                    for (Masking m : Masking.values()) {
                        List<StoryLine> story = StoryLine.of(s, a.findings(), m);
                        for (int max : MAX) {
                            String where = capture + " session " + s.id() + " max " + max;
                            FirstByFrame<StoryLine> f = StoryLine.first(s, a.findings(), m, max);
                            assertEquals(story.subList(0, Math.min(max, story.size())), f.items(), where);
                            assertEquals(story.size(), f.total(), where);
                            assertEquals(story.size() > max ? story.get(max).frame() : 0, f.firstFrameLeftOut(), where);
                            FirstByFrame.Extent e = StoryLine.extent(s, a.findings(), max);
                            assertEquals(List.of(f.total(), f.items().size(), f.firstFrameLeftOut()),
                                    List.of(e.total(), e.kept(), e.firstFrameLeftOut()), where);

                            if (f.leftOut() > 0) cut++;
                        }
                    }
                }
            }
        }
        assertTrue(cut > 100, "the samples cut few stories: " + cut);
    }
}

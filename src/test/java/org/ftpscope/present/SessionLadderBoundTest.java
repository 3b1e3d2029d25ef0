package org.ftpscope.present;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.decode.Endpoint;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.present.SessionLadder.Arrow;
import org.ftpscope.present.SessionLadder.Lifeline;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bounded ladder ({@link SessionLadder#first}) draws the first arrows of the whole one, in the
 * same order (ties in frame included), between the same endpoints, with the true count and first
 * frame not drawn, for every session of every sample and derived capture; with room for all it is
 * the whole ladder.
 */
class SessionLadderBoundTest {
    static final int[] MAX = {0, 1, 2, 7, 40};

    /** An arrow with the endpoints of its lifelines (the indices differ when fewer lifelines are drawn). */
    record Drawn(int frame, SessionLadder.Kind kind, String label, boolean failed, Endpoint from, Endpoint to) {}

    static List<Drawn> drawn(SessionLadder l) {
        List<Drawn> out = new ArrayList<>();
        for (Arrow a : l.arrows()) {
            out.add(new Drawn(a.frame(), a.kind(), a.label(), a.failed(), l.lifelines().get(a.from()).endpoint(),
                    l.lifelines().get(a.to()).endpoint()));
        }
        return out;
    }

    static boolean folded(SessionLadder l) { return l.lifelines().stream().anyMatch(x -> x.endpoint() == null); }

    @Test
    void theFirstArrowsOfTheWholeLadder() throws Exception {
        int cut = 0, setupsCut = 0;
        for (Path capture : TestCaptures.samplesAndDerived().toList()) {
            try (Analysis a = Analyzer.analyze(capture)) {
                for (FtpSession s : a.sessions()) {
                    for (Masking m : Masking.values()) {
                        SessionLadder whole = SessionLadder.of(s, a.streams(), m);
                        int n = whole.arrows().size();
                        assertEquals(List.of(n, 0), List.of(whole.totalArrows(), whole.firstFrameNotDrawn()));
                        String at = capture + " session " + s.id() + " " + m;
                        assertEquals(whole, SessionLadder.first(s, a.streams(), m, n), at + ": room for every arrow");
                        assertEquals(whole, SessionLadder.first(s, a.streams(), m, Integer.MAX_VALUE), at);
                        for (int max : MAX) {
                            String where = at + " max " + max;
                            SessionLadder first = SessionLadder.first(s, a.streams(), m, max);
                            int kept = Math.min(max, n);
                            assertEquals(kept, first.arrows().size(), where);
                            assertEquals(n, first.totalArrows(), where);
                            assertEquals(n - kept, first.notDrawn(), where);
                            assertEquals(n > max ? whole.arrows().get(max).frame() : 0, first.firstFrameNotDrawn(), where);
                            FirstByFrame.Extent e = SessionLadder.extent(s, a.streams(), max);
                            assertEquals(List.of(n, kept, first.firstFrameNotDrawn()), List.of(e.total(), e.kept(), e.firstFrameLeftOut()), where);
                            if (!folded(whole) && !folded(first)) {
                                assertEquals(drawn(whole).subList(0, kept), drawn(first), where);
                                // The bounded ladder's lifelines are some of the whole one's, in its order, marks and notes included.
                                List<Lifeline> some = new ArrayList<>(whole.lifelines());
                                some.retainAll(first.lifelines());
                                assertEquals(some, first.lifelines(), where);
                                if (first.lifelines().size() < whole.lifelines().size()) setupsCut++;
                            } else {
                                assertEquals(whole.arrows().subList(0, kept).stream().map(Arrow::label).toList(),
                                        first.arrows().stream().map(Arrow::label).toList(), where);
                            }
                            if (n > max) {
                                cut++;
                                assertTrue(first.limitNote().startsWith(SessionLadder.LIMIT.label() + " reached at frame "
                                        + first.firstFrameNotDrawn() + ": the first "), first.limitNote());
                            } else {
                                assertEquals("", first.limitNote());
                            }
                        }
                    }
                }
            }
        }
        assertTrue(cut > 100, "the samples cut few ladders: " + cut);
        assertTrue(setupsCut > 10, "few cut ladders leave lifelines out: " + setupsCut);
    }
}

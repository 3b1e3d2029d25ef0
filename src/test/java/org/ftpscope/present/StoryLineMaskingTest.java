package org.ftpscope.present;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.ftp.model.CommandRecord;
import org.ftpscope.ftp.model.FtpSession;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each PASS line shows its own argument when passwords are shown. The reports used to mask the
 * story and then replace "PASS ********" with the session's one password, so a session with a
 * wrong then a right password showed the right one twice.
 */
class StoryLineMaskingTest {
    @Test
    void eachPassShowsItsOwnArgument() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("pasv-curl.pcap"))) {
            FtpSession s = a.sessions().get(0);
            // pasv-curl's session with a PASS of another password added at frame 1, before its real one
            List<CommandRecord> commands = new ArrayList<>(s.commands());
            commands.add(0, new CommandRecord(1, s.startNanos(), "PASS", "wrong-first", List.of()));
            FtpSession two = new FtpSession(s.id(), s.client(), s.server(), s.controlStream(), s.firstFrame(), s.lastFrame(),
                    s.startNanos(), s.endNanos(), s.user(), s.password(), s.login(), s.tls(), s.tlsFrame(), commands,
                    s.setups(), s.transfers(), s.tlsRanges(), s.userSource());
            assertEquals(List.of("→ PASS wrong-first", "→ PASS " + s.password()), passLines(two, Masking.SHOWN));
            assertEquals(List.of("→ PASS ********", "→ PASS ********"), passLines(two, Masking.MASKED));
            assertEquals(List.of("PASS wrong-first", "PASS " + s.password()), SessionLadder.of(two, List.of(), Masking.SHOWN).arrows()
                    .stream().map(SessionLadder.Arrow::label).filter(l -> l.startsWith("PASS")).toList());
            assertEquals(List.of("PASS ********", "PASS ********"), SessionLadder.of(two, List.of(), Masking.MASKED).arrows()
                    .stream().map(SessionLadder.Arrow::label).filter(l -> l.startsWith("PASS")).toList());
        }
    }

    private static List<String> passLines(FtpSession s, Masking m) {
        return StoryLine.of(s, List.of(), m).stream().map(StoryLine::text).filter(t -> t.startsWith("→ PASS")).toList();
    }
}

package org.ftpscope.ftp.findings;

import org.ftpscope.ftp.model.FtpSession;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** {@code brute-force}: many failed logins from one client to one server, across connections. */
public final class BruteForceRule implements PatternRule {
    /** At least this many failed logins from one client make a brute-force finding (Zeek's default is 20). */
    static final int THRESHOLD = 10;

    @Override
    public List<Finding> find(CaptureFacts capture) {
        Map<String, List<SessionFacts>> byPair = new TreeMap<>();
        for (SessionFacts f : capture.sessionFacts()) {
            if (f.failedLoginFrames().isEmpty()) continue;
            FtpSession s = f.session();
            byPair.computeIfAbsent(s.client().ip() + " → " + s.server().ip(), k -> new ArrayList<>()).add(f);
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<SessionFacts>> e : byPair.entrySet()) {
            List<Integer> frames = new ArrayList<>();
            for (SessionFacts f : e.getValue()) frames.addAll(f.failedLoginFrames());
            if (frames.size() < THRESHOLD) continue;
            Collections.sort(frames);
            FtpSession first = e.getValue().get(0).session();
            FtpSession last = e.getValue().get(e.getValue().size() - 1).session();
            double secs = (last.endNanos() - first.startNanos()) / 1e9;
            out.add(new Finding(FindingKind.BRUTE_FORCE, FindingKind.BRUTE_FORCE.severity(), -1, frames.get(0),
                    frames.size() + " failed logins from " + e.getKey().replace(" → ", " to ") + " in "
                            + e.getValue().size() + " connections over " + String.format(Locale.ROOT, "%.0f", secs)
                            + " s.", frames));
        }
        return out;
    }
}

package org.ftpscope.report;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.session.FtpResult;
import org.ftpscope.present.Masking;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a report covers, taken once and honoured by every {@link ReportWriter}: which sessions, and
 * whether passwords are shown. Findings that belong to no session (session -1, about the capture)
 * are in every selection.
 *
 * @param sessions      session ids to include; empty means all
 * @param showPasswords include PASS arguments instead of masking them
 */
public record ReportSelection(Set<Integer> sessions, boolean showPasswords) {
    public static final ReportSelection ALL = new ReportSelection(Set.of(), false);

    public ReportSelection {
        sessions = Set.copyOf(sessions);
    }

    public boolean all() { return sessions.isEmpty(); }

    public boolean includes(int session) { return sessions.isEmpty() || sessions.contains(session); }

    /** The selected sessions, in the analysis's order. */
    public List<FtpSession> sessionsOf(Analysis a) { return sessionsOf(a.ftp()); }

    public List<FtpSession> sessionsOf(FtpResult r) { return r.sessions().stream().filter(s -> includes(s.id())).toList(); }

    /** The findings of the selected sessions and those about the capture as a whole. */
    public List<Finding> findingsOf(Analysis a) { return findingsOf(a.ftp()); }

    public List<Finding> findingsOf(FtpResult r) {
        return r.findings().stream().filter(f -> f.session() < 0 || includes(f.session())).toList();
    }

    /** Requested ids that name no session of the analysis, ascending. */
    public Set<Integer> unknownIn(Analysis a) {
        Set<Integer> out = new TreeSet<>(sessions);
        a.sessions().forEach(s -> out.remove(s.id()));
        return out;
    }

    public Masking masking() { return showPasswords ? Masking.SHOWN : Masking.MASKED; }
}

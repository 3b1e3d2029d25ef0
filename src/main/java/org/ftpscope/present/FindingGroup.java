package org.ftpscope.present;

import org.ftpscope.decode.IpAddr;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.findings.FindingKind;
import org.ftpscope.ftp.model.Severity;

import java.util.List;

/**
 * Findings of one kind and severity between the same hosts, across sessions: what reports and the
 * Findings view show as one row. The per-event findings stay the evidence ({@link #findings()}).
 *
 * @param client          the FTP client's address, null when no session owns the findings
 * @param server          the FTP server's address, null likewise
 * @param peer            the third host a data channel named (bounce target, advertised address), or null
 * @param count           events: failed logins for login-failed and brute-force findings (each lists its
 *                        530 frames), otherwise one per finding
 * @param sessions        the sessions involved, ascending (empty for capture-wide findings without an owner)
 * @param frames          the frames involved, ascending, at most {@link FindingGroups#MAX_FRAMES_LISTED}
 * @param framesNotListed further frames beyond that limit (all of them are in {@link #findings()})
 * @param firstFrameNotListed the first of those, or 0
 * @param message         one sentence with the count, the hosts and the first frames
 * @param findings        the grouped findings, in frame order
 */
public record FindingGroup(FindingKind kind, Severity severity, IpAddr client, IpAddr server, IpAddr peer, int count,
                           List<Integer> sessions, List<Integer> frames, int framesNotListed, String message,
                           List<Finding> findings, int firstFrameNotListed) {
    public FindingGroup(FindingKind kind, Severity severity, IpAddr client, IpAddr server, IpAddr peer, int count, List<Integer> sessions,
                        List<Integer> frames, int framesNotListed, String message, List<Finding> findings) {
        this(kind, severity, client, server, peer, count, sessions, frames, framesNotListed, message, findings, 0);
    }

    public FindingGroup {
        sessions = List.copyOf(sessions);
        frames = List.copyOf(frames);
        findings = List.copyOf(findings);
    }

    /** The frame to jump to: the first one involved. */
    public int firstFrame() { return frames.isEmpty() ? 0 : frames.get(0); }

    /** The first {@link FindingGroups#FIRST_FRAMES} frames, for a row's "frames 12, 40, 68 …". */
    public List<Integer> firstFrames() { return frames.subList(0, Math.min(FindingGroups.FIRST_FRAMES, frames.size())); }

    /** All frames involved, listed or not. */
    public int frameCount() { return frames.size() + framesNotListed; }

    /** One session id, or -1 when the group spans several sessions or none. */
    public int session() { return sessions.size() == 1 ? sessions.get(0) : -1; }
}

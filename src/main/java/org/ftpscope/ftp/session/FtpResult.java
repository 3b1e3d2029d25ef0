package org.ftpscope.ftp.session;

import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.model.FirewallSummary;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.OrphanDataConnection;
import org.ftpscope.ftp.model.StreamRole;
import java.util.List;
import java.util.Map;

/**
 * What the FTP layer found in one capture.
 *
 * @param orphanDataConnections data connections whose control connection or setup is not in the capture
 * @param snaplenCut            the frames the snapshot length cut, counted in the same pass
 */
public record FtpResult(List<FtpSession> sessions, List<Finding> findings, List<FirewallSummary> firewall,
                        Map<Integer, StreamRole> streamRoles, long droppedExpectations,
                        List<OrphanDataConnection> orphanDataConnections, SnaplenCuts snaplenCut) {
    /**
     * Frames whose captured length is less than their original length: how many, the first (0 when
     * none), and the shortest and longest captured length among them (0 when none).
     */
    public record SnaplenCuts(int frames, int firstFrame, int minCaptured, int maxCaptured) {
        public static final SnaplenCuts NONE = new SnaplenCuts(0, 0, 0, 0);
    }

    public FtpResult(List<FtpSession> sessions, List<Finding> findings, List<FirewallSummary> firewall,
                     Map<Integer, StreamRole> streamRoles, long droppedExpectations) {
        this(sessions, findings, firewall, streamRoles, droppedExpectations, List.of(), SnaplenCuts.NONE);
    }

    public FtpResult {
        orphanDataConnections = List.copyOf(orphanDataConnections);
        sessions = List.copyOf(sessions);
        findings = List.copyOf(findings);
        firewall = List.copyOf(firewall);
        streamRoles = Map.copyOf(streamRoles);
    }
}

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
 */
public record FtpResult(List<FtpSession> sessions, List<Finding> findings, List<FirewallSummary> firewall,
                        Map<Integer, StreamRole> streamRoles, long droppedExpectations,
                        List<OrphanDataConnection> orphanDataConnections) {
    public FtpResult(List<FtpSession> sessions, List<Finding> findings, List<FirewallSummary> firewall,
                     Map<Integer, StreamRole> streamRoles, long droppedExpectations) {
        this(sessions, findings, firewall, streamRoles, droppedExpectations, List.of());
    }

    public FtpResult {
        orphanDataConnections = List.copyOf(orphanDataConnections);
        sessions = List.copyOf(sessions);
        findings = List.copyOf(findings);
        firewall = List.copyOf(firewall);
        streamRoles = Map.copyOf(streamRoles);
    }
}

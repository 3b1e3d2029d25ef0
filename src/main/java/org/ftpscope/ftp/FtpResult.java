package org.ftpscope.ftp;

import java.util.List;
import java.util.Map;

/** What the FTP layer found in one capture. */
public record FtpResult(List<FtpSession> sessions, List<Finding> findings, List<FirewallSummary> firewall,
                        Map<Integer, StreamRole> streamRoles, long droppedExpectations) {
    public FtpResult {
        sessions = List.copyOf(sessions);
        findings = List.copyOf(findings);
        firewall = List.copyOf(firewall);
        streamRoles = Map.copyOf(streamRoles);
    }
}

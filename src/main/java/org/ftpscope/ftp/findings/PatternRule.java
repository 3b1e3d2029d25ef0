package org.ftpscope.ftp.findings;

import org.ftpscope.ftp.model.FtpSession;

import java.util.List;

/**
 * A diagnosis that needs more than one event to be true (a scan, a flood): it reads the finished
 * sessions, across connections, and names the pattern in one finding.
 */
public interface PatternRule {
    List<Finding> find(List<FtpSession> sessions);
}

package org.ftpscope.ftp.patterns;

import org.ftpscope.ftp.Finding;
import org.ftpscope.ftp.FtpSession;

import java.util.List;

/**
 * A diagnosis that needs more than one event to be true (a scan, a flood): it reads the finished
 * sessions, across connections, and names the pattern in one finding.
 */
public interface PatternRule {
    List<Finding> find(List<FtpSession> sessions);
}

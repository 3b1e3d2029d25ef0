package org.ftpscope.ftp.findings;

import java.util.List;

/**
 * A diagnosis that needs more than one event to be true (a scan, a flood), or that only the whole
 * capture can state: it reads the finished sessions across connections, and the capture's facts.
 */
public non-sealed interface PatternRule extends FindingRule {
    List<Finding> find(CaptureFacts capture);
}

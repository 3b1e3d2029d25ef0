package org.ftpscope.ftp.findings;

import java.util.List;

/** A rule that reads one finished session at a time (the capture's facts are there for context). */
public non-sealed interface SessionRule extends FindingRule {
    void find(SessionFacts session, CaptureFacts capture, List<Finding> out);
}

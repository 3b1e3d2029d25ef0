package org.ftpscope.report;

import java.util.Set;

/**
 * What a session report includes.
 *
 * @param showPasswords include PASS arguments instead of masking them
 * @param sessions      session ids to include; empty means all
 */
public record ReportOptions(boolean showPasswords, Set<Integer> sessions) {
    public static final ReportOptions DEFAULT = new ReportOptions(false, Set.of());

    public boolean includes(int session) { return sessions.isEmpty() || sessions.contains(session); }
}

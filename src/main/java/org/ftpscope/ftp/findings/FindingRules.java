package org.ftpscope.ftp.findings;

import java.util.ArrayList;
import java.util.List;

/**
 * The registered finding rules. Adding a diagnosis is its {@link FindingKind} entry, its rule
 * class, and a line in {@link #ALL}. The list's order is the order of findings on the same frame.
 */
public final class FindingRules {
    private FindingRules() {}

    public static final List<FindingRule> ALL = List.of(
            // per session
            new CleartextCredentialsRule(),
            new LoginFailedRule(),
            new SetupAddressRule(),
            new DataConnectionHijackRule(),
            new DataConnectionRule(),
            new TransferRule(),
            // across sessions, and what only the whole capture shows
            new BruteForceRule(),
            new BounceScanRule(),
            new DataChannelFloodRule(),
            new DataConnectionsNotCapturedRule(),
            new ServerUnreachableRule(),
            new OneDirectionRule(),
            new EncryptedSessionDataRule(),
            new CutControlChannelRule(),
            new OrphanDataConnectionRule(),
            new CaptureTruncatedRule());

    /**
     * Every session's control findings and session rules, session by session, then the pattern
     * rules; unsorted (the caller orders them by frame).
     */
    public static List<Finding> derive(CaptureFacts capture) {
        List<Finding> out = new ArrayList<>();
        for (SessionFacts s : capture.sessionFacts()) {
            out.addAll(s.controlFindings());
            for (FindingRule r : ALL) {
                if (r instanceof SessionRule rule) rule.find(s, capture, out);
            }
        }
        for (FindingRule r : ALL) {
            if (r instanceof PatternRule rule) out.addAll(rule.find(capture));
        }
        return out;
    }
}

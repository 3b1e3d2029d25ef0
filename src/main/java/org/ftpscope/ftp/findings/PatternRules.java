package org.ftpscope.ftp.findings;

import org.ftpscope.ftp.model.FtpSession;

import java.util.ArrayList;
import java.util.List;

/** The registered pattern rules; adding one is a class and a line here. */
public final class PatternRules {
    private PatternRules() {}

    public static final List<PatternRule> ALL = List.of(new BounceScanRule(), new DataChannelFloodRule());

    public static List<Finding> derive(List<FtpSession> sessions) {
        List<Finding> out = new ArrayList<>();
        for (PatternRule r : ALL) out.addAll(r.find(sessions));
        return out;
    }

    /** "3000–3199, 3300" for sorted distinct ports; at most {@code limit} runs, then "… and N more ports". */
    static String ranges(List<Integer> sortedPorts, int limit) {
        StringBuilder sb = new StringBuilder();
        int runs = 0, i = 0, n = sortedPorts.size();
        while (i < n) {
            int start = sortedPorts.get(i), j = i;
            while (j + 1 < n && sortedPorts.get(j + 1) == sortedPorts.get(j) + 1) j++;
            if (runs == limit) {
                sb.append(" … and ").append(n - i).append(" more ports");
                break;
            }
            if (runs++ > 0) sb.append(", ");
            sb.append(start);
            if (j > i) sb.append('–').append(sortedPorts.get(j));
            i = j + 1;
        }
        return sb.toString();
    }
}

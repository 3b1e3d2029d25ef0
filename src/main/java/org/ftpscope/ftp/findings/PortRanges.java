package org.ftpscope.ftp.findings;

import java.util.List;

/** Port lists in words, for findings that name many ports. */
final class PortRanges {
    private PortRanges() {}

    /** "3000–3199, 3300" for sorted distinct ports; at most {@code limit} runs, then "… and N more ports". */
    static String of(List<Integer> sortedPorts, int limit) {
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

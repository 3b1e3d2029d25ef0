package org.ftpscope.report;

import org.ftpscope.capture.Limit;

/** What an Export Objects save says it did, holes included (shared by the app's dialog and its test). */
public final class ExportSummary {
    private ExportSummary() {}

    /**
     * E.g. {@code Saved 3 of 3 into /tmp/x; 1 with bytes missing from the capture: 1448 bytes of holes
     * filled with zeros, so every other byte is at its offset}.
     */
    public static String text(int saved, int of, String dir, int withHoles, long filledBytes, long unfilledBytes) {
        StringBuilder b = new StringBuilder("Saved ").append(saved).append(" of ").append(of).append(" into ").append(dir);
        if (withHoles == 0) return b.toString();
        b.append("; ").append(withHoles).append(" with bytes missing from the capture: ");
        if (filledBytes > 0) b.append(filledBytes).append(" bytes of holes filled with zeros, so every other byte is at its offset");
        if (unfilledBytes > 0) {
            if (filledBytes > 0) b.append("; ");
            b.append(unfilledBytes).append(" bytes of holes left out, the bytes after them moved up (")
                    .append(Limit.GAP_FILL_BYTES.label()).append(" reached)");
        }
        return b.toString();
    }
}

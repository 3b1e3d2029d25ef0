package org.ftpscope.ftp.findings;

import org.ftpscope.ftp.model.OrphanDataConnection;

import java.util.ArrayList;
import java.util.List;

/** {@code orphan-data-connection}: FTP data by its ports, with no control connection or setup in the capture. */
public final class OrphanDataConnectionRule implements PatternRule {
    @Override
    public List<Finding> find(CaptureFacts capture) {
        List<Finding> out = new ArrayList<>();
        for (OrphanDataConnection o : capture.orphans()) {
            out.add(new Finding(FindingKind.ORPHAN_DATA_CONNECTION, FindingKind.ORPHAN_DATA_CONNECTION.severity(), -1,
                    o.firstFrame(), "tcp.stream " + o.stream() + " " + o.client() + " → " + o.server() + " (frames "
                    + o.firstFrame() + "–" + o.lastFrame() + ", " + o.bytesToServer() + " + " + o.bytesToClient()
                    + " bytes) is an FTP data connection by its ports (" + o.reason() + "), but its control connection "
                    + "or setup is not in the capture, so no command can be tied to it.", List.of(o.firstFrame(), o.lastFrame())));
        }
        return out;
    }
}

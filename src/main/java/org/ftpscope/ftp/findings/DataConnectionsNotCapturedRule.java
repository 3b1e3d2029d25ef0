package org.ftpscope.ftp.findings;

import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.Shortfall;
import org.ftpscope.ftp.model.Transfer;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code data-connections-not-captured}: when no transfer's data connection is in the capture at
 * all, the per-transfer {@code data-connection-missing} findings ({@link TransferRule}) become one:
 * the capture, not the network, lacks them.
 */
public final class DataConnectionsNotCapturedRule implements PatternRule {
    @Override
    public List<Finding> find(CaptureFacts capture) {
        if (!capture.noDataConnectionCaptured()) return List.of();
        int confirmed = 0, transfers = 0;
        List<Integer> frames = new ArrayList<>();
        for (FtpSession s : capture.sessions()) {
            for (Transfer t : s.transfers()) {
                if (t.shortfalls().stream().anyMatch(x -> x.cause() == Shortfall.Cause.NOT_IN_CAPTURE)) {
                    transfers++;
                    if (t.replyCode() >= 200 && t.replyCode() < 300) confirmed++;
                }
                if (TransferRule.connectionMissing(t)) frames.add(t.commandFrame());
            }
        }
        if (frames.isEmpty()) return List.of();
        frames.sort(null);
        return List.of(new Finding(FindingKind.DATA_CONNECTIONS_NOT_CAPTURED, FindingKind.DATA_CONNECTIONS_NOT_CAPTURED.severity(),
                -1, frames.get(0), "No data connection of any of the " + transfers + " transfers is in the capture"
                + (capture.onlyControlConnections() ? ": it holds only FTP control connections, likely because of a capture filter "
                        + "such as `port 21`." : ": they were filtered out or took a path the capture did not see.")
                + " The server confirmed " + confirmed + " of them (2xx); their outcomes are taken from its replies.", frames));
    }
}

package org.ftpscope.ftp.findings;

import org.ftpscope.decode.IpAddr;
import org.ftpscope.ftp.model.DataConnection;
import org.ftpscope.ftp.model.DataSetup;
import org.ftpscope.ftp.model.ForeignConnection;
import org.ftpscope.ftp.model.FtpSession;

import java.util.ArrayList;
import java.util.List;

/** {@code data-connection-hijack}: a third host connected to the data port a setup announced. */
public final class DataConnectionHijackRule implements SessionRule {
    @Override
    public void find(SessionFacts facts, CaptureFacts capture, List<Finding> out) {
        FtpSession s = facts.session();
        for (DataSetup d : s.setups()) {
            if (d.inferred() != null || !d.endpointKnown()) continue;
            for (ForeignConnection fc : d.foreignConnections()) hijack(s, d, fc, out);
        }
    }

    private static void hijack(FtpSession s, DataSetup d, ForeignConnection fc, List<Finding> out) {
        DataConnection f = fc.connection();
        boolean passive = d.mode().passive();
        IpAddr expected = passive ? s.client().ip() : s.server().ip();
        String port = passive
                ? "the passive port " + f.server() + " that the " + d.replyCode() + " reply in frame " + d.setupFrame()
                  + " gave the client " + expected
                : "the active-mode port " + f.server() + " that " + d.mode() + " in frame " + d.setupFrame()
                  + " named for the server " + expected;
        String state = switch (f.state()) {
            case UNANSWERED -> "its SYN got no answer";
            case REFUSED -> "it was refused with a reset (frame " + f.rstFrame() + ")";
            case RESET -> "it was accepted, then reset (frame " + f.rstFrame() + ") before any data";
            default -> f.bytesFromClient() + f.bytesFromServer() == 0 ? "it was accepted, and no data crossed it"
                    : "it was accepted: " + f.client().ip() + " received " + f.bytesFromServer() + " bytes"
                      + (f.bytesFromServer() > 0 ? " (SHA-256 " + fc.sha256FromServer() + ")" : "")
                      + " and sent " + f.bytesFromClient() + (f.bytesFromClient() > 0 ? " (SHA-256 " + fc.sha256FromClient() + ")" : "");
        };
        DataConnection own = d.data();
        String ownState = own == null ? "" : switch (own.state()) {
            case UNANSWERED -> ", but its SYN got no answer";
            case REFUSED -> ", but it was refused with a reset (frame " + own.rstFrame() + ")";
            case RESET -> ", but it was reset (frame " + own.rstFrame() + ") before any data";
            case ESTABLISHED -> ", but no data crossed it in the capture (no byte, none acknowledged, and neither FIN nor RST)";
            default -> "";
        };
        String then = own != null
                ? "The transfer is taken from " + expected + "'s own connection, tcp.stream " + own.stream()
                  + " (SYN frame " + own.synFrame() + (own.synFrame() < f.synFrame() ? ", first" : ", later") + ")" + ownState + "."
                : "No connection from " + expected + " to that port is in the capture; the third host's bytes are not "
                  + "taken as the transfer.";
        List<Integer> frames = new ArrayList<>(List.of(f.synFrame() > 0 ? f.synFrame() : f.firstFrame(), f.lastFrame()));
        out.add(new Finding(FindingKind.DATA_CONNECTION_HIJACK, FindingKind.DATA_CONNECTION_HIJACK.severity(), s.id(),
                frames.get(0), f.client().ip() + " (port " + f.client().port() + "), neither the session's "
                + (passive ? "client" : "server") + " " + expected + " nor its " + (passive ? "server" : "client")
                + ", connected to " + port + " (tcp.stream " + f.stream() + ", frames " + frames.get(0) + "–" + f.lastFrame()
                + "): " + state + ". " + then, frames));
    }
}

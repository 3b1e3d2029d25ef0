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
                  + " (" + order(own, f) + ")" + ownState + "."
                : "No connection from " + expected + " to that port is in the capture; the third host's bytes are not "
                  + "taken as the transfer.";
        List<Integer> frames = new ArrayList<>(List.of(f.synFrame() > 0 ? f.synFrame() : f.firstFrame(), f.lastFrame()));
        out.add(new Finding(FindingKind.DATA_CONNECTION_HIJACK, FindingKind.DATA_CONNECTION_HIJACK.severity(), s.id(),
                frames.get(0), f.client().ip() + " (port " + f.client().port() + "), neither the session's "
                + (passive ? "client" : "server") + " " + expected + " nor its " + (passive ? "server" : "client")
                + ", connected to " + port + " (tcp.stream " + f.stream() + ", frames " + frames.get(0) + "–" + f.lastFrame()
                + "): " + state + ". " + then, frames));
    }

    /**
     * Where the own connection {@code own} starts and whether it connected before the third host's
     * {@code f}, as far as the capture shows it: frame order orders two SYNs; a connection whose SYN is
     * not in the capture began before its first captured frame, so it came first only when that frame
     * is before the other's SYN (and later only when the other's first captured frame is before its SYN).
     */
    static String order(DataConnection own, DataConnection f) {
        String third = f.client().ip() + "'s ";
        if (own.synFrame() > 0 && f.synFrame() > 0) {
            return "SYN frame " + own.synFrame() + (own.synFrame() < f.synFrame() ? ", first" : ", later");
        }
        if (own.synFrame() > 0) {
            return "SYN frame " + own.synFrame() + (f.firstFrame() < own.synFrame()
                    ? ", later: " + third + "connection, whose SYN is not in the capture, has frame " + f.firstFrame() + " before it"
                    : "; " + third + "connection starts at frame " + f.firstFrame() + " and its SYN is not in the capture,"
                      + " so which connected first is not known");
        }
        String start = "first captured frame " + own.firstFrame() + "; its SYN is not in the capture";
        if (f.synFrame() > 0) {
            return start + (own.firstFrame() < f.synFrame() ? ", but frame " + own.firstFrame() + " is before " + third
                    + "SYN in frame " + f.synFrame() + ", so it connected first"
                    : ", so whether it connected before " + third + "SYN in frame " + f.synFrame() + " is not known");
        }
        return start + ", nor is " + third + "(first captured frame " + f.firstFrame() + "), so which connected first is not known";
    }
}

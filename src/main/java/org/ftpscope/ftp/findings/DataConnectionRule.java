package org.ftpscope.ftp.findings;

import org.ftpscope.decode.IpAddr;
import org.ftpscope.ftp.model.DataConnection;
import org.ftpscope.ftp.model.DataSetup;
import org.ftpscope.ftp.model.DataState;
import org.ftpscope.ftp.model.FtpSession;

import java.util.List;

/**
 * The fate of a setup's own data connection: its SYN unanswered ({@code data-connection-blocked})
 * or answered with a reset ({@code data-connection-refused}).
 */
public final class DataConnectionRule implements SessionRule {
    @Override
    public void find(SessionFacts facts, CaptureFacts capture, List<Finding> out) {
        FtpSession s = facts.session();
        IpAddr serverIp = s.server().ip();
        for (DataSetup d : s.setups()) {
            if (d.inferred() != null) {
                // A cut setup names no address to judge; only its connection's fate is known.
                DataConnection c = d.data();
                if (c != null && c.state() == DataState.REFUSED) {
                    out.add(new Finding(FindingKind.DATA_CONNECTION_REFUSED, s.id(), c.rstFrame(),
                            "The data connection " + c.client() + " → " + c.server() + " (" + d.inferred() + ", frame "
                                    + d.setupFrame() + ") was refused with a reset (frame " + c.rstFrame() + ")."));
                }
                continue;
            }
            if (!d.endpointKnown()) continue;
            String what = d.mode() + " " + (d.mode().passive() ? "reply" : "command");
            DataConnection c = d.data();
            if (c != null && c.state() == DataState.UNANSWERED) {
                // To the server's own address, silence means a filter; to another (advertised) address, no such host.
                String why = c.server().ip().equals(serverIp)
                        ? "a firewall drops port " + c.server().port() + "."
                                + (s.tls() && d.mode().passive() ? " " + EncryptedSessionDataRule.helperNote(s, c.server().port()) : "")
                        : "nothing answers at " + c.server().ip() + ", the address the server advertised"
                          + (c.server().ip().isPrivate() ? " (a private address, not reachable from the client)." : ".");
                out.add(new Finding(FindingKind.DATA_CONNECTION_BLOCKED, s.id(), c.synFrame(),
                        "The data connection " + c.client() + " → " + c.server() + " (set up by the " + what + " in frame "
                                + d.setupFrame() + ") got no answer to its SYN"
                                + (c.synCount() > 1 ? ", sent " + c.synCount() + " times" : "") + ": " + why));
            }
            if (c != null && c.state() == DataState.REFUSED) {
                out.add(new Finding(FindingKind.DATA_CONNECTION_REFUSED, s.id(), c.rstFrame(),
                        "The data connection " + c.client() + " → " + c.server() + " (set up in frame " + d.setupFrame()
                                + ") was refused with a reset (frame " + c.rstFrame() + ")."));
            }
        }
    }
}

package org.ftpscope.ftp.findings;

import org.ftpscope.decode.IpAddr;
import org.ftpscope.ftp.model.DataMode;
import org.ftpscope.ftp.model.DataSetup;
import org.ftpscope.ftp.model.DataState;
import org.ftpscope.ftp.model.FtpSession;

import java.util.List;
import java.util.Locale;

/**
 * What a setup names: a passive reply advertising another address than the server's
 * ({@code pasv-address-mismatch}), an active setup naming another host than the client
 * ({@code bounce-attempt}) or a port below 1024 ({@code privileged-data-port}).
 */
public final class SetupAddressRule implements SessionRule {
    @Override
    public void find(SessionFacts facts, CaptureFacts capture, List<Finding> out) {
        FtpSession s = facts.session();
        IpAddr serverIp = s.server().ip();
        IpAddr clientIp = s.client().ip();
        for (DataSetup d : s.setups()) {
            if (d.inferred() != null || !d.endpointKnown()) continue; // a cut line names no address to judge
            if (d.mode().passive() && d.mode() != DataMode.EPSV && !d.advertised().ip().equals(serverIp)) {
                IpAddr adv = d.advertised().ip();
                String why = adv.isUnspecified() ? " (an address nobody can connect to)"
                        : adv.isPrivate() && !serverIp.isPrivate() ? " (a private address, seen from outside)"
                        : "";
                String then;
                if (d.data() == null) {
                    then = "No connection to either address followed.";
                } else if (d.data().usedAdvertisedAddress()) {
                    then = "The client connected to the advertised address (" + where(d) + ")"
                            + (d.data().state() == DataState.UNANSWERED ? ", which never answered." : ".");
                } else {
                    then = "The client ignored it and connected to the control connection's address "
                            + serverIp + " instead (" + where(d) + ").";
                }
                out.add(new Finding(FindingKind.PASV_ADDRESS_MISMATCH, s.id(), d.setupFrame(),
                        "The " + d.replyCode() + " reply advertises " + d.advertised() + why + ", but the client reached "
                                + "the server at " + serverIp + ". " + then));
            }
            if (!d.mode().passive()) {
                if (!d.advertised().ip().equals(clientIp)) {
                    out.add(new Finding(FindingKind.BOUNCE_ATTEMPT, s.id(), d.setupFrame(),
                            d.mode() + " " + d.text() + " asks the server to connect to " + d.advertised()
                                    + ", not to the client " + clientIp + "; the server answered "
                                    + replyWords(d.replyCode()) + "."));
                }
                if (d.advertised().port() < 1024) {
                    out.add(new Finding(FindingKind.PRIVILEGED_DATA_PORT, s.id(), d.setupFrame(),
                            d.mode() + " names port " + d.advertised().port() + " (below 1024) on "
                                    + d.advertised().ip() + "; the server answered " + replyWords(d.replyCode()) + "."));
                }
            }
        }
    }

    private static String replyWords(int code) {
        if (code < 0) return "nothing (no reply seen)";
        String verdict = code < 300 ? "accepting it" : "refusing it";
        return String.format(Locale.ROOT, "%d, %s", code, verdict);
    }

    /** Where the data connection shows in the capture: its SYN, or its first frame when the SYN is not in it. */
    private static String where(DataSetup d) {
        return d.data().synFrame() > 0 ? "frame " + d.data().synFrame()
                : "tcp.stream " + d.data().stream() + " from frame " + d.data().firstFrame() + "; its SYN is not in the capture";
    }
}

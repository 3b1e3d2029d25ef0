package org.ftpscope.ftp;

import org.ftpscope.decode.IpAddr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Derives findings from a finished session: facts in, diagnoses out, nothing else. */
final class FindingRules {
    private FindingRules() {}

    static List<Finding> derive(FtpSession s, List<Integer> failedLoginFrames, List<String> failedUsers,
                                int passFrame, boolean passBeforeTls) {
        List<Finding> out = new ArrayList<>();
        IpAddr serverIp = s.server().ip();
        IpAddr clientIp = s.client().ip();

        if (s.password() != null && passBeforeTls) {
            boolean anonymous = s.user() != null
                    && (s.user().equalsIgnoreCase("anonymous") || s.user().equalsIgnoreCase("ftp"));
            String msg = anonymous
                    ? "Anonymous login: the \"password\" (usually an e-mail address) crossed the network in cleartext."
                    : (s.user() == null ? "A client whose user is unknown (no USER command or naming 331 reply in the capture)"
                       : "User \"" + s.user() + "\"" + ("331".equals(s.userSource()) ? " (named by the 331 reply)" : "")) + " sent the password in cleartext (PASS, frame " + passFrame
                      + "); anyone on the path can read it.";
            out.add(new Finding(FindingKind.CLEARTEXT_CREDENTIALS,
                    anonymous ? Severity.INFO : Severity.WARNING, s.id(), passFrame, msg, List.of()));
        }
        if (!failedLoginFrames.isEmpty()) {
            int n = failedLoginFrames.size();
            String users = String.join(", ", failedUsers.stream().distinct().limit(10).toList());
            String msg = n == 1
                    ? "The server rejected the login" + (users.isEmpty() ? "" : " of \"" + users + "\"") + " (530)."
                    : n + " failed login attempts on one connection (users: " + users
                      + ") — this looks like password guessing.";
            out.add(new Finding(FindingKind.LOGIN_FAILED, FindingKind.LOGIN_FAILED.severity(), s.id(),
                    failedLoginFrames.get(0), msg, failedLoginFrames));
        }
        // The TLS finding is made by ControlFeed, which sees whether TLS records followed the 234.
        for (DataSetup d : s.setups()) {
            if (d.inferred() != null) {
                inferredFindings(s, d, out);
                continue;
            }
            setupFindings(s, d, serverIp, clientIp, out);
        }
        for (Transfer t : s.transfers()) {
            transferFindings(s, t, out);
        }
        return out;
    }

    /** A cut setup names no address to judge; only its connection's fate is known. */
    private static void inferredFindings(FtpSession s, DataSetup d, List<Finding> out) {
        DataConnection c = d.data();
        if (c != null && c.state() == DataState.REFUSED) {
            out.add(new Finding(FindingKind.DATA_CONNECTION_REFUSED, s.id(), c.rstFrame(),
                    "The data connection " + c.client() + " → " + c.server() + " (" + d.inferred() + ", frame "
                            + d.setupFrame() + ") was refused with a reset (frame " + c.rstFrame() + ")."));
        }
    }

    private static void setupFindings(FtpSession s, DataSetup d, IpAddr serverIp, IpAddr clientIp, List<Finding> out) {
        String what = d.mode() + " " + (d.mode().passive() ? "reply" : "command");
        if (d.mode().passive() && d.mode() != DataMode.EPSV && !d.advertised().ip().equals(serverIp)) {
            IpAddr adv = d.advertised().ip();
            String why = adv.isUnspecified() ? " (an address nobody can connect to)"
                    : adv.isPrivate() && !serverIp.isPrivate() ? " (a private address, seen from outside)"
                    : "";
            String then;
            if (d.data() == null) {
                then = "No connection to either address followed.";
            } else if (d.data().usedAdvertisedAddress()) {
                then = "The client connected to the advertised address (frame " + d.data().synFrame() + ")"
                        + (d.data().state() == DataState.UNANSWERED ? ", which never answered." : ".");
            } else {
                then = "The client ignored it and connected to the control connection's address "
                        + serverIp + " instead (frame " + d.data().synFrame() + ").";
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
        DataConnection c = d.data();
        if (c != null && c.state() == DataState.UNANSWERED) {
            // To the server's own address, silence means a filter; to another (advertised) address, no such host.
            String why = c.server().ip().equals(serverIp)
                    ? "a firewall drops port " + c.server().port() + "."
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

    private static void transferFindings(FtpSession s, Transfer t, List<Finding> out) {
        String name = t.command() + (t.arg().isEmpty() ? "" : " " + t.arg());
        boolean serverTried = t.preliminaryCode() >= 100 && t.preliminaryCode() < 200;
        if (t.setup() != null && t.data().state() == DataState.MISSING
                && (serverTried || t.replyCode() == 425 || t.replyCode() == -1)) {
            out.add(new Finding(FindingKind.DATA_CONNECTION_MISSING, s.id(), t.commandFrame(),
                    name + " (frame " + t.commandFrame() + ") used the data channel set up in frame "
                            + t.setup().setupFrame() + " (" + t.setup().advertised() + "), but no such connection is in "
                            + "the capture" + (t.replyCode() > 0 ? "; the server replied " + t.replyCode()
                            + " " + t.replyText() : "") + "."));
        }
        if (t.replyCode() >= 400) {
            out.add(new Finding(FindingKind.TRANSFER_FAILED, s.id(), t.replyFrame(),
                    name + " failed: " + t.replyCode() + " " + t.replyText()));
        }
        boolean moved = t.data().state() == DataState.TRANSFERRED;
        if (moved && !t.truncated() && (t.gapBytes() > 0 || (t.expectedBytes() >= 0 && t.bytes() < t.expectedBytes())
                || t.replyCode() == 426 || t.replyCode() == 451)) {
            List<String> why = new ArrayList<>();
            if (t.expectedBytes() >= 0 && t.bytes() < t.expectedBytes()) {
                why.add(t.bytes() + " of " + t.expectedBytes() + " bytes arrived");
            }
            if (t.gapBytes() > 0) why.add(t.gapBytes() + " bytes are missing from the capture");
            if (t.replyCode() == 426 || t.replyCode() == 451) why.add("the server replied " + t.replyCode());
            out.add(new Finding(FindingKind.TRANSFER_INCOMPLETE, s.id(),
                    t.replyFrame() > 0 ? t.replyFrame() : t.commandFrame(), name + ": " + String.join("; ", why) + "."));
        }
        if (t.truncated()) {
            out.add(new Finding(FindingKind.CAPTURE_TRUNCATED, s.id(), t.data().firstFrame(),
                    name + ": the capture's snapshot length cut the data frames; " + t.gapBytes()
                            + " of the transfer's bytes are not in the capture, so its content and SHA-256 are incomplete."));
        }
    }

    private static String replyWords(int code) {
        if (code < 0) return "nothing (no reply seen)";
        String verdict = code < 300 ? "accepting it" : "refusing it";
        return String.format(Locale.ROOT, "%d, %s", code, verdict);
    }
}

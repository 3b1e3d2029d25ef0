package org.ftpscope.ftp.findings;

import org.ftpscope.decode.IpAddr;
import org.ftpscope.ftp.model.DataConnection;
import org.ftpscope.ftp.model.DataMode;
import org.ftpscope.ftp.model.DataSetup;
import org.ftpscope.ftp.model.DataState;
import org.ftpscope.ftp.model.ForeignConnection;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.Severity;
import org.ftpscope.ftp.model.Shortfall;
import org.ftpscope.ftp.model.Transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Derives findings from a finished session: facts in, diagnoses out, nothing else. */
public final class FindingRules {
    private FindingRules() {}

    public static List<Finding> derive(FtpSession s, List<Integer> failedLoginFrames, List<String> failedUsers,
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
        if (!d.endpointKnown()) return; // a cut line names no address to judge
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
        for (ForeignConnection f : d.foreignConnections()) hijack(s, d, f, out);
        DataConnection c = d.data();
        if (c != null && c.state() == DataState.UNANSWERED) {
            // To the server's own address, silence means a filter; to another (advertised) address, no such host.
            String why = c.server().ip().equals(serverIp)
                    ? "a firewall drops port " + c.server().port() + "."
                            + (s.tls() && d.mode().passive() ? " " + EncryptedSessionData.helperNote(s, c.server().port()) : "")
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

    private static void transferFindings(FtpSession s, Transfer t, List<Finding> out) {
        String name = t.command() + (t.arg().isEmpty() ? "" : " " + t.arg());
        boolean serverTried = t.preliminaryCode() >= 100 && t.preliminaryCode() < 200;
        if (t.setup() != null && t.data().state() == DataState.MISSING
                && (serverTried || t.replyCode() == 425 || t.replyCode() == -1)) {
            boolean confirmed = t.replyCode() >= 200 && t.replyCode() < 300;
            out.add(new Finding(FindingKind.DATA_CONNECTION_MISSING,
                    confirmed ? Severity.INFO : FindingKind.DATA_CONNECTION_MISSING.severity(), s.id(), t.commandFrame(),
                    name + " (frame " + t.commandFrame() + ") used the data channel set up in frame "
                            + t.setup().setupFrame() + " (" + t.setup().advertisedText() + "), but no such connection is in "
                            + "the capture" + (t.replyCode() > 0 ? "; the server replied " + t.replyCode()
                            + " " + t.replyText() : "")
                            + (confirmed ? ": by the server's account the transfer took place, and the capture did not see "
                            + "its data connection (filtered out, or on another path)." : "."), List.of()));
        }
        if (t.replyCode() >= 400) {
            out.add(new Finding(FindingKind.TRANSFER_FAILED, s.id(), t.replyFrame(),
                    name + " failed: " + t.replyCode() + " " + t.replyText()));
        }
        Shortfall encrypted = t.shortfalls().stream().filter(x -> x.cause() == Shortfall.Cause.NOT_DECRYPTED).findFirst().orElse(null);
        if (encrypted != null) {
            // The bytes crossed, encrypted: the size checks below would count ciphertext as the file.
            out.add(new Finding(FindingKind.TLS_DATA_NOT_DECRYPTED, s.id(), encrypted.frame(), name + ": " + encrypted.text() + "."));
            return;
        }
        boolean moved = t.data().state() == DataState.TRANSFERRED;
        List<Shortfall> why = t.shortfalls().stream().filter(x -> INCOMPLETE_CAUSES.contains(x.cause())).toList();
        boolean aborted = t.replyCode() == 426 || t.replyCode() == 451;
        if (moved && !t.truncated() && (!why.isEmpty() || aborted)) {
            StringBuilder m = new StringBuilder(name).append(": ").append(t.bytes());
            m.append(t.expectedBytes() >= 0 ? " of " + t.expectedBytes() + " bytes are" : t.bytes() == 1 ? " byte is" : " bytes are")
                    .append(" in the capture");
            for (int i = 0; i < why.size(); i++) m.append(i == 0 ? ": " : "; ").append(why.get(i).text());
            if (aborted) m.append(why.isEmpty() ? ": " : "; ").append("the server replied ").append(t.replyCode());
            else if (t.replyCode() >= 200 && t.replyCode() < 300) {
                m.append("; the server claimed success (").append(t.replyCode()).append(")");
            }
            // Bytes the capture lost that the receiver acknowledged, or a capture that simply ended, are
            // facts about the capture, not a failed transfer.
            boolean captureOnly = !aborted && why.stream().allMatch(x -> x.cause() == Shortfall.Cause.CAPTURE_ENDED
                    || x.cause() == Shortfall.Cause.LOST_IN_CAPTURE);
            out.add(new Finding(FindingKind.TRANSFER_INCOMPLETE,
                    captureOnly ? Severity.INFO : FindingKind.TRANSFER_INCOMPLETE.severity(), s.id(),
                    t.replyFrame() > 0 ? t.replyFrame() : t.commandFrame(), m.append('.').toString(),
                    why.stream().map(Shortfall::frame).filter(f -> f > 0).toList()));
        }
        if (t.truncated()) {
            out.add(new Finding(FindingKind.CAPTURE_TRUNCATED, s.id(), t.data().firstFrame(),
                    name + ": the capture's snapshot length cut the data frames; " + t.gapBytes()
                            + " of the transfer's bytes are not in the capture, so its content and SHA-256 are incomplete."));
        }
    }

    /** Data-side causes that make a transfer that moved bytes incomplete. */
    private static final java.util.Set<Shortfall.Cause> INCOMPLETE_CAUSES = java.util.EnumSet.of(
            Shortfall.Cause.LOST_IN_CAPTURE, Shortfall.Cause.LOST_UNACKNOWLEDGED, Shortfall.Cause.CAPTURE_ENDED, Shortfall.Cause.CONNECTION_RESET,
            Shortfall.Cause.CLOSED_EARLY, Shortfall.Cause.SIZE_MISMATCH);

    private static String replyWords(int code) {
        if (code < 0) return "nothing (no reply seen)";
        String verdict = code < 300 ? "accepting it" : "refusing it";
        return String.format(Locale.ROOT, "%d, %s", code, verdict);
    }
}

package org.ftpscope.ftp.session;

import org.ftpscope.ftp.model.DataConnection;
import org.ftpscope.ftp.model.DataSetup;
import org.ftpscope.ftp.model.DataState;
import org.ftpscope.ftp.model.ForeignConnection;
import org.ftpscope.ftp.model.LoginOutcome;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.ftp.model.TransferDirection;
import org.ftpscope.ftp.session.SessionState.SetupState;
import org.ftpscope.ftp.session.SessionState.TransferState;
import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.TcpStream;

import java.util.ArrayList;
import java.util.List;

/** Freezes a {@link SessionState} into an immutable {@link FtpSession}. */
final class SessionBuilder {
    private SessionBuilder() {}

    static FtpSession build(SessionState st, ControlFeed feed) { return build(st, feed, 0); }

    /** @param captureLastFrame the capture's last frame: where a capture that ends mid-transfer ends */
    static FtpSession build(SessionState st, ControlFeed feed, int captureLastFrame) {
        List<DataSetup> setups = new ArrayList<>();
        DataSetup[] byId = new DataSetup[st.setups.size()];
        for (SetupState s : st.setups) {
            // An inferred setup that no connection claimed has only a placeholder endpoint: not in the capture.
            org.ftpscope.decode.Endpoint advertised = s.inferred != null && s.match == null ? null : s.advertised;
            DataSetup d = new DataSetup(s.id, s.mode, s.commandFrame, s.setupFrame, advertised, s.portMath, s.text,
                    s.replyCode, s.replyFrame, s.match == null ? null : connection(s.stream), s.inferred, foreign(s));
            byId[s.id] = d;
            setups.add(d);
        }
        List<Transfer> transfers = new ArrayList<>();
        List<org.ftpscope.ftp.model.CommandRecord> commands = feed.commands();
        for (TransferState t : st.transfers) {
            Transfer x = transfer(st, t, t.setup == null ? null : byId[t.setup.id], captureLastFrame, nextCommand(commands, t.commandFrame));
            if (x != null) transfers.add(x);
        }
        TcpStream c = st.control;
        // With one side of the control connection absent, "no 230 or 530" says nothing of the login.
        LoginOutcome login = feed.login() == LoginOutcome.NONE && c.unseenDirection() != null ? LoginOutcome.UNKNOWN : feed.login();
        return new FtpSession(st.id, c.client(), c.server(), c.index(), c.firstFrame(), c.lastFrame(),
                c.firstTimeNanos(), c.lastTimeNanos(), feed.user(), feed.password(), login,
                feed.tls(), feed.tlsFrame(), feed.commands(), setups, transfers, feed.tlsRanges(), feed.userSource());
    }

    private static List<ForeignConnection> foreign(SetupState s) {
        List<ForeignConnection> out = new ArrayList<>();
        for (DataStreamState d : s.foreign) {
            out.add(new ForeignConnection(connection(d), d.sha256(Direction.CLIENT_TO_SERVER), d.sha256(Direction.SERVER_TO_CLIENT)));
        }
        return out;
    }

    /** The frame of the session's first command after frame {@code after}, 0 when none is in the capture. */
    private static int nextCommand(List<org.ftpscope.ftp.model.CommandRecord> commands, int after) {
        int next = 0;
        for (org.ftpscope.ftp.model.CommandRecord c : commands) {
            if (c.command() != null && c.frame() > after && (next == 0 || c.frame() < next)) next = c.frame();
        }
        return next;
    }

    private static DataConnection connection(DataStreamState ds) {
        TcpStream t = ds.tcp;
        // No SYN-ACK in the capture, yet the connecting side acknowledged the acceptor: it was answered.
        boolean answered = t.firstPeerAckFrame(Direction.SERVER_TO_CLIENT) > 0;
        DataState state = switch (t.state()) {
            case SYN_SENT -> answered ? established(t) : DataState.UNANSWERED;
            case REFUSED -> answered ? established(t) : DataState.REFUSED;
            default -> established(t);
        };
        int rst = t.rstFrame(Direction.SERVER_TO_CLIENT) > 0 ? t.rstFrame(Direction.SERVER_TO_CLIENT)
                : t.rstFrame(Direction.CLIENT_TO_SERVER);
        return new DataConnection(t.index(), t.client(), t.server(), t.synFrame(), t.synCount(), t.synAckFrame(), rst,
                state, ds.match.usedAdvertisedAddress(), ds.match.sourcePort20(), t.firstFrame(), t.lastFrame(),
                t.firstTimeNanos(), t.lastTimeNanos(), t.bytes(Direction.CLIENT_TO_SERVER), t.bytes(Direction.SERVER_TO_CLIENT));
    }

    /** An established connection: reset before any data, nothing moved as far as the capture shows, or data moved. */
    private static DataState established(TcpStream t) {
        boolean noBytes = t.bytes(Direction.CLIENT_TO_SERVER) + t.bytes(Direction.SERVER_TO_CLIENT) == 0;
        boolean reset = t.rstFrame(Direction.CLIENT_TO_SERVER) > 0 || t.rstFrame(Direction.SERVER_TO_CLIENT) > 0;
        return noBytes && reset ? DataState.RESET : nothingMoved(t) ? DataState.ESTABLISHED : DataState.TRANSFERRED;
    }

    /**
     * No byte either way, none missing, none acknowledged past where each direction began, and
     * neither FIN (captured, or acknowledged) nor RST: as far as the capture shows, nothing moved.
     */
    private static boolean nothingMoved(TcpStream t) {
        for (Direction d : Direction.values()) {
            if (t.bytes(d) > 0 || t.gapBytes(d) > 0 || t.finFrame(d) > 0 || t.rstFrame(d) > 0 || t.uncapturedFinAckFrame(d) > 0) return false;
            long start = t.dataStartSeq(d) >= 0 ? t.dataStartSeq(d) : t.firstSeq(d);
            long ack = t.lastPeerAck(d);
            if (ack >= 0 && ack != start) return false;
        }
        return true;
    }

    /** What a transfer whose command is not in the capture was, as its data connection shows it. */
    private record Lost(String label, String verb, TransferDirection direction, String how) {}

    private static final java.util.regex.Pattern SIZE_IN_150 = java.util.regex.Pattern.compile("\\(\\d+ bytes?\\)");

    /**
     * The command of a transfer that is not in the capture, from its data connection: bytes that
     * went to the FTP server were an upload ("STOR?"); bytes from it a download or a listing,
     * "LIST?" when the 150 speaks of a list, else "RETR?". Null when no data connection of it is in
     * the capture, or it carried bytes both ways or none: then nothing says what it was.
     */
    private static Lost lost(SessionState st, TransferState t, DataSetup setup) {
        if (setup == null || setup.data() == null || st.setups.get(setup.id()).transfer != t) return null;
        DataStreamState ds = st.setups.get(setup.id()).stream;
        Direction fromServer = TransferDirection.DOWNLOAD.dataDirection(setup.mode());
        Direction toServer = fromServer == Direction.SERVER_TO_CLIENT ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT;
        long down = ds.bytes(fromServer) + ds.gaps(fromServer), up = ds.bytes(toServer) + ds.gaps(toServer);
        if ((down > 0) == (up > 0)) return null;
        String text = t.preliminaryText == null ? "" : t.preliminaryText;
        String said = t.preliminaryCode + " in frame " + t.commandFrame
                + (text.isEmpty() ? "" : " (\"" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "\")");
        String lostAt = t.lostAfterFrame > 0 ? " (client bytes lost after frame " + t.lostAfterFrame + ")" : "";
        if (up > 0) {
            return new Lost("STOR?", "STOR", TransferDirection.UPLOAD, "the command is not in the capture" + lostAt + ": the "
                    + said + " shows a transfer, and its data went to the server, so an upload (STOR, STOU or APPE)");
        }
        String head = "the command is not in the capture" + lostAt + ": the " + said + " shows a transfer, and its data came from"
                + " the server, so a download or a listing; ";
        if (text.toLowerCase(java.util.Locale.ROOT).contains("list")) {
            return new Lost("LIST?", "LIST", TransferDirection.LISTING, head + "LIST? as the " + t.preliminaryCode + " speaks of a list");
        }
        return new Lost("RETR?", "RETR", TransferDirection.DOWNLOAD, head + "RETR?"
                + (SIZE_IN_150.matcher(text).find() ? " as the " + t.preliminaryCode + " announces a size" : ""));
    }

    private static Transfer transfer(SessionState st, TransferState t, DataSetup setup, int captureLastFrame, int nextCommandFrame) {
        TransferDirection direction = t.direction;
        String label = t.verb, verb = t.verb, lostHow = null;
        if (t.commandLost) {
            Lost l = lost(st, t, setup);
            if (l == null) return null;
            direction = l.direction();
            label = l.label();
            verb = l.verb();
            lostHow = l.how();
        }
        DataConnection data = setup == null ? null : setup.data();
        // A setup's connection belongs to the first transfer that used the setup.
        if (setup != null && setup.data() != null) {
            SetupState s = st.setups.get(setup.id());
            if (s.transfer != t) data = null;
        }
        long bytes = 0, gaps = 0, start = 0, end = 0;
        int firstData = 0;
        boolean truncated = false;
        String sha = null;
        TransferVerdict.DataFacts facts;
        org.ftpscope.decode.Endpoint foreignConnector = null;
        if (data != null) {
            SetupState s = st.setups.get(setup.id());
            Direction d = direction.dataDirection(s.mode);
            bytes = s.stream.bytes(d);
            gaps = s.stream.gaps(d);
            truncated = s.stream.truncated(d);
            start = s.stream.firstNanos(d);
            end = s.stream.lastNanos(d);
            sha = s.stream.sha256(d);
            firstData = s.stream.firstFrame(d);
            // (When the command was sent is not known for a lost one: no ACK is known to come before it.)
            facts = facts(s.stream, d, data, t.commandLost ? 0 : t.commandFrame);
        } else {
            data = new DataConnection(-1, null, null, 0, 0, 0, 0, DataState.MISSING, false, false, 0, 0, 0, 0, 0, 0);
            facts = TransferVerdict.DataFacts.missing(setup == null ? noSetupOneDirection(st.control) : null);
        }
        long foreignBytes = 0;
        if (setup != null && st.setups.get(setup.id()).transfer == t) {
            // The first third-party connection the server accepted: where the data may have gone instead.
            for (ForeignConnection f : setup.foreignConnections()) {
                DataState fs = f.connection().state();
                if (fs == DataState.TRANSFERRED || fs == DataState.ESTABLISHED) {
                    foreignConnector = f.connection().client();
                    // The bytes in the transfer's direction: from the acceptor (passive download) or to it.
                    boolean fromServerSide = direction.dataDirection(setup.mode()) == Direction.SERVER_TO_CLIENT;
                    foreignBytes = fromServerSide ? f.connection().bytesFromServer() : f.connection().bytesFromClient();
                    break;
                }
            }
        }
        // Servers announce the whole file's size in 150 and SIZE; after REST only the rest is sent.
        // A REST whose offset the capture cut (restOffset -1) leaves what is left to send unknown.
        long expected = t.expectedBytes < 0 || t.restOffset < 0 ? -1 : Math.max(0, t.expectedBytes - t.restOffset);
        if (expected < 0 && t.restOffset >= 0 && direction == TransferDirection.DOWNLOAD) {
            Long size = st.sizes.get(t.path);
            if (size != null) expected = Math.max(0, size - t.restOffset);
        }
        TransferVerdict.Verdict v = TransferVerdict.of(new TransferVerdict.CommandFacts(
                label + (t.arg.isEmpty() ? "" : " " + t.arg), t.commandFrame, t.preliminaryCode, t.replyCode, t.replyText,
                expected, captureLastFrame, st.client(), foreignConnector, verb, t.replyFrame, nextCommandFrame, foreignBytes), facts);
        return new Transfer(st.id, t.index, label, t.arg, t.path, t.commandFrame, t.commandNanos, setup, data,
                direction, bytes, expected, gaps, truncated, v.complete(), sha, t.preliminaryCode, t.replyCode,
                t.replyFrame, t.replyText, v.outcome(), t.restOffset, t.type, start < 0 ? 0 : start, end < 0 ? 0 : end, firstData,
                lostHow == null ? v.evidence() : v.evidence() + "; " + lostHow, v.shortfalls(), t.commandCut);
    }

    /** The data connection's end as the capture shows it, for the transfer's direction {@code d}. */
    private static TransferVerdict.DataFacts facts(DataStreamState ds, Direction d, DataConnection c, int commandFrame) {
        TcpStream tcp = ds.tcp;
        // Where the sender's data began: its SYN; the SYN-ACK's acknowledgment of a lost SYN; or the
        // peer's first ACK when it came before the transfer command (no data moves before it, so it
        // acknowledged the lost SYN or SYN-ACK).
        long start = tcp.dataStartSeq(d);
        String how = null;
        if (start >= 0 && tcp.isn(d) < 0) how = "the SYN-ACK in frame " + tcp.synAckFrame() + " shows";
        int peerAck = tcp.firstPeerAckFrame(d);
        if (start < 0 && peerAck > 0 && peerAck < commandFrame) {
            start = tcp.firstPeerAck(d);
            how = "the peer's ACK in frame " + peerAck + ", sent before the transfer command (frame " + commandFrame
                    + ") and so before any data, shows";
        }
        int firstFrame = ds.firstFrame(d);
        TransferVerdict.Start where;
        if (tcp.isn(d) >= 0) {
            where = TransferVerdict.Start.SYN;
        } else if (start >= 0 && tcp.firstSeq(d) >= 0) {
            long before = (tcp.firstSeq(d) - start) & 0xFFFFFFFFL;
            where = before == 0 ? new TransferVerdict.Start(true, how, 0, firstFrame)
                    : before < 0x80000000L ? new TransferVerdict.Start(false, how, before, firstFrame)
                    : new TransferVerdict.Start(false, null, -1, firstFrame);
        } else {
            where = new TransferVerdict.Start(false, null, -1, firstFrame);
        }
        // How many sequence numbers the peer acknowledged after the sender's SYN, -1 when not known.
        long span = -1;
        if (start >= 0 && tcp.lastPeerAck(d) >= 0) {
            long n = (tcp.lastPeerAck(d) - start) & 0xFFFFFFFFL;
            if (n < 0x80000000L) span = n;
        }
        Direction back = d == Direction.CLIENT_TO_SERVER ? Direction.SERVER_TO_CLIENT : Direction.CLIENT_TO_SERVER;
        int rc = tcp.rstFrame(Direction.CLIENT_TO_SERVER), rs = tcp.rstFrame(Direction.SERVER_TO_CLIENT);
        int rst = rc == 0 ? rs : rs == 0 ? rc : Math.min(rc, rs);
        org.ftpscope.decode.Endpoint rstFrom = rst == 0 ? null : rst == rc ? tcp.client() : tcp.server();
        return new TransferVerdict.DataFacts(c.state(), c.stream(), ds.bytes(d), ds.gaps(d), ds.firstGapFrame(d),
                ds.truncated(d), d == Direction.CLIENT_TO_SERVER ? tcp.client() : tcp.server(),
                back == Direction.CLIENT_TO_SERVER ? tcp.client() : tcp.server(), tcp.finFrame(d), rst, rstFrom,
                tcp.peerAcknowledgedAll(d), tcp.peerAckFrame(d), c.synFrame(), ds.undecryptedBytes(d), ds.firstUndecryptedFrame(d), ds.undecryptedWhy(d),
                ds.undecryptedForMissingBytes(d), where, tcp.uncapturedFinAckFrame(d), tcp.frames(d), span, tcp.peerAckFrame(d),
                tcp.unseenDirection() != d ? null
                        : "the capture holds only the receiver " + (back == Direction.CLIENT_TO_SERVER ? tcp.client() : tcp.server())
                          + "'s side of tcp.stream " + tcp.index() + ", no segment from the sender "
                          + (d == Direction.CLIENT_TO_SERVER ? tcp.client() : tcp.server()) + ", so what it sent is not known");
    }

    /**
     * For a transfer without a setup: when the capture holds no segment from the server on the control
     * connection (one direction captured), the reply that would name the data port is not in it, so
     * which connection carried the data is not known; null otherwise.
     */
    private static String noSetupOneDirection(TcpStream control) {
        if (control.unseenDirection() != Direction.SERVER_TO_CLIENT) return null;
        return "the capture holds only the client's side of the control connection (tcp.stream " + control.index()
                + "), no segment from the server " + control.server() + ": no reply is in it, so which connection, if any,"
                + " carried the transfer is not known";
    }
}

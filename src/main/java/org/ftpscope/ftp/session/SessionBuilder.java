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
        for (TransferState t : st.transfers) {
            transfers.add(transfer(st, t, t.setup == null ? null : byId[t.setup.id], captureLastFrame));
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

    private static DataConnection connection(DataStreamState ds) {
        TcpStream t = ds.tcp;
        DataState state = switch (t.state()) {
            case SYN_SENT -> DataState.UNANSWERED;
            case REFUSED -> DataState.REFUSED;
            default -> (t.bytes(Direction.CLIENT_TO_SERVER) + t.bytes(Direction.SERVER_TO_CLIENT) == 0
                    && (t.rstFrame(Direction.CLIENT_TO_SERVER) > 0 || t.rstFrame(Direction.SERVER_TO_CLIENT) > 0))
                    ? DataState.RESET : DataState.TRANSFERRED;
        };
        int rst = t.rstFrame(Direction.SERVER_TO_CLIENT) > 0 ? t.rstFrame(Direction.SERVER_TO_CLIENT)
                : t.rstFrame(Direction.CLIENT_TO_SERVER);
        return new DataConnection(t.index(), t.client(), t.server(), t.synFrame(), t.synCount(), t.synAckFrame(), rst,
                state, ds.match.usedAdvertisedAddress(), ds.match.sourcePort20(), t.firstFrame(), t.lastFrame(),
                t.firstTimeNanos(), t.lastTimeNanos(), t.bytes(Direction.CLIENT_TO_SERVER), t.bytes(Direction.SERVER_TO_CLIENT));
    }

    private static Transfer transfer(SessionState st, TransferState t, DataSetup setup, int captureLastFrame) {
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
            Direction d = t.direction.dataDirection(s.mode);
            bytes = s.stream.bytes(d);
            gaps = s.stream.gaps(d);
            truncated = s.stream.truncated(d);
            start = s.stream.firstNanos(d);
            end = s.stream.lastNanos(d);
            sha = s.stream.sha256(d);
            firstData = s.stream.firstFrame(d);
            facts = facts(s.stream, d, data);
        } else {
            data = new DataConnection(-1, null, null, 0, 0, 0, 0, DataState.MISSING, false, false, 0, 0, 0, 0, 0, 0);
            facts = new TransferVerdict.DataFacts(DataState.MISSING, -1, 0, 0, 0, false, null, null, 0, 0, null, false, 0, 0, 0, 0, null,
                    false, setup == null ? noSetupOneDirection(st.control) : null);
        }
        if (setup != null && st.setups.get(setup.id()).transfer == t) {
            // The first third-party connection the server accepted: where the data may have gone instead.
            for (ForeignConnection f : setup.foreignConnections()) {
                if (f.connection().state() == DataState.TRANSFERRED) {
                    foreignConnector = f.connection().client();
                    break;
                }
            }
        }
        // Servers announce the whole file's size in 150 and SIZE; after REST only the rest is sent.
        long expected = t.expectedBytes < 0 ? -1 : Math.max(0, t.expectedBytes - t.restOffset);
        if (expected < 0 && t.direction == TransferDirection.DOWNLOAD) {
            Long size = st.sizes.get(t.path);
            if (size != null) expected = Math.max(0, size - t.restOffset);
        }
        TransferVerdict.Verdict v = TransferVerdict.of(new TransferVerdict.CommandFacts(
                t.verb + (t.arg.isEmpty() ? "" : " " + t.arg), t.commandFrame, t.preliminaryCode, t.replyCode, t.replyText,
                expected, captureLastFrame, st.client(), foreignConnector, t.verb), facts);
        return new Transfer(st.id, t.index, t.verb, t.arg, t.path, t.commandFrame, t.commandNanos, setup, data,
                t.direction, bytes, expected, gaps, truncated, v.complete(), sha, t.preliminaryCode, t.replyCode,
                t.replyFrame, t.replyText, v.outcome(), t.restOffset, t.type, start < 0 ? 0 : start, end < 0 ? 0 : end, firstData,
                v.evidence(), v.shortfalls());
    }

    /** The data connection's end as the capture shows it, for the transfer's direction {@code d}. */
    private static TransferVerdict.DataFacts facts(DataStreamState ds, Direction d, DataConnection c) {
        TcpStream tcp = ds.tcp;
        Direction back = d == Direction.CLIENT_TO_SERVER ? Direction.SERVER_TO_CLIENT : Direction.CLIENT_TO_SERVER;
        int rc = tcp.rstFrame(Direction.CLIENT_TO_SERVER), rs = tcp.rstFrame(Direction.SERVER_TO_CLIENT);
        int rst = rc == 0 ? rs : rs == 0 ? rc : Math.min(rc, rs);
        org.ftpscope.decode.Endpoint rstFrom = rst == 0 ? null : rst == rc ? tcp.client() : tcp.server();
        return new TransferVerdict.DataFacts(c.state(), c.stream(), ds.bytes(d), ds.gaps(d), ds.firstGapFrame(d),
                ds.truncated(d), d == Direction.CLIENT_TO_SERVER ? tcp.client() : tcp.server(),
                back == Direction.CLIENT_TO_SERVER ? tcp.client() : tcp.server(), tcp.finFrame(d), rst, rstFrom,
                tcp.peerAcknowledgedAll(d), tcp.peerAckFrame(d), c.synFrame(), ds.undecryptedBytes(d), ds.firstUndecryptedFrame(d), ds.undecryptedWhy(d),
                ds.undecryptedForMissingBytes(d), tcp.unseenDirection() != d ? null
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

package org.ftpscope.ftp;

import org.ftpscope.ftp.SessionState.SetupState;
import org.ftpscope.ftp.SessionState.TransferState;
import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.TcpStream;

import java.util.ArrayList;
import java.util.List;

/** Freezes a {@link SessionState} into an immutable {@link FtpSession}. */
final class SessionBuilder {
    private SessionBuilder() {}

    static FtpSession build(SessionState st, ControlFeed feed) {
        List<DataSetup> setups = new ArrayList<>();
        DataSetup[] byId = new DataSetup[st.setups.size()];
        for (SetupState s : st.setups) {
            DataSetup d = new DataSetup(s.id, s.mode, s.commandFrame, s.setupFrame, s.advertised, s.portMath, s.text,
                    s.replyCode, s.replyFrame, s.match == null ? null : connection(s), s.inferred);
            byId[s.id] = d;
            setups.add(d);
        }
        List<Transfer> transfers = new ArrayList<>();
        for (TransferState t : st.transfers) {
            transfers.add(transfer(st, t, t.setup == null ? null : byId[t.setup.id]));
        }
        TcpStream c = st.control;
        return new FtpSession(st.id, c.client(), c.server(), c.index(), c.firstFrame(), c.lastFrame(),
                c.firstTimeNanos(), c.lastTimeNanos(), feed.user(), feed.password(), feed.login(),
                feed.tls(), feed.tlsFrame(), feed.commands(), setups, transfers, feed.tlsRanges(), feed.userSource());
    }

    private static DataConnection connection(SetupState s) {
        TcpStream t = s.stream.tcp;
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
                state, s.match.usedAdvertisedAddress(), s.match.sourcePort20(), t.firstFrame(), t.lastFrame(),
                t.firstTimeNanos(), t.lastTimeNanos());
    }

    private static Transfer transfer(SessionState st, TransferState t, DataSetup setup) {
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
        if (data != null) {
            SetupState s = st.setups.get(setup.id());
            Direction d = SessionState.dataDirection(s, t.direction);
            bytes = s.stream.bytes(d);
            gaps = s.stream.gaps(d);
            truncated = s.stream.truncated(d);
            start = s.stream.firstNanos(d);
            end = s.stream.lastNanos(d);
            sha = s.stream.sha256(d);
            firstData = s.stream.firstFrame(d);
        } else {
            data = new DataConnection(-1, null, null, 0, 0, 0, 0, DataState.MISSING, false, false, 0, 0, 0, 0);
        }
        // Servers announce the whole file's size in 150 and SIZE; after REST only the rest is sent.
        long expected = t.expectedBytes < 0 ? -1 : Math.max(0, t.expectedBytes - t.restOffset);
        if (expected < 0 && t.direction == TransferDirection.DOWNLOAD) {
            Long size = st.sizes.get(t.path);
            if (size != null) expected = Math.max(0, size - t.restOffset);
        }
        boolean finalOk = t.replyCode >= 200 && t.replyCode < 300;
        boolean dataOk = data.state() == DataState.TRANSFERRED;
        boolean complete = finalOk && dataOk && gaps == 0 && !truncated && (expected < 0 || bytes == expected);
        Outcome outcome = t.replyCode < 0 ? (dataOk && gaps == 0 && bytes > 0 ? Outcome.UNKNOWN : Outcome.UNKNOWN)
                : finalOk && dataOk ? Outcome.OK : Outcome.FAILED;
        if (t.replyCode < 0 && (data.state() == DataState.UNANSWERED || data.state() == DataState.REFUSED)) {
            outcome = Outcome.FAILED;
        }
        return new Transfer(st.id, t.index, t.verb, t.arg, t.path, t.commandFrame, t.commandNanos, setup, data,
                t.direction, bytes, expected, gaps, truncated, complete, sha, t.preliminaryCode, t.replyCode,
                t.replyFrame, t.replyText, outcome, t.restOffset, t.type, start < 0 ? 0 : start, end < 0 ? 0 : end, firstData);
    }
}

package org.ftpscope.ftp.session;

import org.ftpscope.decode.Endpoint;
import org.ftpscope.decode.IpAddr;
import org.ftpscope.decode.PacketInfo;
import org.ftpscope.ftp.findings.CaptureFacts;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.findings.FindingRules;
import org.ftpscope.ftp.findings.SessionFacts;
import org.ftpscope.ftp.model.FirewallSummary;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.OrphanDataConnection;
import org.ftpscope.ftp.model.StreamRole;
import org.ftpscope.ftp.parse.IcmpUnreachable;
import org.ftpscope.ftp.session.SessionState.SetupState;
import org.ftpscope.ftp.session.SessionState.TransferState;
import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.StreamListener;
import org.ftpscope.tcp.TcpStream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The FTP layer of the single analysis pass: finds control connections (port 21, or any port
 * whose server greets with 220 and whose client answers with an FTP command), follows their
 * commands and replies, keeps the expected data channels, and claims new TCP connections for
 * them. Everything is decided in capture order, as the frames arrive.
 */
public final class FtpAnalyzer implements StreamListener {
    /** Bytes kept per direction of an unclassified connection while deciding whether it is FTP. */
    static final int SNIFF_LIMIT = 4096;

    private final ExpectedChannelTable expected = new ExpectedChannelTable();
    private final ControlBudget budget = new ControlBudget();
    private final List<SessionState> sessions = new ArrayList<>();
    private final Map<Integer, SessionState> controlByStream = new HashMap<>();
    private final Map<Integer, ControlFeed> feedByStream = new HashMap<>();
    /** By TCP stream index: looked up for every segment, so an array rather than a map of boxed keys. */
    private DataStreamState[] dataByStream = new DataStreamState[256];
    private final Map<Integer, Sniffer> sniffers = new HashMap<>();
    private long nowNanos;
    private final DigestPipeline digests;

    public FtpAnalyzer() { this(DigestPipeline.forThisMachine()); }

    /** {@code hashInParallel} false hashes the data streams on the calling thread. */
    public FtpAnalyzer(boolean hashInParallel) { this(new DigestPipeline(hashInParallel)); }

    FtpAnalyzer(DigestPipeline digests) { this.digests = digests; }

    /** Stops background work when the pass is abandoned before {@link #result()}. */
    public void abandon() { digests.close(); }

    /** The capture time of the frame being fed; set by the driver before each frame. */
    public void setNow(long nanos) { this.nowNanos = nanos; }

    /** Implicit FTPS (RFC 4217 leaves it to the port): TLS from the first byte, data from port 989. */
    static final int IMPLICIT_FTPS_PORT = 990;

    /** Decrypts FTPS with a key log (issue 22); null when none was given. */
    private org.ftpscope.tls.TlsDecryptor decryptor;

    /**
     * Takes the plaintext of TLS-protected control and data connections from {@code d}, which must
     * be the listener in front of this one (it passes every event on to this analyzer).
     */
    public void decryptWith(org.ftpscope.tls.TlsDecryptor d) { this.decryptor = d; }

    org.ftpscope.tls.TlsDecryptor decryptor() { return decryptor; }

    @Override
    public void streamOpened(TcpStream s, int frame) {
        DataChannelMatch m = expected.claim(s.client().ip(), s.client().port(), s.server().ip(), s.server().port(),
                nowNanos, s.index(), frame);
        if (s.server().port() == 21 && (m == null || m.foreign())) {
            // Port 21 is a control connection unless a setup announced exactly this endpoint to this
            // connector (PORT h1,h2,h3,h4,0,21: a bounce to an FTP server, or a client listening there).
            startSession(s);
            return;
        }
        if (s.server().port() == IMPLICIT_FTPS_PORT && m == null) {
            SessionState st = startSession(s);
            if (st != null) feedByStream.get(s.index()).implicitTls(frame);
            return;
        }
        if (m == null) m = claimInferred(s, frame);
        if (m == null && !lostPassiveReplies.isEmpty()) m = claimForLostReply(s, frame);
        if (m == null && !lostSetups.isEmpty()) m = claimForLostSetup(s, frame);
        if (m != null) {
            attach(s, m);
            return;
        }
        sniffers.put(s.index(), new Sniffer());
        unclaimed.add(s);
    }

    /** Follows {@code s} as the data connection of the setup {@code m} names. */
    private void attach(TcpStream s, DataChannelMatch m) {
        SessionState owner = sessions.get(m.expected().session());
        SetupState setup = owner.setups.get(m.expected().setupId());
        DataStreamState d = new DataStreamState(m, s, digests);
        if (m.foreign()) {
            setup.foreign.add(d); // followed and reported, never the transfer
        } else {
            setup.match = m;
            setup.stream = d;
        }
        if (s.index() >= dataByStream.length) {
            dataByStream = java.util.Arrays.copyOf(dataByStream, Math.max(s.index() + 1, dataByStream.length * 2));
        }
        dataByStream[s.index()] = d;
    }

    /** Connections no setup claimed (and not port 21): candidates for orphan data connections. */
    private final List<TcpStream> unclaimed = new ArrayList<>();

    @Override
    public void segment(TcpStream s, Direction d, int frame, PacketInfo p) {
        if (p.payloadTruncated()) {
            DataStreamState ds = dataOf(s);
            if (ds != null) ds.markTruncated(d);
        }
    }

    @Override
    public void data(TcpStream s, Direction d, int frame, byte[] buf, int off, int len) {
        DataStreamState ds = dataOf(s);
        if (ds != null) {
            if (decryptor != null && decryptor.isTls(s.index(), d)) {
                // PROT P: the transfer is the plaintext; bytes of records that cannot be opened are missing.
                List<org.ftpscope.tls.TlsDecryptor.Chunk> plain = decryptor.take(s.index(), d);
                ds.tlsProtected(d);
                for (org.ftpscope.tls.TlsDecryptor.Chunk c : plain) ds.data(d, c.lastFrame(), nowNanos, c.data(), 0, c.data().length);
                if (plain.isEmpty() && decryptor.undecryptable(s.index(), d)) {
                    ds.undecrypted(d, len, frame, decryptor.noPlaintext(s.index(), d));
                }
                return;
            }
            ds.data(d, frame, s.dataNanos(), buf, off, len);
            return;
        }
        ControlFeed feed = feedByStream.get(s.index());
        if (feed != null) {
            feed.data(d, frame, s.dataNanos(), buf, off, len);
            return;
        }
        Sniffer sn = sniffers.get(s.index());
        if (sn != null) sniff(s, sn, d, frame, buf, off, len);
    }

    @Override
    public void gap(TcpStream s, Direction d, long length, int frame) {
        DataStreamState ds = dataOf(s);
        if (ds != null) {
            ds.gap(d, length, frame);
            return;
        }
        ControlFeed feed = feedByStream.get(s.index());
        if (feed != null) {
            // The frame being read was cut by the snaplen and this is (at most) the part cut off.
            boolean snaplen = frame == currentFrame && length <= currentFrameCut;
            feed.gap(d, length, frame, snaplen);
            return;
        }
        sniffers.remove(s.index()); // can't judge a stream with holes at its start
    }

    private DataStreamState dataOf(TcpStream s) {
        int i = s.index();
        return i < dataByStream.length ? dataByStream[i] : null;
    }

    private SessionState startSession(TcpStream s) {
        if (sessions.size() >= ControlBudget.SESSIONS) {
            budget.drop(org.ftpscope.capture.Limit.FTP_SESSIONS, s.firstFrame(), 1);
            sniffers.remove(s.index());
            return null;
        }
        SessionState st = new SessionState(sessions.size(), s, budget.session());
        sessions.add(st);
        controlByStream.put(s.index(), st);
        feedByStream.put(s.index(), new ControlFeed(this, st));
        sniffers.remove(s.index());
        return st;
    }

    // ---- content detection for FTP on other ports ----

    private static final class Sniffer {
        final List<Object[]> chunks = new ArrayList<>(); // {Direction, frame, nanos, byte[]}
        int bytes;
        boolean greeting220;
    }

    private void sniff(TcpStream s, Sniffer sn, Direction d, int frame, byte[] buf, int off, int len) {
        byte[] copy = java.util.Arrays.copyOfRange(buf, off, off + Math.min(len, SNIFF_LIMIT));
        sn.chunks.add(new Object[] {d, frame, nowNanos, copy});
        sn.bytes += copy.length;
        if (d == Direction.SERVER_TO_CLIENT && !sn.greeting220 && sn.chunks.stream()
                .noneMatch(c -> c[0] == Direction.CLIENT_TO_SERVER)) {
            sn.greeting220 = copy.length >= 4 && copy[0] == '2' && copy[1] == '2' && copy[2] == '0'
                    && (copy[3] == ' ' || copy[3] == '-');
            if (!sn.greeting220) {
                sniffers.remove(s.index());
                return;
            }
        }
        if (d == Direction.CLIENT_TO_SERVER) {
            if (!sn.greeting220) {
                sniffers.remove(s.index());
                return;
            }
            int end = 0;
            while (end < copy.length && end < 8 && Character.isLetter(copy[end])) end++;
            String verb = new String(copy, 0, end, java.nio.charset.StandardCharsets.US_ASCII).toUpperCase(java.util.Locale.ROOT);
            boolean delimited = end < copy.length && (copy[end] == ' ' || copy[end] == '\r' || copy[end] == '\n');
            if (delimited && FIRST_FTP_VERBS.contains(verb)) {
                SessionState st = startSession(s);
                if (st == null) return;
                ControlFeed feed = feedByStream.get(s.index());
                long saved = nowNanos;
                for (Object[] c : sn.chunks) {
                    byte[] b = (byte[]) c[3];
                    nowNanos = (Long) c[2];
                    feed.data((Direction) c[0], (Integer) c[1], nowNanos, b, 0, b.length);
                }
                nowNanos = saved;
                return;
            }
            sniffers.remove(s.index());
            return;
        }
        if (sn.bytes > SNIFF_LIMIT) sniffers.remove(s.index());
    }

    /** Commands an FTP client may open with; SMTP's EHLO/HELO after a 220 does not qualify. */
    private static final java.util.Set<String> FIRST_FTP_VERBS = java.util.Set.of(
            "USER", "AUTH", "FEAT", "SYST", "OPTS", "HOST", "PASS", "CLNT", "SITE", "PBSZ", "NOOP", "HELP");

    // ---- called by ControlFeed as commands and replies are understood ----

    void passiveSetupReplied(SessionState st, SetupState setup) {
        setSetupPending(st, setup);
        expected.add(new ExpectedChannel(st.id, setup.id, setup.mode, setup.setupFrame,
                st.client().ip(), setup.advertised, new Endpoint(st.server().ip(), setup.advertised.port()),
                nowNanos + ExpectedChannel.LIFETIME_NANOS));
        claimJustOpened();
    }

    void activeSetupSent(SessionState st, SetupState setup) {
        setSetupPending(st, setup);
        expected.add(new ExpectedChannel(st.id, setup.id, setup.mode, setup.setupFrame,
                st.server().ip(), setup.advertised, new Endpoint(st.client().ip(), setup.advertised.port()),
                nowNanos + ExpectedChannel.LIFETIME_NANOS));
        claimJustOpened();
    }

    /** Connections opened at most this many unclaimed connections before a setup are looked at again. */
    private static final int JUST_OPENED = 16;

    /**
     * A connection to the endpoint a setup just announced may be in the capture a little before the
     * setup: two taps, one per direction, not quite in time (the client's SYN before the server's
     * 227). One that opened within {@link org.ftpscope.tcp.TcpReassembler#REORDER_WAIT_NANOS} before,
     * and has carried no byte yet, is claimed now.
     */
    private void claimJustOpened() {
        for (int i = unclaimed.size() - 1, seen = 0; i >= 0 && seen < JUST_OPENED; i--, seen++) {
            TcpStream s = unclaimed.get(i);
            // (A reordered capture may give the setup the earlier time.)
            long age = nowNanos - s.firstTimeNanos();
            if (age < -org.ftpscope.tcp.TcpReassembler.REORDER_WAIT_NANOS || age > org.ftpscope.tcp.TcpReassembler.REORDER_WAIT_NANOS) continue;
            if (dataOf(s) != null || controlByStream.containsKey(s.index())
                    || s.bytes(Direction.CLIENT_TO_SERVER) + s.bytes(Direction.SERVER_TO_CLIENT) > 0) continue;
            DataChannelMatch m = expected.claim(s.client().ip(), s.client().port(), s.server().ip(), s.server().port(),
                    nowNanos, s.index(), s.synFrame() > 0 ? s.synFrame() : s.firstFrame());
            if (m == null) continue;
            if (m.foreign()) continue; // a third host's: judged as it came, not again
            unclaimed.remove(i);
            sniffers.remove(s.index());
            attach(s, m);
            return;
        }
    }

    void activeSetupRefused(SessionState st, SetupState setup) {
        expected.forget(st.id, setup.id);
        inferred.remove(setup);
        if (st.pendingSetup == setup) st.pendingSetup = null;
    }

    private void setSetupPending(SessionState st, SetupState setup) {
        SetupState old = st.pendingSetup;
        if (old != null && old.match == null) {
            expected.forget(st.id, old.id);
            inferred.remove(old);
        }
        st.pendingSetup = setup;
    }

    // ---- setups whose line was cut: the next connection between the two hosts is their channel ----

    /** Setups waiting for the next connection, with their session; few at a time (one per session at most). */
    private final Map<SetupState, SessionState> inferred = new java.util.LinkedHashMap<>();

    void inferredSetup(SessionState st, SetupState setup) {
        setSetupPending(st, setup);
        inferred.put(setup, st);
    }

    /**
     * A new connection from the client to the server (passive) or from the server to the client
     * (active) claims the oldest cut setup of a session between those hosts, and fixes its endpoint.
     */
    private DataChannelMatch claimInferred(TcpStream s, int frame) {
        for (var it = inferred.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            SetupState setup = e.getKey();
            SessionState st = e.getValue();
            IpAddr from = setup.mode.passive() ? st.client().ip() : st.server().ip();
            IpAddr to = setup.mode.passive() ? st.server().ip() : st.client().ip();
            if (!s.client().ip().equals(from) || !s.server().ip().equals(to) || s.index() == st.control.index()) continue;
            it.remove();
            setup.advertised = s.server();
            setup.portMath = "port " + s.server().port() + " (" + setup.inferred + ")";
            ExpectedChannel ch = new ExpectedChannel(st.id, setup.id, setup.mode, setup.setupFrame, from,
                    s.server(), s.server(), nowNanos);
            return new DataChannelMatch(ch, s.index(), frame, true, !setup.mode.passive() && s.client().port() == 20);
        }
        return null;
    }

    // ---- passive commands whose reply server bytes lost may have held ----

    /** Sessions with a passive command waiting after a gap in the server's bytes; few at a time. */
    private final Map<SessionState, ControlFeed> lostPassiveReplies = new java.util.LinkedHashMap<>();

    /**
     * Server bytes were lost while a passive command of {@code st} waited for its reply. A
     * connection from the client to the server that opened since, and has carried no byte yet, is
     * taken as its channel now; otherwise the next one will be ({@link #claimForLostReply}).
     */
    void passiveReplyMaybeLost(SessionState st, ControlFeed feed, int commandFrame, int frame) {
        for (int i = unclaimed.size() - 1; i >= 0; i--) {
            TcpStream s = unclaimed.get(i);
            if (s.firstFrame() <= commandFrame) break; // older than the command: not its channel
            if (!s.client().ip().equals(st.client().ip()) || !s.server().ip().equals(st.server().ip())
                    || s.index() == st.control.index() || dataOf(s) != null || controlByStream.containsKey(s.index())
                    || s.bytes(Direction.CLIENT_TO_SERVER) + s.bytes(Direction.SERVER_TO_CLIENT) > 0) continue;
            SetupState setup = feed.setupForLostPassiveReply(frame);
            if (setup == null) return;
            unclaimed.remove(i);
            sniffers.remove(s.index());
            attach(s, inferredMatch(st, setup, s));
            return;
        }
        lostPassiveReplies.put(st, feed);
    }

    private DataChannelMatch inferredMatch(SessionState st, SetupState setup, TcpStream s) {
        setup.advertised = s.server();
        setup.portMath = "port " + s.server().port() + " (" + setup.inferred + ")";
        ExpectedChannel ch = new ExpectedChannel(st.id, setup.id, setup.mode, setup.setupFrame, s.client().ip(),
                s.server(), s.server(), nowNanos);
        return new DataChannelMatch(ch, s.index(), s.synFrame() > 0 ? s.synFrame() : s.firstFrame(), true, false);
    }

    /**
     * A new connection from a session's client to its server while the session's passive command
     * waits for a reply the capture lost: the connection is that setup's channel, inferred.
     */
    private DataChannelMatch claimForLostReply(TcpStream s, int frame) {
        for (var it = lostPassiveReplies.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            SessionState st = e.getKey();
            if (!s.client().ip().equals(st.client().ip()) || !s.server().ip().equals(st.server().ip())
                    || s.index() == st.control.index()) continue;
            it.remove();
            SetupState setup = e.getValue().setupForLostPassiveReply(frame);
            if (setup == null) continue; // it got its reply meanwhile
            return inferredMatch(st, setup, s);
        }
        return null;
    }

    // ---- transfers whose setup command client bytes lost may have held ----

    /** Transfers without a setup, after client bytes were lost, waiting for their connection; few at a time. */
    private final Map<TransferState, LostSetup> lostSetups = new java.util.LinkedHashMap<>();

    private record LostSetup(SessionState session, ControlFeed feed, int noticedFrame) {}

    /**
     * Transfer {@code t} of {@code st} has no setup, and client bytes were lost after frame {@code
     * lostAfter} (noticed at {@code noticedFrame}): its setup command may have been among them. A
     * connection between the two hosts, either way, that opened since and has carried no byte yet is
     * taken as its channel now (passive clients connect before the transfer command); otherwise the
     * next one will be, until the transfer's final reply ({@link #transferEnded}).
     */
    void setupMaybeLost(SessionState st, TransferState t, int lostAfter, int noticedFrame) {
        ControlFeed feed = feedByStream.get(st.control.index());
        for (int i = unclaimed.size() - 1; i >= 0; i--) {
            TcpStream s = unclaimed.get(i);
            if (s.firstFrame() <= lostAfter) break; // older than the lost bytes: not from a setup in them
            if (!betweenHosts(s, st) || dataOf(s) != null || controlByStream.containsKey(s.index())
                    || s.bytes(Direction.CLIENT_TO_SERVER) + s.bytes(Direction.SERVER_TO_CLIENT) > 0) continue;
            unclaimed.remove(i);
            sniffers.remove(s.index());
            attach(s, lostSetupMatch(st, feed, t, s, noticedFrame));
            return;
        }
        lostSetups.put(t, new LostSetup(st, feed, noticedFrame));
    }

    /** The transfer got its final reply: a later connection is not its data connection. */
    void transferEnded(TransferState t) {
        if (!lostSetups.isEmpty()) lostSetups.remove(t);
    }

    private boolean betweenHosts(TcpStream s, SessionState st) {
        boolean passive = s.client().ip().equals(st.client().ip()) && s.server().ip().equals(st.server().ip());
        boolean active = s.client().ip().equals(st.server().ip()) && s.server().ip().equals(st.client().ip());
        return (passive || active) && s.index() != st.control.index();
    }

    private DataChannelMatch lostSetupMatch(SessionState st, ControlFeed feed, TransferState t, TcpStream s, int noticedFrame) {
        boolean passive = s.client().ip().equals(st.client().ip());
        SetupState setup = feed.lostSetup(t, passive, noticedFrame);
        setup.advertised = s.server();
        setup.portMath = "port " + s.server().port() + " (" + setup.inferred + ")";
        ExpectedChannel ch = new ExpectedChannel(st.id, setup.id, setup.mode, setup.setupFrame, s.client().ip(),
                s.server(), s.server(), nowNanos);
        return new DataChannelMatch(ch, s.index(), s.synFrame() > 0 ? s.synFrame() : s.firstFrame(), true,
                !passive && s.client().port() == 20);
    }

    /** A new connection between the hosts of a session whose transfer waits for its lost setup's connection. */
    private DataChannelMatch claimForLostSetup(TcpStream s, int frame) {
        for (var it = lostSetups.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            LostSetup l = e.getValue();
            if (!betweenHosts(s, l.session())) continue;
            it.remove();
            return lostSetupMatch(l.session(), l.feed(), e.getKey(), s, l.noticedFrame());
        }
        return null;
    }

    /** Builds the immutable sessions and findings once the capture has been read. */
    public FtpResult result() {
        digests.finish();
        List<FtpSession> out = new ArrayList<>();
        List<SessionFacts> facts = new ArrayList<>();
        for (SessionState st : sessions) {
            ControlFeed feed = feedByStream.get(st.control.index());
            feed.finish();
            FtpSession s = SessionBuilder.build(st, feed, lastCapturedFrame);
            out.add(s);
            facts.add(new SessionFacts(s, st.control, st.parseFindings, st.failedLoginFrames, st.failedUsers,
                    st.passFrame, st.passBeforeTls));
        }
        List<TcpStream> rest = new ArrayList<>(unclaimed);
        Map<Integer, List<TcpStream>> inferred = DataConnectionFacts.encryptedSessionData(out, rest, controlByStream.keySet());
        int listed = org.ftpscope.capture.Limit.ENCRYPTED_DATA_LISTED.intValue();
        for (FtpSession s : out) {
            // The encrypted-session-data finding names the first of them; the warning counts the rest.
            List<TcpStream> mine = inferred.getOrDefault(s.id(), List.of());
            if (mine.size() > listed) budget.drop(org.ftpscope.capture.Limit.ENCRYPTED_DATA_LISTED, mine.get(listed).firstFrame(), mine.size() - listed);
        }
        java.util.Set<Integer> cut = new java.util.HashSet<>();
        for (SessionState st : sessions) if (feedByStream.get(st.control.index()).snaplenCut()) cut.add(st.id);
        Map<Integer, List<TcpStream>> besideCut = DataConnectionFacts.besideCutSessions(out, cut, rest, controlByStream.keySet());
        int listedBeside = org.ftpscope.capture.Limit.CUT_SESSION_DATA_LISTED.intValue();
        for (FtpSession s : out) {
            // The cut-control-channel finding names the first of them; the warning counts the rest.
            List<TcpStream> mine = besideCut.getOrDefault(s.id(), List.of());
            if (mine.size() > listedBeside) budget.drop(org.ftpscope.capture.Limit.CUT_SESSION_DATA_LISTED, mine.get(listedBeside).firstFrame(), mine.size() - listedBeside);
        }
        List<OrphanDataConnection> orphans = DataConnectionFacts.orphans(rest, controlByStream.keySet(), out);
        CaptureFacts capture = new CaptureFacts(facts, nowNanos, unreachable,
                unclaimed.stream().allMatch(t -> controlByStream.containsKey(t.index())), inferred, besideCut, orphans,
                truncatedFrames, firstTruncatedFrame, oneDirectionStreams());
        List<Finding> findings = new ArrayList<>(FindingRules.derive(capture));
        findings.sort(java.util.Comparator.comparingInt(Finding::frame));
        Map<Integer, StreamRole> roles = new HashMap<>();
        for (SessionState st : sessions) {
            roles.put(st.control.index(), new StreamRole(st.id, -1, true));
            for (SetupState setup : st.setups) {
                if (setup.match != null) {
                    roles.put(setup.match.stream(), new StreamRole(st.id, setup.id, false));
                }
                for (DataStreamState f : setup.foreign) roles.put(f.tcp.index(), new StreamRole(st.id, setup.id, false));
            }
        }
        for (OrphanDataConnection o : orphans) roles.put(o.stream(), StreamRole.ORPHAN_DATA);
        return new FtpResult(out, findings, FirewallSummary.of(out), roles, expected.dropped(), orphans,
                new FtpResult.SnaplenCuts(truncatedFrames, firstTruncatedFrame, truncatedFrames == 0 ? 0 : minCutCaptured, maxCutCaptured));
    }

    /** Every connection this analyzer heard of (control, data, unclaimed) of which the capture holds one side only. */
    private List<TcpStream> oneDirectionStreams() {
        java.util.TreeMap<Integer, TcpStream> all = new java.util.TreeMap<>();
        for (SessionState st : sessions) all.put(st.control.index(), st.control);
        for (DataStreamState d : dataByStream) if (d != null) all.put(d.tcp.index(), d.tcp);
        for (TcpStream t : unclaimed) all.put(t.index(), t);
        List<TcpStream> out = new ArrayList<>();
        for (TcpStream t : all.values()) if (t.unseenDirection() != null && !t.isCopy()) out.add(t);
        return out;
    }

    /** The limits the FTP layer reached, as warnings for the user; call after {@link #result()}. */
    public List<org.ftpscope.capture.CaptureWarning> limitWarnings() {
        if (expected.dropped() > 0) {
            budget.drop(org.ftpscope.capture.Limit.EXPECTED_CHANNELS, expected.firstDropFrame(), expected.dropped());
        }
        return budget.warnings();
    }

    private int truncatedFrames;
    private int firstTruncatedFrame;
    /** Shortest and longest captured length of a cut frame (extract says what length the snaplen cut at). */
    private int minCutCaptured = Integer.MAX_VALUE, maxCutCaptured;
    /** The frame being read and how many of its bytes the snaplen cut off. */
    private int currentFrame;
    private int currentFrameCut;

    private int lastCapturedFrame;

    /** Bound on the ICMP destination-unreachable messages kept for matching with unanswered SYNs. */
    static final int MAX_ICMP_UNREACHABLE = org.ftpscope.capture.Limit.ICMP_UNREACHABLE.intValue();
    private final List<IcmpUnreachable> unreachable = new ArrayList<>();

    /** Notes an ICMP destination-unreachable that quotes a TCP segment; called by the driver for ICMP frames. */
    public void icmp(int frame, byte[] buf, int off, int cap, PacketInfo p) {
        IcmpUnreachable u = IcmpUnreachable.parse(frame, buf, off, cap, p);
        if (u == null) return;
        if (unreachable.size() < MAX_ICMP_UNREACHABLE) unreachable.add(u);
        else budget.drop(org.ftpscope.capture.Limit.ICMP_UNREACHABLE, frame, 1);
    }

    /** Counts frames the snapshot length cut; called by the driver for every frame. */
    public void frameCaptured(int frame, int capturedLength, int originalLength) {
        currentFrame = frame;
        currentFrameCut = originalLength - capturedLength;
        lastCapturedFrame = frame;
        if (capturedLength < originalLength) {
            if (truncatedFrames++ == 0) firstTruncatedFrame = frame;
            minCutCaptured = Math.min(minCutCaptured, capturedLength);
            maxCutCaptured = Math.max(maxCutCaptured, capturedLength);
        }
    }
}

package org.ftpscope.ftp.session;

import org.ftpscope.decode.Endpoint;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.findings.FindingKind;
import org.ftpscope.ftp.model.CommandRecord;
import org.ftpscope.ftp.model.DataMode;
import org.ftpscope.ftp.model.FrameRange;
import org.ftpscope.ftp.model.FtpCommand;
import org.ftpscope.ftp.model.FtpReply;
import org.ftpscope.ftp.model.LineCut;
import org.ftpscope.ftp.model.LoginOutcome;
import org.ftpscope.ftp.model.ReplyRecord;
import org.ftpscope.ftp.model.SetupAddress;
import org.ftpscope.ftp.model.Severity;
import org.ftpscope.ftp.model.TransferDirection;
import org.ftpscope.ftp.parse.ControlLineSplitter;
import org.ftpscope.ftp.parse.Parsed;
import org.ftpscope.ftp.parse.PathNames;
import org.ftpscope.ftp.parse.ReplyAssembler;
import org.ftpscope.ftp.parse.ReplyExpectations;
import org.ftpscope.ftp.parse.SetupParsers;
import org.ftpscope.ftp.parse.TlsRecordScanner;
import org.ftpscope.ftp.session.SessionState.SetupState;
import org.ftpscope.ftp.session.SessionState.TransferState;
import org.ftpscope.tcp.Direction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * One control connection's command/reply state: pairs each command with its replies (in order, so
 * pipelined commands pair in order; 1xx replies are preliminary and keep the command waiting),
 * follows login, working directory, TYPE, REST and AUTH TLS / CCC, and tells the session about
 * setups and transfers as they happen.
 *
 * <p>Pairing survives bytes missing from the capture: after a gap in the server's direction a
 * positive reply that the oldest waiting command cannot get ({@link ReplyExpectations}) but a later
 * one can answers the later one, and the skipped commands say "reply not in the capture"; after a
 * gap in the client's direction a reply that fits no waiting command answers a command that is not
 * in the capture. So one lost segment costs the pairings it held, not the rest of the session.
 */
final class ControlFeed {
    private final FtpAnalyzer analyzer;
    private final SessionState session;
    private final ControlLineSplitter fromClient;
    private final ControlLineSplitter fromServer;
    private final ReplyAssembler replies;
    private final Deque<Exchange> waiting = new ArrayDeque<>();
    private final List<Exchange> exchanges = new ArrayList<>();

    private String user;
    private String password;
    private LoginOutcome login = LoginOutcome.NONE;
    private String cwd = "";
    private String type = "A";
    private long rest;
    private int tlsFrame;
    /** TLS from the first byte (port 990), not after AUTH. */
    private boolean implicitTls;
    /** Per direction: plaintext bytes the key log opened (issue 22). */
    private final long[] decryptedBytes = new long[2];
    /** True while decrypted plaintext is being read as FTP lines. */
    private boolean feedingPlaintext;
    private int lastFrame;
    /** The user named by a 331 reply ("331 Password required for bob") when no USER command is in the capture. */
    private String userFrom331;

    /** Per direction (Direction.ordinal()): the last frame that delivered bytes. */
    private final int[] lastDataFrame = new int[2];
    /** Bytes missing from the capture, in the order they were noticed. */
    private final List<Gap> gaps = new ArrayList<>();
    /** Server-direction gaps so far: a command sent before one may have lost its reply in it. */
    private int serverGaps;
    /** Gaps in the server's bytes that the capture lost (snaplen cuts not counted). */
    private int serverLosses;
    /** A client-direction gap since the last command line: the next command may follow a lost one. */
    private boolean clientGapPending;
    /**
     * Client bytes were lost since the last setup or transfer command (the latest lost gap, or
     * null): a setup command may have been among them.
     */
    private Gap clientLossSinceSetup;
    /** Replies that came with no command waiting since the last command line. */
    private final List<Exchange> recentUnsolicited = new ArrayList<>();
    private int cutLines;
    private int firstCutFrame;
    /** Cut lines of which not even the verb or reply code is whole, and the first one's frame. */
    private int cutBeforeName;
    private int firstCutBeforeName;
    /** Per direction: payload bytes the capture holds, and those the snaplen cut off (in how many frames, the first). */
    private final long[] capturedBytes = new long[2];
    private final long[] snaplenBytes = new long[2];
    private final int[] snaplenFrames = new int[2];
    private final int[] firstSnaplenFrame = new int[2];
    /** Per direction: bytes missing for any reason (lost or cut). */
    private final long[] missingBytes = new long[2];

    private final TlsRecordScanner[] tls = {new TlsRecordScanner(), new TlsRecordScanner()};
    /** Runs of frames whose control bytes were TLS records. */
    private final List<FrameRange> tlsRanges = new ArrayList<>();
    private int tlsRunFirst;
    private int tlsRunLast;
    /** Per direction: the frame where cleartext FTP followed TLS records (CCC) or the 234 (no TLS at all). */
    private final int[] clearAgainFrame = new int[2];

    /** Gap findings kept per session; past it one finding counts the rest. */
    static final int MAX_GAP_FINDINGS = org.ftpscope.capture.Limit.CONTROL_GAP_FINDINGS.intValue();
    /** How many waiting commands a reply may skip when it fits a later one. */
    static final int MAX_SKIP = 16;

    /** A command (or an unsolicited reply) and what it led to. */
    private static final class Exchange {
        final FtpCommand command;
        final List<ReplyRecord> replies = new ArrayList<>();
        /** The setup or transfer this command made, or null. */
        SessionState.DataCommand tag;
        String path;
        /** False past a limit: followed while it waits for its reply, not stored in the session. */
        boolean kept = true;
        String note;
        boolean preliminarySeen;
        /** {@link #serverGaps} and {@link #serverLosses} when the command was read. */
        int serverGapsAtSend, serverLossesAtSend;
        boolean afterClientGap;
        /** A CWD whose argument the capture cut: a 2xx to it leaves the working directory unknown. */
        boolean cwdCut;

        Exchange(FtpCommand command) { this.command = command; }
    }

    /** Bytes missing from one direction, and what the pairing made of it. */
    private static final class Gap {
        final Direction direction;
        final int noticedFrame;
        final int afterFrame;
        long bytes;
        int resyncFrame;
        final List<String> lost = new ArrayList<>();

        Gap(Direction direction, long bytes, int afterFrame, int noticedFrame) {
            this.direction = direction;
            this.bytes = bytes;
            this.afterFrame = afterFrame;
            this.noticedFrame = noticedFrame;
        }
    }

    ControlFeed(FtpAnalyzer analyzer, SessionState session) {
        this.analyzer = analyzer;
        this.session = session;
        this.replies = new ReplyAssembler(this::reply);
        this.fromClient = new ControlLineSplitter(this::commandLine);
        this.fromServer = new ControlLineSplitter((line, frame, nanos, overlong, cut) -> {
            if (overlong) overlong(frame, "a reply line");
            if (cut.cut()) countCut(frame);
            if (cut.cut() && line.length() < 3 && !line.isEmpty() && line.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                countCutBeforeName(frame);
            }
            replies.line(line, frame, nanos, cut);
        }, () -> replies.open());
    }

    /** Implicit FTPS (port 990): TLS from the connection's first byte, no AUTH. */
    void implicitTls(int frame) {
        tlsFrame = frame;
        implicitTls = true;
    }

    /**
     * With a key log: the plaintext the TLS bytes of this event decrypted to is read as FTP lines,
     * as if it had come in clear (the frames are those that completed each record).
     */
    private void decrypted(Direction d, long nanos) {
        org.ftpscope.tls.TlsDecryptor dec = analyzer.decryptor();
        if (dec == null) return;
        for (org.ftpscope.tls.TlsDecryptor.Chunk c : dec.take(session.control.index(), d)) {
            decryptedBytes[d.ordinal()] += c.data().length;
            lastDataFrame[d.ordinal()] = c.lastFrame();
            feedingPlaintext = true;
            try {
                (d == Direction.CLIENT_TO_SERVER ? fromClient : fromServer).feed(c.data(), 0, c.data().length, c.lastFrame(), nanos);
            } finally {
                feedingPlaintext = false;
            }
        }
    }

    void data(Direction d, int frame, long nanos, byte[] buf, int off, int len) {
        lastFrame = frame;
        capturedBytes[d.ordinal()] += len;
        if (tlsFrame > 0) {
            TlsRecordScanner sc = tls[d.ordinal()];
            if (sc.state() != TlsRecordScanner.State.CLEAR) {
                int n = sc.feed(buf, off, len, frame);
                if (n > 0) tlsBytes(frame); // the frame starts with TLS bytes (or opaque ones after a loss)
                if (n > 0) decrypted(d, nanos);
                if (sc.state() != TlsRecordScanner.State.CLEAR) return;
                // No record begins where one should: cleartext FTP if it looks like it, else opaque.
                if (!ControlLineSplitter.startsLine(buf, off + n, len - n)) {
                    sc.gap();
                    if (n == 0) tlsBytes(frame);
                    return;
                }
                clearAgainFrame[d.ordinal()] = frame;
                // Commands sent inside TLS are not visible, unless they were decrypted.
                if (d == Direction.CLIENT_TO_SERVER && decryptedBytes[d.ordinal()] == 0) waiting.clear();
                off += n;
                len -= n;
                if (n == 0) closeTlsRun();
            }
        }
        if (tlsRunFirst > 0 && tlsRunLast < frame) closeTlsRun();
        lastDataFrame[d.ordinal()] = frame;
        (d == Direction.CLIENT_TO_SERVER ? fromClient : fromServer).feed(buf, off, len, frame, nanos);
    }

    private void tlsBytes(int frame) {
        if (tlsRunFirst == 0) tlsRunFirst = frame;
        tlsRunLast = Math.max(tlsRunLast, frame);
    }

    private void closeTlsRun() {
        if (tlsRunFirst > 0) tlsRanges.add(new FrameRange(tlsRunFirst, tlsRunLast));
        tlsRunFirst = 0;
        tlsRunLast = 0;
    }

    /**
     * Bytes missing from one direction; {@code snaplen} when the frame that should have carried
     * them was cut by the capture's snapshot length.
     */
    void gap(Direction d, long length, int frame, boolean snaplen) {
        int i = d.ordinal();
        missingBytes[i] += length;
        if (snaplen) {
            if (firstSnaplenFrame[i] == 0) firstSnaplenFrame[i] = frame;
            snaplenBytes[i] += length;
            snaplenFrames[i]++;
        }
        if (tlsFrame > 0 && tls[d.ordinal()].state() != TlsRecordScanner.State.CLEAR) {
            tls[d.ordinal()].gap();
            return;
        }
        boolean client = d == Direction.CLIENT_TO_SERVER;
        (client ? fromClient : fromServer).gap(snaplen);
        if (!client) replies.gap();
        if (!client) serverGaps++;
        if (!client && !snaplen) serverLosses++;
        Exchange passive = client || snaplen ? null : waitingPassive();
        if (passive != null) analyzer.passiveReplyMaybeLost(session, this, passive.command.frame(), frame);
        if (!snaplen) {
            // (A snaplen cut is said by the cut line and the capture-wide finding.)
            Gap last = gaps.isEmpty() ? null : gaps.get(gaps.size() - 1);
            if (last != null && last.direction == d && last.noticedFrame == frame) {
                last.bytes += length; // one hole reported in pieces
            } else {
                gaps.add(new Gap(d, length, lastDataFrame[d.ordinal()], frame));
            }
        }
        if (client && !snaplen) clientLossSinceSetup = latestGap(d);
        if (client) {
            clientGapPending = true;
            // A reply that came just before this gap was noticed answers a command lost in it.
            Gap g = latestGap(d);
            for (Exchange u : recentUnsolicited) {
                if (u.note != null) continue;
                u.note = "command not in the capture";
                if (g != null && g.resyncFrame == 0) g.resyncFrame = u.replies.get(0).frame();
                lostTransfer(u, g);
            }
            recentUnsolicited.clear();
        }
    }

    /** The latest gap in a direction, or null. */
    private Gap latestGap(Direction d) {
        for (int i = gaps.size() - 1; i >= 0; i--) if (gaps.get(i).direction == d) return gaps.get(i);
        return null;
    }

    private void countCut(int frame) {
        if (cutLines++ == 0) firstCutFrame = frame;
    }

    /** A cut line that shows less than its whole verb or reply code ("RE", "22"). */
    private void countCutBeforeName(int frame) {
        if (cutBeforeName++ == 0) firstCutBeforeName = frame;
    }

    void finish() {
        closeTlsRun();
        fromClient.finish();
        fromServer.finish();
        replies.finish(lastFrame);
        for (Exchange e : waiting) {
            // Still waiting at the end although a server gap followed it: its reply was there.
            if (e.note == null && serverGaps > e.serverGapsAtSend) e.note = e.preliminarySeen
                    ? "final reply not in the capture" : "reply not in the capture";
        }
        for (boolean byLines : new boolean[] {false, true}) {
            if (replies.droppedLines(byLines) > 0) {
                session.budget.drop(byLines ? org.ftpscope.capture.Limit.REPLY_LINES : org.ftpscope.capture.Limit.REPLY_CHARS,
                        replies.droppedFirstFrame(byLines), replies.droppedLines(byLines));
            }
        }
        gapFindings();
        tlsFinding();
        for (int f : replies.malformedFrames()) malformed(f, "a reply code is not followed by a space or hyphen");
        for (int f : replies.oversizedFrames()) {
            malformed(f, "a multi-line reply longer than " + ReplyAssembler.MAX_REPLY_CHARS + " characters or "
                    + ReplyAssembler.MAX_REPLY_LINES + " lines: the lines from here to its end were not kept");
        }
    }

    private void gapFindings() {
        int shown = 0, more = 0;
        long moreBytes = 0;
        for (Gap g : gaps) {
            if (shown == MAX_GAP_FINDINGS) {
                more++;
                moreBytes += g.bytes;
                continue;
            }
            shown++;
            boolean server = g.direction == Direction.SERVER_TO_CLIENT;
            StringBuilder m = new StringBuilder("Control channel: ").append(g.bytes).append(g.bytes == 1 ? " byte" : " bytes")
                    .append(" from the ").append(server ? "server" : "client").append(" missing ")
                    .append(g.afterFrame > 0 ? "after frame " + g.afterFrame : "before frame " + g.noticedFrame)
                    .append(" (not in the capture; noticed at frame ").append(g.noticedFrame).append(")");
            if (!g.lost.isEmpty()) {
                m.append("; pairing resynchronised at frame ").append(g.resyncFrame).append(": ")
                        .append(String.join(", ", g.lost)).append(g.lost.size() == 1 ? " has" : " have")
                        .append(" no reply in the capture");
            }
            if (g.resyncFrame > 0 && !server) {
                m.append("; the reply in frame ").append(g.resyncFrame).append(" answers a command that is not in the capture");
            }
            List<Integer> frames = new ArrayList<>();
            if (g.afterFrame > 0) frames.add(g.afterFrame);
            frames.add(g.noticedFrame);
            if (g.resyncFrame > 0) frames.add(g.resyncFrame);
            session.addParseFinding(new Finding(FindingKind.CONTROL_BYTES_MISSING, FindingKind.CONTROL_BYTES_MISSING.severity(),
                    session.id, g.noticedFrame, m.append('.').toString(), frames));
        }
        if (more > 0) {
            session.addParseFinding(new Finding(FindingKind.CONTROL_BYTES_MISSING, session.id, gaps.get(MAX_GAP_FINDINGS).noticedFrame,
                    "Control channel: " + more + " more places where bytes are missing (" + moreBytes + " bytes), not listed one by one"
                            + " (" + org.ftpscope.capture.Limit.CONTROL_GAP_FINDINGS.label() + ")."));
            session.budget.drop(org.ftpscope.capture.Limit.CONTROL_GAP_FINDINGS, gaps.get(MAX_GAP_FINDINGS).noticedFrame, more);
        }
        wholeDirectionsCut();
        if (cutLines > 0) {
            // Lines that show less than their verb or code ("RE", "22"): nothing is known of them but that they began.
            String partial = cutBeforeName == 0 ? "" : cutLines == 1 ? "; the command or reply code itself is cut"
                    : cutBeforeName == cutLines ? "; in all of them the command or reply code itself is cut"
                    : "; in " + cutBeforeName + " of them (the first in frame " + firstCutBeforeName
                      + ") the command or reply code itself is cut";
            session.addParseFinding(new Finding(FindingKind.CONTROL_BYTES_MISSING, session.id, firstCutFrame,
                    "Control channel: " + cutLines + (cutLines == 1 ? " line is" : " lines are") + " cut short (the first in frame "
                            + firstCutFrame + "); the rest of each is not in the capture, so they are kept as cut lines and "
                            + "not read for addresses, sizes or paths" + partial + "."));
        }
        int skipped = fromClient.skipped() + fromServer.skipped();
        if (skipped > 0) {
            int first = fromClient.skipped() == 0 ? fromServer.firstSkippedFrame() : fromServer.skipped() == 0
                    ? fromClient.firstSkippedFrame() : Math.min(fromClient.firstSkippedFrame(), fromServer.firstSkippedFrame());
            session.addParseFinding(new Finding(FindingKind.CONTROL_BYTES_MISSING, session.id, first,
                    "Control channel: in " + skipped + (skipped == 1 ? " place" : " places") + " (the first in frame " + first
                            + ") the bytes after a hole do not begin like a command or a reply, so whether they begin a line is not"
                            + " known (they may be the rest of a line cut before, or an inner line of a multi-line reply): they were"
                            + " skipped up to the next line end."));
        }
    }

    /** Whether the snaplen cut any of the control bytes: a setup may be among them. */
    boolean snaplenCut() { return snaplenBytes[0] + snaplenBytes[1] > 0; }

    /**
     * A direction of which the snaplen left no byte at all (the headers filled the snapshot): no cut
     * line says so, so the session says here that its commands or replies are not in the capture.
     */
    private void wholeDirectionsCut() {
        int client = Direction.CLIENT_TO_SERVER.ordinal(), server = Direction.SERVER_TO_CLIENT.ordinal();
        boolean clientCut = capturedBytes[client] == 0 && snaplenBytes[client] > 0;
        boolean serverCut = capturedBytes[server] == 0 && snaplenBytes[server] > 0;
        if (!clientCut && !serverCut) return;
        StringBuilder m = new StringBuilder("Control channel: the capture's snapshot length cut off ");
        if (clientCut) m.append(cutText(client, "client"));
        if (clientCut && serverCut) m.append(" and ");
        if (serverCut) m.append(cutText(server, "server"));
        m.append(": no byte of ");
        if (clientCut && serverCut) {
            m.append("either direction is in the capture, so the session's login, commands, replies and transfers are unknown");
        } else if (clientCut) {
            m.append("the client's is in the capture, so its commands are unknown (the server's replies are read)");
        } else {
            m.append("the server's is in the capture, so its replies and the login's outcome are unknown");
        }
        int first = firstSnaplenFrame[clientCut ? client : server];
        if (clientCut && serverCut) first = Math.min(firstSnaplenFrame[client], firstSnaplenFrame[server]);
        List<Integer> frames = new ArrayList<>();
        if (clientCut) frames.add(firstSnaplenFrame[client]);
        if (serverCut) frames.add(firstSnaplenFrame[server]);
        frames.sort(null);
        session.addParseFinding(new Finding(FindingKind.CONTROL_BYTES_MISSING, FindingKind.CONTROL_BYTES_MISSING.severity(),
                session.id, first, m.append('.').toString(), frames));
    }

    private String cutText(int direction, String who) {
        long bytes = snaplenBytes[direction];
        int frames = snaplenFrames[direction];
        return "all " + bytes + (bytes == 1 ? " byte" : " bytes") + " the " + who + " sent (in " + frames
                + (frames == 1 ? " frame" : " frames") + ", the first " + firstSnaplenFrame[direction] + ")";
    }

    private void tlsFinding() {
        if (tlsFrame == 0) return;
        TlsRecordScanner c = tls[Direction.CLIENT_TO_SERVER.ordinal()];
        int clearClient = clearAgainFrame[Direction.CLIENT_TO_SERVER.ordinal()];
        String start = implicitTls ? "Implicit FTPS (port " + FtpAnalyzer.IMPLICIT_FTPS_PORT + ", TLS from the connection's first byte)"
                : "The server accepted AUTH (234, frame " + tlsFrame + ")";
        if (clearClient > 0 && c.records() == 0) {
            session.addParseFinding(new Finding(FindingKind.TLS_CONTROL_CHANNEL, Severity.WARNING, session.id, clearClient,
                    start + ", but no TLS record followed: the client went on "
                            + "in cleartext (frame " + clearClient + "), so the rest of the session is read and analysed as FTP.",
                    List.of(tlsFrame, clearClient)));
            return;
        }
        boolean decrypted = decryptedBytes[0] > 0 || decryptedBytes[1] > 0;
        String tlsFacts = tlsFacts(decrypted);
        int clearServer = clearAgainFrame[Direction.SERVER_TO_CLIENT.ordinal()];
        if (clearClient > 0 || clearServer > 0) {
            int again = clearClient > 0 ? clearClient : clearServer;
            boolean alert = c.lastType() == TlsRecordScanner.ALERT
                    || tls[Direction.SERVER_TO_CLIENT.ordinal()].lastType() == TlsRecordScanner.ALERT;
            session.addParseFinding(new Finding(FindingKind.TLS_CONTROL_CHANNEL, FindingKind.TLS_CONTROL_CHANNEL.severity(),
                    session.id, tlsFrame, start + ": the control channel was encrypted" + tlsFacts
                            + (tlsRanges.isEmpty() ? "" : " (frames " + tlsRanges.get(0).first() + "–"
                            + tlsRanges.get(tlsRanges.size() - 1).last() + ")") + ", then cleartext FTP follows from frame " + again
                            + (alert ? " after a TLS alert record, the close_notify that ends TLS after CCC (RFC 2228 §5.3)"
                            : " at a TLS record boundary") + (decrypted ? "; the commands inside TLS, CCC and its 200 included, were decrypted with the key log. "
                            : "; the CCC command and its 200 were inside TLS and are not visible. ")
                            + "From frame " + again + " on the session is read and analysed as FTP.", List.of(tlsFrame, again)));
            return;
        }
        session.addParseFinding(new Finding(FindingKind.TLS_CONTROL_CHANNEL, session.id, tlsFrame,
                start + ": from here on the control channel is encrypted" + tlsFacts
                        + (decrypted ? "; decrypted with the key log, so its commands, replies and data-channel ports are analysed."
                        : "; commands, replies and data-channel ports are not visible.")));
    }

    /** " (TLS 1.2, TLS_…_SHA256)" and, with a key log that did not open it, why not; "" without TLS facts. */
    private String tlsFacts(boolean decrypted) {
        org.ftpscope.tls.TlsDecryptor dec = analyzer.decryptor();
        org.ftpscope.tls.TlsConnectionSummary t = dec == null ? null : dec.connection(session.control.index());
        // A direction with more cleartext than the TLS layer searches was never read as TLS: the limit, not the key, is why.
        boolean prefix = dec != null && dec.cleartextPrefixReached(session.control.index());
        String prefixText = "ftpscope looks for the start of TLS in the first " + org.ftpscope.capture.Limit.TLS_CLEARTEXT_PREFIX.value()
                + " cleartext bytes of each direction, and this session sent more before it ("
                + org.ftpscope.capture.Limit.TLS_CLEARTEXT_PREFIX.label() + ")";
        if (prefix) session.budget.drop(org.ftpscope.capture.Limit.TLS_CLEARTEXT_PREFIX, tlsFrame, 1);
        if (t == null) return prefix ? ", not decrypted: " + prefixText : "";
        String facts = " (" + t.versionName() + ", " + t.cipherSuiteName() + ")";
        if (decrypted && t.fromClient().decryption() == org.ftpscope.tls.Decryption.DECRYPTED
                && t.fromServer().decryption() == org.ftpscope.tls.Decryption.DECRYPTED) return facts;
        if (prefix) return facts + (decrypted ? ", decrypted only in part: " : ", not decrypted: ") + prefixText;
        for (org.ftpscope.tls.TlsDirectionSummary d : List.of(t.fromClient(), t.fromServer())) {
            if (d.decryption() != org.ftpscope.tls.Decryption.DECRYPTED && d.detail() != null) {
                return facts + (decrypted ? ", decrypted only in part: " : ", not decrypted: ") + d.detail();
            }
        }
        return facts;
    }

    /** Whether the client's bytes after the 234 were TLS records (false: cleartext went on, or nothing came). */
    boolean tls() {
        return tlsFrame > 0 && !(clearAgainFrame[Direction.CLIENT_TO_SERVER.ordinal()] > 0
                && tls[Direction.CLIENT_TO_SERVER.ordinal()].records() == 0);
    }

    List<FrameRange> tlsRanges() { return tlsRanges; }

    /** A line cut at the limit: a finding where it is, and a count for the capture's warning. */
    private void overlong(int frame, String what) {
        malformed(frame, what + " longer than " + ControlLineSplitter.MAX_LINE + " bytes was cut (" + org.ftpscope.capture.Limit.CONTROL_LINE_BYTES.label() + ")");
        session.budget.drop(org.ftpscope.capture.Limit.CONTROL_LINE_BYTES, frame, 1);
    }

    private void malformed(int frame, String text) {
        session.addParseFinding(new Finding(FindingKind.MALFORMED_CONTROL, session.id, frame, text));
    }

    // ---- commands ----

    private void commandLine(String line, int frame, long nanos, boolean overlong, LineCut cut) {
        if (overlong) overlong(frame, "a command line");
        FtpCommand c = FtpCommand.parse(line, frame, nanos);
        Exchange ex = new Exchange(c);
        ex.kept = session.budget.keepLines(1, frame);
        ex.serverGapsAtSend = serverGaps;
        ex.serverLossesAtSend = serverLosses;
        ex.afterClientGap = clientGapPending;
        clientGapPending = false;
        recentUnsolicited.clear();
        if (ex.kept) exchanges.add(ex);
        waiting.add(ex);
        if (waiting.size() > ControlBudget.PENDING_COMMANDS) {
            waiting.poll();
            session.budget.drop(org.ftpscope.capture.Limit.PENDING_COMMANDS, frame, 1);
        }
        String verb = c.verb();
        if (cut.cut()) {
            // Only the start of the line is in the capture: keep it, act only on a verb known whole.
            countCut(frame);
            ex.note = "command line " + cut.label();
            // A verb followed by a space, or one the cut left whole ("PASV", "RETR": no known verb is longer).
            boolean verbWhole = line.indexOf(' ') > 0 || FtpCommand.wholeVerb(verb);
            if (!verbWhole) {
                countCutBeforeName(frame);
                return;
            }
            switch (verb) {
                case "TYPE" -> {
                    // The type is its argument's first letter: known if the cut left it, else unknown from here on.
                    String t = c.arg().trim();
                    type = t.isEmpty() ? null : t.substring(0, 1).toUpperCase(Locale.ROOT);
                    return;
                }
                case "REST" -> {
                    rest = -1; // the offset's digits may go on past the cut
                    return;
                }
                case "CWD", "XCWD" -> {
                    ex.cwdCut = true; // if the server accepts it, the working directory is not known
                    return;
                }
                case "PORT", "EPRT", "LPRT" -> {
                    SetupState s = new SetupState(session.setups.size(), DataMode.valueOf(verb), frame);
                    s.setupFrame = frame;
                    s.text = c.arg() + "…";
                    s.portMath = "";
                    s.advertised = new Endpoint(session.client().ip(), 0); // port unknown until the connection comes
                    s.inferred = cut == LineCut.SNAPLEN ? INFERRED_ACTIVE
                            : "inferred from the next connection because the end of the command is not in the capture";
                    session.setups.add(s);
                    ex.tag = s;
                    clientLossSinceSetup = null;
                    analyzer.inferredSetup(session, s);
                    return;
                }
                case "PASV", "EPSV", "LPSV" -> {
                    ex.tag = new SetupState(-1, DataMode.valueOf(verb), frame);
                    clientLossSinceSetup = null;
                    return;
                }
                default -> {
                    if (TransferDirection.of(verb) == null) return;
                }
            }
        }
        switch (verb) {
            case "USER" -> user = c.arg();
            case "PASS" -> {
                password = c.arg();
                session.passFrame = frame;
                session.passBeforeTls = !feedingPlaintext; // a decrypted PASS did not cross in clear
            }
            case "TYPE" -> {
                // trim(), not isBlank(): control characters are trimmed but are not blank (found by fuzzing)
                String t = c.arg().trim();
                if (!t.isEmpty()) type = t.substring(0, 1).toUpperCase(Locale.ROOT);
            }
            case "REST" -> {
                try {
                    rest = org.ftpscope.decode.Ascii.parseLong(c.arg().trim());
                } catch (NumberFormatException e) {
                    rest = 0;
                }
            }
            case "PASV", "EPSV", "LPSV" -> {
                ex.tag = new SetupState(-1, DataMode.valueOf(verb), frame);
                clientLossSinceSetup = null;
            }
            case "PORT", "EPRT", "LPRT" -> {
                activeSetup(ex, c);
                clientLossSinceSetup = null;
            }
            case "SIZE", "CWD", "XCWD" -> ex.path = resolve(c.arg());
            default -> { }
        }
        TransferDirection dir = TransferDirection.of(verb);
        if (dir != null && session.budget.keepTransfer(frame)) {
            String path = cut.cut() ? cutPath(c.pathArgument()) : resolve(c.pathArgument());
            SetupState setup = session.pendingSetup;
            session.pendingSetup = null;
            TransferState t = new TransferState(session.transfers.size(), verb, c.arg(), path, frame, nanos, dir, setup,
                    dir == TransferDirection.LISTING ? 0 : rest, type);
            t.commandCut = cut.cut();
            if (setup != null && setup.transfer == null) setup.transfer = t;
            session.transfers.add(t);
            ex.tag = t;
            rest = 0;
            Gap lost = clientLossSinceSetup;
            clientLossSinceSetup = null;
            // No setup, and client bytes were lost since the last one: the setup command may have been
            // among them, so the next connection between the two hosts is taken as its channel.
            if (setup == null && lost != null) analyzer.setupMaybeLost(session, t, lost.afterFrame, lost.noticedFrame);
        }
    }

    /**
     * The path of a transfer command the capture cut: what is known of it and "…" for the rest
     * ({@code /pub/no…}; {@code /pub/…} when nothing of the argument is in the capture).
     */
    private String cutPath(String visible) {
        if (!visible.isEmpty()) return resolve(visible) + "…";
        return cwd.isEmpty() ? "…" : cwd.endsWith("/") ? cwd + "…" : cwd + "/…";
    }

    /**
     * A reply to a command not in the capture ({@code u}): a 227/229/228 names a passive channel
     * ({@link #lostPassive}); a 125 or 150 is the preliminary reply of a transfer command (RFC 959
     * §5.4), so a transfer was sent in the client's lost bytes ({@code g}).
     * It takes the pending setup, waits for its final reply like any transfer, and says what it was
     * from its data connection at the end ({@link SessionBuilder}).
     */
    private void lostTransfer(Exchange u, Gap g) {
        ReplyRecord r = u.replies.get(0);
        if (lostPassive(u, r)) return;
        if (r.code() != 125 && r.code() != 150 || u.tag != null || !session.budget.keepTransfer(r.frame())) return;
        SetupState setup = session.pendingSetup;
        session.pendingSetup = null;
        clientLossSinceSetup = null;
        TransferState t = new TransferState(session.transfers.size(), "?", "", "", r.frame(), r.nanos(),
                TransferDirection.DOWNLOAD, setup, rest, type);
        t.commandLost = true;
        t.lostAfterFrame = g == null ? 0 : g.afterFrame;
        if (setup != null && setup.transfer == null) setup.transfer = t;
        session.transfers.add(t);
        rest = 0;
        u.tag = t;
        u.preliminarySeen = true;
        u.serverGapsAtSend = serverGaps;
        u.serverLossesAtSend = serverLosses;
        t.reply(r.code(), r.frame(), r.cut().cut() ? "" : r.text());
        waiting.addFirst(u); // sent before every command still waiting: those came after the gap
        // No setup pending: its setup command was lost with it, or before it.
        if (setup == null && g != null) analyzer.setupMaybeLost(session, t, g.afterFrame, g.noticedFrame);
    }

    /**
     * A whole 227, 229 or 228 to a command not in the capture: only PASV, EPSV or LPSV get these
     * (RFC 959 §5.4, RFC 2428, RFC 1639), so the lost command was that one, and the reply names its
     * channel as if the command were there. False for any other reply.
     */
    private boolean lostPassive(Exchange u, ReplyRecord r) {
        DataMode mode = r.code() == 227 ? DataMode.PASV : r.code() == 229 ? DataMode.EPSV : r.code() == 228 ? DataMode.LPSV : null;
        if (mode == null || r.cut().cut() || u.tag != null) return false;
        SetupState s = setup(mode, r.text(), r.code() + " " + r.text(), r.frame(), r.frame());
        if (s == null) return true;
        s.replyCode = r.code();
        s.replyFrame = r.frame();
        session.setups.add(s);
        u.tag = s;
        clientLossSinceSetup = null;
        analyzer.passiveSetupReplied(session, s);
        return true;
    }

    private void activeSetup(Exchange ex, FtpCommand c) {
        SetupState s = setup(DataMode.valueOf(c.verb()), c.arg(), c.verb() + " " + c.arg(), c.frame(), c.frame());
        if (s == null) return;
        session.setups.add(s);
        ex.tag = s;
        analyzer.activeSetupSent(session, s);
    }

    // ---- replies ----

    private void reply(FtpReply r) {
        if (r.code() < 0 && !r.cut().cut()) {
            String line = r.lines().get(0);
            malformed(r.firstFrame(), "a reply without a valid 3-digit code: \""
                    + (line.length() > 60 ? line.substring(0, 60) + "…" : line) + "\"");
        }
        if (r.code() == 331 && user == null && !r.cut().cut()) userFrom331 = userIn331(r.text());
        ReplyRecord rec = new ReplyRecord(r.firstFrame(), r.nanos(), r.code(), r.text(), r.lines(), r.cut());
        Exchange ex = waiting.peek();
        boolean greeting = r.code() == 220 && !sawGreeting() && ex != null && ex.replies.isEmpty();
        if (ex == null || greeting) {
            // The greeting, or an unsolicited reply such as 421: no command to pair with.
            unsolicitedSeen = true;
            if (!session.budget.keepLines(rec.lines().size(), r.firstFrame())) return;
            Exchange unsolicited = unsolicited(rec, ex);
            if (!greeting && clientGapPending) {
                // Bytes of the client's were lost since its last command: this reply answers one lost there.
                unsolicited.note = "command not in the capture";
                Gap g = latestGap(Direction.CLIENT_TO_SERVER);
                if (g != null && g.resyncFrame == 0) g.resyncFrame = r.firstFrame();
                lostTransfer(unsolicited, g);
            } else if (!greeting) {
                recentUnsolicited.add(unsolicited);
            }
            return;
        }
        ReplyExpectations.Fit fit = fit(ex, r);
        // A command sent after server bytes the capture lost, while the oldest still waited: those
        // bytes were (most likely) the oldest's reply, so a reply the later command can get is its own.
        // (Not a 500-502 during a transfer: that answers a command sent meanwhile, below.)
        boolean syntaxErrorDuringTransfer = r.code() >= 500 && r.code() <= 502 && ex.tag instanceof TransferState
                && !ex.replies.isEmpty();
        Exchange sentAfterGap = serverLosses > ex.serverLossesAtSend && fit != ReplyExpectations.Fit.NO
                && fit != ReplyExpectations.Fit.COMPLETION_WITHOUT_PRELIMINARY && !syntaxErrorDuringTransfer
                ? laterFitSentAfterGap(r, ex) : null;
        if (sentAfterGap != null || fit == ReplyExpectations.Fit.NO || fit == ReplyExpectations.Fit.COMPLETION_WITHOUT_PRELIMINARY) {
            Exchange later = sentAfterGap != null ? sentAfterGap : serverGaps > ex.serverGapsAtSend ? laterFit(r) : null;
            if (later != null) {
                // The replies of the commands before it were in bytes the capture lost.
                Gap g = latestGap(Direction.SERVER_TO_CLIENT);
                while (waiting.peek() != later) {
                    Exchange lost = waiting.poll();
                    lost.note = lost.preliminarySeen ? "final reply not in the capture" : "reply not in the capture";
                    if (g != null && lost.command == null) {
                        if (g.resyncFrame == 0) g.resyncFrame = r.firstFrame();
                        g.lost.add("the transfer whose 1xx is in frame " + lost.replies.get(0).frame());
                    } else if (g != null) {
                        if (g.resyncFrame == 0) g.resyncFrame = r.firstFrame();
                        g.lost.add(lost.command.sentVerb() + (lost.command.arg().isEmpty() ? "" : " "
                                + (lost.command.verb().equals("PASS") ? "********" : lost.command.arg()))
                                + " (frame " + lost.command.frame() + ")");
                    }
                }
                ex = later;
            } else if (fit == ReplyExpectations.Fit.NO && ex.afterClientGap) {
                // Fits nothing waiting, and a command may be lost just before: it answers that one.
                Gap g = latestGap(Direction.CLIENT_TO_SERVER);
                if (g != null && g.resyncFrame == 0) g.resyncFrame = r.firstFrame();
                if (session.budget.keepLines(rec.lines().size(), r.firstFrame())) {
                    Exchange u = unsolicited(rec, ex);
                    u.note = "command not in the capture";
                    lostTransfer(u, g);
                }
                return;
            }
        }
        // A syntax error cannot end a transfer already under way (1xx seen): it answers the command
        // sent during the transfer, e.g. vsftpd's 500 to an ABOR sent with Telnet urgent bytes.
        if (r.code() >= 500 && r.code() <= 502 && ex.tag instanceof TransferState && !ex.replies.isEmpty()
                && waiting.size() > 1) {
            Exchange next = waiting.stream().skip(1).findFirst().orElseThrow();
            keepReply(next, rec);
            waiting.remove(next);
            onReply(next, r);
            return;
        }
        keepReply(ex, rec);
        if (preliminary(r)) ex.preliminarySeen = true;
        else waiting.remove(ex);
        onReply(ex, r);
    }

    /** Stores a reply with its command while the budget lasts; a first reply is always noted (pairing depends on it). */
    private void keepReply(Exchange ex, ReplyRecord rec) {
        if (!ex.kept) {
            if (ex.replies.isEmpty()) ex.replies.add(rec);
            return;
        }
        if (session.budget.keepLines(rec.lines().size(), rec.frame())) ex.replies.add(rec);
        else if (ex.replies.isEmpty()) ex.replies.add(new ReplyRecord(rec.frame(), rec.nanos(), rec.code(), rec.text(), List.of()));
    }

    /** Files an unsolicited reply before the exchange it came ahead of (at the end when that one is not kept). */
    private Exchange unsolicited(ReplyRecord rec, Exchange before) {
        Exchange u = new Exchange(null);
        u.replies.add(rec);
        exchanges.add(before == null || !before.kept ? exchanges.size() : exchanges.lastIndexOf(before), u);
        return u;
    }

    private static ReplyExpectations.Fit fit(Exchange ex, FtpReply r) {
        // A reply cut inside its code ("1", "15"): its first digit says whether it is preliminary.
        if (r.code() < 0 && preliminary(r)) return ReplyExpectations.Fit.PRELIMINARY;
        // A transfer whose command is not in the capture: every transfer verb has the same replies.
        String verb = ex.command != null ? ex.command.verb() : ex.tag instanceof TransferState ? "RETR" : "";
        return ReplyExpectations.fit(verb, ex.preliminarySeen, r.code());
    }

    /** A 1xx reply, or one cut inside its code whose first digit is 1 (RFC 959 §4.2: positive preliminary). */
    private static boolean preliminary(FtpReply r) {
        return r.preliminary() || r.code() < 0 && r.cut().cut() && r.lines().get(0).startsWith("1");
    }

    /** The first waiting command after the oldest that the reply fits for certain, within {@link #MAX_SKIP}. */
    private Exchange laterFit(FtpReply r) {
        int i = 0;
        for (Exchange e : waiting) {
            if (i++ == 0) continue;
            if (i > MAX_SKIP + 1) break;
            ReplyExpectations.Fit f = fit(e, r);
            if (f == ReplyExpectations.Fit.PRELIMINARY || f == ReplyExpectations.Fit.COMPLETION) return e;
        }
        return null;
    }

    /**
     * The first waiting command after {@code head}, sent after a gap in the server's bytes that came
     * after {@code head} was sent, that the reply fits for certain, within {@link #MAX_SKIP}; null if none.
     * (The TCP layer reads a command that acknowledges lost server bytes after their gap.)
     */
    private Exchange laterFitSentAfterGap(FtpReply r, Exchange head) {
        int i = 0;
        for (Exchange e : waiting) {
            if (i++ == 0) continue;
            if (i > MAX_SKIP + 1) break;
            if (e.serverLossesAtSend <= head.serverLossesAtSend) continue;
            ReplyExpectations.Fit f = fit(e, r);
            if (f == ReplyExpectations.Fit.PRELIMINARY || f == ReplyExpectations.Fit.COMPLETION) return e;
        }
        return null;
    }

    private static final java.util.regex.Pattern USER_IN_331 = java.util.regex.Pattern.compile(
            "(?i)(?:password required for \"?([^\\s\"]+?)\"?[.,:;!]?(?:\\s|$)|\\buser \"?([^\\s\"]+?)\"? (?:ok|okay)\\b)");

    /** The user a 331 reply names (ProFTPD, FileZilla, IIS: "Password required for bob"; Pure-FTPd: "User bob OK."), or null. */
    static String userIn331(String text) {
        java.util.regex.Matcher m = USER_IN_331.matcher(text);
        if (!m.find()) return null;
        String u = m.group(1) != null ? m.group(1) : m.group(2);
        return u.isEmpty() || u.equalsIgnoreCase("name") ? null : u;
    }

    /** An unsolicited reply (the greeting among them) was seen; a flag, not a scan of every exchange. */
    private boolean unsolicitedSeen;

    private boolean sawGreeting() { return unsolicitedSeen; }

    private void onReply(Exchange ex, FtpReply r) {
        int code = r.code();
        FtpCommand c = ex.command;
        // A cut reply keeps its code; its text is only a beginning and is never parsed.
        boolean cut = r.cut().cut();
        switch (c == null ? "" : c.verb()) {
            case "USER", "PASS", "ACCT" -> {
                if (code == 230) login = LoginOutcome.SUCCEEDED;
                else if (code == 530 && login != LoginOutcome.SUCCEEDED) {
                    login = LoginOutcome.FAILED;
                    session.failedLoginFrames.add(r.firstFrame());
                    if (user != null) session.failedUsers.add(user);
                }
            }
            case "AUTH" -> {
                // Whether TLS really follows is decided by the bytes (TlsRecordScanner).
                if (code == 234 && tlsFrame == 0) tlsFrame = r.firstFrame();
            }
            case "PWD", "XPWD" -> {
                if (code == 257 && !cut) {
                    String dir = quoted(r.text());
                    if (dir != null) cwd = dir;
                }
            }
            case "CWD", "XCWD" -> {
                if (code >= 200 && code < 300 && ex.path != null) cwd = ex.path;
                else if (code >= 200 && code < 300 && ex.cwdCut) cwd = ""; // paths after it are shown as sent
            }
            case "CDUP", "XCUP" -> { if (code >= 200 && code < 300) cwd = PathNames.parent(cwd); }
            case "SIZE" -> {
                if (code == 213 && ex.path != null && !cut) {
                    try {
                        session.sizes.put(ex.path, org.ftpscope.decode.Ascii.parseLong(r.text().trim()));
                    } catch (NumberFormatException ignored) {
                        // not a size
                    }
                }
            }
            case "PASV", "EPSV", "LPSV" -> {
                if (cut) inferredPassive(ex, r);
                else passiveReply(ex, r);
            }
            default -> { }
        }
        if (ex.tag instanceof SetupState s && !s.mode.passive() && !preliminary(r)) {
            s.replyCode = code;
            s.replyFrame = r.firstFrame();
            if (code >= 400 || code < 0) analyzer.activeSetupRefused(session, s);
        }
        if (ex.tag instanceof TransferState t && !(code < 0 && preliminary(r))) {
            t.reply(code, r.firstFrame(), cut ? (preliminary(r) ? "" : r.text() + "…") : r.text());
            // After its final reply no connection can be its data connection.
            if (!preliminary(r)) analyzer.transferEnded(t);
        }
    }

    /** The oldest waiting PASV/EPSV/LPSV with no reply yet, or null. */
    private Exchange waitingPassive() {
        for (Exchange e : waiting) {
            if (e.command != null && e.replies.isEmpty() && e.tag instanceof SetupState st && st.id < 0 && st.mode.passive()) return e;
        }
        return null;
    }

    /** What a setup whose command the capture lost says about itself (active, then passive). */
    static final String INFERRED_LOST_SETUP_ACTIVE = "inferred from the next connection because the setup command is not in"
            + " the capture: active, as the server opened the connection; whether PORT, EPRT or LPRT is not known";
    static final String INFERRED_LOST_SETUP_PASSIVE = "inferred from the next connection because the setup command is not in"
            + " the capture: passive, as the client opened the connection; whether PASV, EPSV or LPSV is not known";

    /**
     * The setup of a transfer whose setup command was in client bytes the capture lost ({@code
     * noticedFrame}: where the loss shows), made when the connection {@code passive} (from the client)
     * or active comes: PASV or PORT for IPv4, EPSV or EPRT for IPv6, as the connection's direction
     * shows; which command it really was is not known.
     */
    SetupState lostSetup(TransferState t, boolean passive, int noticedFrame) {
        boolean v6 = session.server().ip().v6();
        DataMode mode = passive ? (v6 ? DataMode.EPSV : DataMode.PASV) : (v6 ? DataMode.EPRT : DataMode.PORT);
        SetupState st = new SetupState(session.setups.size(), mode, noticedFrame);
        st.setupFrame = noticedFrame;
        st.text = "(setup command not in the capture)";
        st.inferred = passive ? INFERRED_LOST_SETUP_PASSIVE : INFERRED_LOST_SETUP_ACTIVE;
        st.portMath = "";
        session.setups.add(st);
        st.transfer = t;
        t.setup = st;
        return st;
    }

    /** What a setup inferred because its reply was lost says about itself. */
    static final String INFERRED_LOST_REPLY = "inferred from the next connection because the reply is not in the capture";

    /**
     * A new connection from the client to the server: if a passive command still waits for a reply
     * that server bytes lost since could have held, the connection is taken as its channel (the
     * setup says it was inferred, and how). Null when no such command waits.
     */
    SetupState setupForLostPassiveReply(int frame) {
        Exchange ex = waitingPassive();
        if (ex == null || serverLosses <= ex.serverLossesAtSend) return null;
        SetupState pending = (SetupState) ex.tag;
        SetupState st = new SetupState(session.setups.size(), pending.mode, pending.commandFrame);
        st.setupFrame = pending.commandFrame;
        st.text = "(reply not in the capture)";
        st.inferred = INFERRED_LOST_REPLY;
        st.portMath = "";
        st.advertised = new Endpoint(session.server().ip(), 0);
        session.setups.add(st);
        ex.tag = st;
        session.pendingSetup = st;
        return st;
    }

    /** What an inferred setup says about itself, as the reports show it. */
    static final String INFERRED_PASSIVE = "inferred from the next connection because the reply was cut by the snaplen";
    static final String INFERRED_ACTIVE = "inferred from the next connection because the command was cut by the snaplen";

    /**
     * A setup reply cut before its address: the next new connection from the client to the server
     * is taken as its channel, and says so.
     */
    private void inferredPassive(Exchange ex, FtpReply r) {
        if (!(ex.tag instanceof SetupState pending)) return;
        int want = pending.mode == DataMode.PASV ? 227 : pending.mode == DataMode.EPSV ? 229 : 228;
        if (r.code() != want) return;
        SetupState s = new SetupState(session.setups.size(), pending.mode, pending.commandFrame);
        s.setupFrame = r.firstFrame();
        s.text = r.text() + "…";
        s.replyCode = r.code();
        s.replyFrame = r.firstFrame();
        s.inferred = r.cut() == LineCut.SNAPLEN ? INFERRED_PASSIVE
                : "inferred from the next connection because the end of the reply is not in the capture";
        s.portMath = "";
        s.advertised = new Endpoint(session.server().ip(), 0); // port unknown until the connection comes
        session.setups.add(s);
        ex.tag = s;
        analyzer.inferredSetup(session, s);
    }

    private void passiveReply(Exchange ex, FtpReply r) {
        if (!(ex.tag instanceof SetupState pending)) return;
        DataMode mode = pending.mode;
        int want = mode == DataMode.PASV ? 227 : mode == DataMode.EPSV ? 229 : 228;
        if (r.code() != want) return; // refused (e.g. 500 EPSV not understood): no setup
        SetupState s = setup(mode, r.text(), r.code() + " " + r.text(), r.firstFrame(), pending.commandFrame);
        if (s == null) return;
        s.replyCode = r.code();
        s.replyFrame = r.firstFrame();
        session.setups.add(s);
        ex.tag = s;
        analyzer.passiveSetupReplied(session, s);
    }

    /**
     * The setup a PORT-family command or PASV-family reply names, or null: unparsable (a finding
     * says why, with {@code shown}, the line as sent) or past the session's budget. EPSV names no
     * address: the control connection's server is meant.
     */
    private SetupState setup(DataMode mode, String text, String shown, int frame, int commandFrame) {
        Parsed<SetupAddress> p = SetupParsers.parse(mode, text);
        if (p instanceof Parsed.Invalid<SetupAddress> bad) {
            session.addParseFinding(new Finding(FindingKind.INVALID_SETUP_REPLY, session.id, frame, shown + ": " + bad.reason()));
            return null;
        }
        SetupAddress a = ((Parsed.Ok<SetupAddress>) p).value();
        if (!session.budget.keepSetup(frame)) return null;
        SetupState s = new SetupState(session.setups.size(), mode, commandFrame);
        s.setupFrame = frame;
        s.advertised = new Endpoint(a.ip() == null ? session.server().ip() : a.ip(), a.port());
        s.portMath = a.portMath();
        s.text = text;
        return s;
    }

    private String resolve(String arg) { return PathNames.resolve(cwd, arg); }

    /** The quoted directory of a 257 reply ({@code "dir" is current}), with doubled quotes undone. */
    static String quoted(String text) {
        int a = text.indexOf('"');
        if (a < 0) return null;
        StringBuilder sb = new StringBuilder();
        for (int i = a + 1; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    sb.append('"');
                    i++;
                } else {
                    return sb.toString();
                }
            } else {
                sb.append(ch);
            }
        }
        return null;
    }

    // ---- results ----

    /** The USER argument, else the user a 331 reply named, else null (unknown). */
    String user() { return user != null ? user : userFrom331; }

    /** Where {@link #user()} comes from: "USER", "331" or null when unknown. */
    String userSource() { return user != null ? "USER" : userFrom331 != null ? "331" : null; }

    String password() { return password; }

    LoginOutcome login() {
        return login == LoginOutcome.NONE && missingBytes[Direction.SERVER_TO_CLIENT.ordinal()] > 0 ? LoginOutcome.UNKNOWN : login;
    }

    int tlsFrame() { return tlsFrame; }

    List<CommandRecord> commands() {
        List<CommandRecord> out = new ArrayList<>(exchanges.size());
        for (Exchange e : exchanges) {
            if (e.command == null) {
                ReplyRecord r = e.replies.get(0);
                out.add(new CommandRecord(r.frame(), r.nanos(), null, null, e.replies, e.note));
            } else {
                out.add(new CommandRecord(e.command.frame(), e.command.nanos(), e.command.sentVerb(), e.command.arg(),
                        e.replies, e.note));
            }
        }
        return out;
    }
}

package org.ftpscope.ftp;

import org.ftpscope.decode.Endpoint;
import org.ftpscope.ftp.SessionState.SetupState;
import org.ftpscope.ftp.SessionState.TransferState;
import org.ftpscope.tcp.Direction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * One control connection's command/reply state: pairs each command with its replies (FIFO, so
 * pipelined commands pair in order; 1xx replies are preliminary and keep the command waiting),
 * follows login, working directory, TYPE, REST and AUTH TLS, and tells the session about setups
 * and transfers as they happen.
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
    private int lastFrame;
    private int gapCount;
    private int firstGapFrame;
    private long gapBytes;

    /** A command (or an unsolicited reply) and what it led to. */
    private static final class Exchange {
        final FtpCommand command;
        final List<ReplyRecord> replies = new ArrayList<>();
        Object tag;
        String path;
        /** False past a limit: followed while it waits for its reply, not stored in the session. */
        boolean kept = true;

        Exchange(FtpCommand command) { this.command = command; }
    }

    ControlFeed(FtpAnalyzer analyzer, SessionState session) {
        this.analyzer = analyzer;
        this.session = session;
        this.replies = new ReplyAssembler(this::reply);
        this.fromClient = new ControlLineSplitter(this::commandLine);
        this.fromServer = new ControlLineSplitter((line, frame, nanos, overlong) -> {
            if (overlong) malformed(frame, "a reply line longer than " + ControlLineSplitter.MAX_LINE + " bytes was cut");
            replies.line(line, frame, nanos);
        });
    }

    void data(Direction d, int frame, long nanos, byte[] buf, int off, int len) {
        if (tlsFrame > 0) return; // encrypted from here on
        lastFrame = frame;
        (d == Direction.CLIENT_TO_SERVER ? fromClient : fromServer).feed(buf, off, len, frame, nanos);
    }

    void gap(Direction d, long length, int frame) {
        if (tlsFrame > 0) return;
        (d == Direction.CLIENT_TO_SERVER ? fromClient : fromServer).gap();
        if (gapCount++ == 0) firstGapFrame = frame;
        gapBytes += length;
    }

    void finish() {
        if (tlsFrame > 0) return;
        fromClient.finish();
        fromServer.finish();
        replies.finish(lastFrame);
        if (gapCount > 0) {
            malformed(firstGapFrame, gapBytes + " bytes of the control connection are missing from the capture ("
                    + gapCount + (gapCount == 1 ? " place" : " places") + "); commands or replies there are lost");
        }
        for (boolean byLines : new boolean[] {false, true}) {
            if (replies.droppedLines(byLines) > 0) {
                session.budget.drop(byLines ? org.ftpscope.capture.Limit.REPLY_LINES : org.ftpscope.capture.Limit.REPLY_CHARS,
                        replies.droppedFirstFrame(byLines), replies.droppedLines(byLines));
            }
        }
        for (int f : replies.malformedFrames()) malformed(f, "a reply code is not followed by a space or hyphen");
        for (int f : replies.oversizedFrames()) {
            malformed(f, "a multi-line reply longer than " + ReplyAssembler.MAX_REPLY_CHARS + " characters or "
                    + ReplyAssembler.MAX_REPLY_LINES + " lines: the lines from here to its end were not kept");
        }
    }

    private void malformed(int frame, String text) {
        session.addParseFinding(new Finding(FindingKind.MALFORMED_CONTROL, session.id, frame, text));
    }

    // ---- commands ----

    private void commandLine(String line, int frame, long nanos, boolean overlong) {
        if (overlong) malformed(frame, "a command line longer than " + ControlLineSplitter.MAX_LINE + " bytes was cut");
        FtpCommand c = FtpCommand.parse(line, frame, nanos);
        Exchange ex = new Exchange(c);
        ex.kept = session.budget.keepLines(1, frame);
        if (ex.kept) exchanges.add(ex);
        waiting.add(ex);
        if (waiting.size() > ControlBudget.PENDING_COMMANDS) {
            waiting.poll();
            session.budget.drop(org.ftpscope.capture.Limit.PENDING_COMMANDS, frame, 1);
        }
        String verb = c.verb();
        switch (verb) {
            case "USER" -> user = c.arg();
            case "PASS" -> {
                password = c.arg();
                session.passFrame = frame;
                session.passBeforeTls = tlsFrame == 0;
            }
            case "TYPE" -> {
                // trim(), not isBlank(): control characters are trimmed but are not blank (found by fuzzing)
                String t = c.arg().trim();
                if (!t.isEmpty()) type = t.substring(0, 1).toUpperCase(Locale.ROOT);
            }
            case "REST" -> {
                try {
                    rest = Long.parseLong(c.arg().trim());
                } catch (NumberFormatException e) {
                    rest = 0;
                }
            }
            case "PASV", "EPSV", "LPSV" -> ex.tag = new SetupState(-1, DataMode.valueOf(verb), frame);
            case "PORT", "EPRT", "LPRT" -> activeSetup(ex, c);
            case "SIZE", "CWD", "XCWD" -> ex.path = resolve(c.arg());
            default -> { }
        }
        TransferDirection dir = TransferDirection.of(verb);
        if (dir != null && session.budget.keepTransfer(frame)) {
            String path = resolve(c.pathArgument());
            SetupState setup = session.pendingSetup;
            session.pendingSetup = null;
            TransferState t = new TransferState(session.transfers.size(), verb, c.arg(), path, frame, nanos, dir, setup,
                    dir == TransferDirection.LISTING ? 0 : rest, type);
            if (setup != null && setup.transfer == null) setup.transfer = t;
            session.transfers.add(t);
            ex.tag = t;
            rest = 0;
        }
    }

    private void activeSetup(Exchange ex, FtpCommand c) {
        DataMode mode = DataMode.valueOf(c.verb());
        Parsed<SetupAddress> p = switch (mode) {
            case PORT -> SetupParsers.port(c.arg());
            case EPRT -> SetupParsers.extendedPort(c.arg());
            default -> SetupParsers.longPort(c.arg());
        };
        if (p instanceof Parsed.Invalid<SetupAddress> bad) {
            session.addParseFinding(new Finding(FindingKind.INVALID_SETUP_REPLY, session.id, c.frame(),
                    c.verb() + " " + c.arg() + ": " + bad.reason()));
            return;
        }
        SetupAddress a = ((Parsed.Ok<SetupAddress>) p).value();
        if (!session.budget.keepSetup(c.frame())) return;
        SetupState s = new SetupState(session.setups.size(), mode, c.frame());
        s.setupFrame = c.frame();
        s.advertised = new Endpoint(a.ip(), a.port());
        s.portMath = a.portMath();
        s.text = c.arg();
        session.setups.add(s);
        ex.tag = s;
        analyzer.activeSetupSent(session, s);
    }

    // ---- replies ----

    private void reply(FtpReply r) {
        if (r.code() < 0) {
            String line = r.lines().get(0);
            malformed(r.firstFrame(), "a reply without a valid 3-digit code: \""
                    + (line.length() > 60 ? line.substring(0, 60) + "…" : line) + "\"");
        }
        ReplyRecord rec = new ReplyRecord(r.firstFrame(), r.nanos(), r.code(), r.text(), r.lines());
        Exchange ex = waiting.peek();
        boolean greeting = r.code() == 220 && !sawGreeting() && ex != null && ex.replies.isEmpty();
        if (ex == null || greeting) {
            // The greeting, or an unsolicited reply such as 421: no command to pair with.
            unsolicitedSeen = true;
            if (!session.budget.keepLines(rec.lines().size(), r.firstFrame())) return;
            Exchange unsolicited = new Exchange(null);
            unsolicited.replies.add(rec);
            int at = ex == null || !ex.kept ? exchanges.size() : exchanges.lastIndexOf(ex);
            exchanges.add(at, unsolicited);
            return;
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
        if (!r.preliminary()) waiting.poll();
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

    /** An unsolicited reply (the greeting among them) was seen; a flag, not a scan of every exchange. */
    private boolean unsolicitedSeen;

    private boolean sawGreeting() { return unsolicitedSeen; }

    private void onReply(Exchange ex, FtpReply r) {
        int code = r.code();
        FtpCommand c = ex.command;
        switch (c.verb()) {
            case "USER", "PASS", "ACCT" -> {
                if (code == 230) login = LoginOutcome.SUCCEEDED;
                else if (code == 530 && login != LoginOutcome.SUCCEEDED) {
                    login = LoginOutcome.FAILED;
                    session.failedLoginFrames.add(r.firstFrame());
                    if (user != null) session.failedUsers.add(user);
                }
            }
            case "AUTH" -> {
                if (code == 234) {
                    tlsFrame = r.firstFrame();
                    waiting.clear();
                }
            }
            case "PWD", "XPWD" -> {
                if (code == 257) {
                    String dir = quoted(r.text());
                    if (dir != null) cwd = dir;
                }
            }
            case "CWD", "XCWD" -> { if (code >= 200 && code < 300 && ex.path != null) cwd = ex.path; }
            case "CDUP", "XCUP" -> { if (code >= 200 && code < 300) cwd = PathNames.parent(cwd); }
            case "SIZE" -> {
                if (code == 213 && ex.path != null) {
                    try {
                        session.sizes.put(ex.path, Long.parseLong(r.text().trim()));
                    } catch (NumberFormatException ignored) {
                        // not a size
                    }
                }
            }
            case "PASV", "EPSV", "LPSV" -> passiveReply(ex, r);
            default -> { }
        }
        if (ex.tag instanceof SetupState s && !s.mode.passive() && !r.preliminary()) {
            s.replyCode = code;
            s.replyFrame = r.firstFrame();
            if (code >= 400 || code < 0) analyzer.activeSetupRefused(session, s);
        }
        if (ex.tag instanceof TransferState t) t.reply(code, r.firstFrame(), r.text());
    }

    private void passiveReply(Exchange ex, FtpReply r) {
        if (!(ex.tag instanceof SetupState pending)) return;
        DataMode mode = pending.mode;
        int want = mode == DataMode.PASV ? 227 : mode == DataMode.EPSV ? 229 : 228;
        if (r.code() != want) return; // refused (e.g. 500 EPSV not understood): no setup
        Parsed<SetupAddress> p = switch (mode) {
            case PASV -> SetupParsers.passive(r.text());
            case EPSV -> SetupParsers.extendedPassive(r.text());
            default -> SetupParsers.longPassive(r.text());
        };
        if (p instanceof Parsed.Invalid<SetupAddress> bad) {
            session.addParseFinding(new Finding(FindingKind.INVALID_SETUP_REPLY, session.id, r.firstFrame(),
                    r.code() + " " + r.text() + ": " + bad.reason()));
            return;
        }
        SetupAddress a = ((Parsed.Ok<SetupAddress>) p).value();
        if (!session.budget.keepSetup(r.firstFrame())) return;
        SetupState s = new SetupState(session.setups.size(), mode, pending.commandFrame);
        s.setupFrame = r.firstFrame();
        s.advertised = new Endpoint(a.ip() == null ? session.server().ip() : a.ip(), a.port());
        s.portMath = a.portMath();
        s.text = r.text();
        s.replyCode = r.code();
        s.replyFrame = r.firstFrame();
        session.setups.add(s);
        ex.tag = s;
        analyzer.passiveSetupReplied(session, s);
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

    String user() { return user; }

    String password() { return password; }

    LoginOutcome login() { return login; }

    int tlsFrame() { return tlsFrame; }

    List<CommandRecord> commands() {
        List<CommandRecord> out = new ArrayList<>(exchanges.size());
        for (Exchange e : exchanges) {
            if (e.command == null) {
                ReplyRecord r = e.replies.get(0);
                out.add(new CommandRecord(r.frame(), r.nanos(), null, null, e.replies));
            } else {
                out.add(new CommandRecord(e.command.frame(), e.command.nanos(), e.command.sentVerb(), e.command.arg(),
                        e.replies));
            }
        }
        return out;
    }
}

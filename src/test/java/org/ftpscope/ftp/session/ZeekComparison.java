package org.ftpscope.ftp.session;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.decode.Endpoint;
import org.ftpscope.ftp.model.CommandRecord;
import org.ftpscope.ftp.model.DataSetup;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.ReplyRecord;
import org.ftpscope.ftp.model.StreamRole;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.TcpStream;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Compares Zeek's ftp.log and conn.log with ftpscope's analysis of the same capture, field by
 * field, and lists every difference. Zeek's logging rules it relies on (base/protocols/ftp/main.zeek):
 * one row per command whose verb is in {@code FTP::logged_commands}, written when the next command
 * arrives (or at the connection's end) with the last reply Zeek matched to it; {@code user} and
 * {@code password} are the session's at that time; file commands' {@code arg} is a URL built from
 * the server address and the working directory; {@code data_channel.*} is the PASV/EPSV reply's or
 * PORT/EPRT command's endpoint when it parsed; {@code file_size} comes from the 150 or 213 reply.
 */
final class ZeekComparison {
    private ZeekComparison() {}

    /**
     * One field where Zeek and ftpscope differ.
     *
     * @param row   the Zeek log row (1-based data line), 0 for an ftpscope command Zeek has no row for
     * @param frame the ftpscope command's frame, 0 when no command was matched
     */
    record Difference(String log, int row, int frame, String field, String zeek, String ftpscope) {
        @Override
        public String toString() {
            return log + " row " + row + " (frame " + frame + ") " + field + ": zeek=" + zeek + " ftpscope=" + ftpscope;
        }
    }

    record Result(int rowsCompared, int rowsAgreed, List<Difference> differences) {}

    /** Zeek's default {@code FTP::logged_commands}. */
    static final Set<String> DEFAULT_LOGGED = Set.of("APPE", "DELE", "RETR", "STOR", "STOU", "ACCT", "PORT", "PASV", "EPRT", "EPSV");

    /** main.zeek's {@code file_cmds}: their arg is logged as a URL. */
    private static final Set<String> FILE_COMMANDS = Set.of("APPE", "CWD", "DELE", "MKD", "RETR", "RMD", "RNFR", "RNTO",
            "STOR", "STOU", "REST", "SIZE", "MDTM");

    private static final String INIT = "<init>";

    /**
     * Every ftp.log row against the session with the same endpoints and its command; then every
     * ftpscope command with a verb in {@code logged} (the greeting as {@code <init>}) that no row took.
     */
    static Result ftpLog(Analysis a, ZeekLog log, Set<String> logged) {
        List<Difference> out = new ArrayList<>();
        Set<CommandRecord> taken = new HashSet<>();
        int agreed = 0;
        for (ZeekLog.Row r : log.rows()) {
            int before = out.size();
            compareRow(a, r, taken, out);
            if (out.size() == before) agreed++;
        }
        for (FtpSession s : a.sessions()) {
            for (int i = 0; i < s.commands().size(); i++) {
                CommandRecord c = s.commands().get(i);
                String verb = verb(s, i);
                if (verb != null && logged.contains(verb) && !taken.contains(c)) {
                    out.add(new Difference("ftp.log", 0, c.frame(), "row", null, verb + " -> " + c.replyCode()));
                }
            }
        }
        return new Result(log.rows().size(), agreed, out);
    }

    /** The verb Zeek would give the session's i-th record: the greeting is {@code <init>}, other replies without a command none. */
    private static String verb(FtpSession s, int i) {
        CommandRecord c = s.commands().get(i);
        if (c.command() != null) return c.command().toUpperCase(java.util.Locale.ROOT);
        return i == 0 ? INIT : null;
    }

    private static void compareRow(Analysis a, ZeekLog.Row r, Set<CommandRecord> taken, List<Difference> out) {
        String log = "ftp.log";
        FtpSession s = session(a, r);
        if (s == null) {
            out.add(new Difference(log, r.number(), 0, "session", r.get("id.orig_h") + ":" + r.get("id.orig_p") + " -> "
                    + r.get("id.resp_h") + ":" + r.get("id.resp_p"), null));
            return;
        }
        String verb = r.get("command");
        CommandRecord c = null;
        // The next command of this verb that no row took, preferring one whose argument agrees.
        List<CommandRecord> candidates = new ArrayList<>();
        for (int i = 0; i < s.commands().size(); i++) {
            CommandRecord k = s.commands().get(i);
            if (verb.equals(verb(s, i)) && !taken.contains(k)) candidates.add(k);
        }
        for (CommandRecord k : candidates) {
            if (argDifference(s, k, r) == null) { c = k; break; }
        }
        if (c == null && !candidates.isEmpty()) c = candidates.get(0);
        if (c == null) {
            out.add(new Difference(log, r.number(), 0, "command", verb, null));
            return;
        }
        taken.add(c);
        int f = c.frame();
        String argDiff = argDifference(s, c, r);
        if (argDiff != null) out.add(new Difference(log, r.number(), f, "arg", r.get("arg"), argDiff));

        check(out, log, r, f, "reply_code", r.get("reply_code"), c.replyCode() < 0 ? null : String.valueOf(c.replyCode()));
        check(out, log, r, f, "reply_msg", r.get("reply_msg"), lastLineText(c));

        String user = lastArg(s, "USER", f);
        String zUser = r.get("user");
        check(out, log, r, f, "user", "<unknown>".equals(zUser) ? null : zUser, user);
        String pass = lastArg(s, "PASS", f);
        String zPass = r.get("password");
        if ("<hidden>".equals(zPass)) {
            if (pass == null) out.add(new Difference(log, r.number(), f, "password", zPass, null));
        } else {
            check(out, log, r, f, "password", zPass, pass);
        }

        DataSetup setup = s.setups().stream().filter(d -> d.commandFrame() == f && d.advertised() != null).findFirst().orElse(null);
        if (r.get("data_channel.passive") == null) {
            if (setup != null) out.add(new Difference(log, r.number(), f, "data_channel", null, setup.mode() + " " + setup.advertised()));
        } else if (setup == null) {
            out.add(new Difference(log, r.number(), f, "data_channel", r.get("data_channel.resp_h") + ":" + r.get("data_channel.resp_p"), null));
        } else {
            boolean passive = setup.mode().passive();
            check(out, log, r, f, "data_channel.passive", r.get("data_channel.passive"), passive ? "T" : "F");
            Endpoint connector = passive ? s.client() : s.server();
            checkAddr(out, log, r, f, "data_channel.orig_h", r.get("data_channel.orig_h"), connector.ip().toString());
            checkAddr(out, log, r, f, "data_channel.resp_h", r.get("data_channel.resp_h"), setup.advertised().ip().toString());
            check(out, log, r, f, "data_channel.resp_p", r.get("data_channel.resp_p"), String.valueOf(setup.advertised().port()));
        }

        Transfer t = s.transfers().stream().filter(x -> x.commandFrame() == f).findFirst().orElse(null);
        if (t != null) {
            check(out, log, r, f, "file_size", r.get("file_size"), t.expectedBytes() < 0 ? null : String.valueOf(t.expectedBytes()));
            // Zeek names a file (fuid) when content crossed the data channel.
            check(out, log, r, f, "fuid", r.get("fuid") == null ? "none" : "a file", t.bytes() > 0 ? "a file" : "none");
        } else if (r.get("file_size") != null || r.get("fuid") != null) {
            out.add(new Difference(log, r.number(), f, "file", r.get("file_size") + " " + r.get("fuid"), null));
        }
    }

    /** Null when the row's arg agrees with the command's; else what ftpscope has. */
    private static String argDifference(FtpSession s, CommandRecord c, ZeekLog.Row r) {
        String z = r.get("arg");
        if ("<hidden>".equals(z)) return null; // a hidden password: compared in the password field
        String verb = r.get("command");
        String arg = c.arg() == null ? "" : c.arg();
        if (FILE_COMMANDS.contains(verb) && z != null) {
            // ftp://HOST/CWD/ARG, CWD "." while unknown (no PWD or absolute CWD yet)
            Transfer t = s.transfers().stream().filter(x -> x.commandFrame() == c.frame()).findFirst().orElse(null);
            String ours = t != null ? t.path() : arg;
            String host = urlHost(z);
            if (host == null || !sameAddr(host, s.server().ip().toString())) return "url host " + s.server().ip();
            String path = z.substring(z.indexOf(host) + host.length());
            if (path.startsWith("]")) path = path.substring(1);
            if (path.equals("/.")) path = "";
            else if (path.startsWith("/./")) path = path.substring(3);
            return path.equals(ours) ? null : ours;
        }
        return Objects.equals(z == null ? "" : z, arg) ? null : arg;
    }

    private static String urlHost(String url) {
        if (!url.startsWith("ftp://")) return null;
        String rest = url.substring(6);
        if (rest.startsWith("[")) {
            int end = rest.indexOf(']');
            return end < 0 ? null : rest.substring(1, end);
        }
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** The text of the final reply's last line, as Zeek keeps it (each line's message overwrites the last). */
    private static String lastLineText(CommandRecord c) {
        ReplyRecord r = c.finalReply();
        if (r == null) return null;
        if (r.lines().size() <= 1) return r.text();
        String last = r.lines().get(r.lines().size() - 1);
        if (last.length() >= 4 && last.substring(0, 3).chars().allMatch(Character::isDigit)
                && (last.charAt(3) == ' ' || last.charAt(3) == '-')) return last.substring(4);
        return last.length() == 3 ? "" : last;
    }

    /**
     * The argument of the last {@code verb} command at or before {@code frame}, else null; a command
     * line cut short names no user or password (as FtpSession.user is then unknown).
     */
    private static String lastArg(FtpSession s, String verb, int frame) {
        String v = null;
        for (CommandRecord c : s.commands()) {
            if (c.frame() > frame) break;
            if (verb.equals(c.command())) v = c.note() != null && c.note().contains("cut") ? null : c.arg();
        }
        return v;
    }

    private static FtpSession session(Analysis a, ZeekLog.Row r) {
        for (FtpSession s : a.sessions()) {
            if (same(s.client(), r.get("id.orig_h"), r.get("id.orig_p")) && same(s.server(), r.get("id.resp_h"), r.get("id.resp_p"))) {
                return s;
            }
        }
        return null;
    }

    private static boolean same(Endpoint e, String host, String port) {
        return sameAddr(host, e.ip().toString()) && String.valueOf(e.port()).equals(port);
    }

    static boolean sameAddr(String a, String b) {
        if (a == null || b == null) return a == b;
        try {
            // literal addresses only: getByName does no lookup for them
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void check(List<Difference> out, String log, ZeekLog.Row r, int frame, String field, String zeek, String ours) {
        if (!Objects.equals(zeek, ours)) out.add(new Difference(log, r.number(), frame, field, zeek, ours));
    }

    private static void checkAddr(List<Difference> out, String log, ZeekLog.Row r, int frame, String field, String zeek, String ours) {
        if (!sameAddr(zeek, ours)) out.add(new Difference(log, r.number(), frame, field, zeek, ours));
    }

    /**
     * Every conn.log row against the TCP stream with the same endpoints: payload bytes each way,
     * and Zeek's service against what the stream is to ftpscope ({@code ftp}: a session's control
     * connection; {@code ftp-data}: the data connection of the setup that announced its endpoint;
     * {@code ssl} on a control connection: the session is TLS).
     */
    static Result connLog(Analysis a, ZeekLog log) {
        List<Difference> out = new ArrayList<>();
        int agreed = 0;
        for (ZeekLog.Row r : log.rows()) {
            int before = out.size();
            compareConn(a, r, out);
            if (out.size() == before) agreed++;
        }
        return new Result(log.rows().size(), agreed, out);
    }

    private static long sent(TcpStream st, Direction d) { return st.bytes(d) + st.gapBytes(d); }

    /**
     * Zeek's conn_state for the stream's ends, for the states these traces have: SF (both sides
     * sent FIN), RSTO/RSTR (the originator/responder reset an established connection), S1
     * (established, not closed), S2/S3 (only the originator/responder closed), S0 (SYN unanswered).
     */
    private static String connState(TcpStream st) {
        boolean origFin = st.finFrame(Direction.CLIENT_TO_SERVER) > 0, respFin = st.finFrame(Direction.SERVER_TO_CLIENT) > 0;
        if (st.rstFrame(Direction.CLIENT_TO_SERVER) > 0) return "RSTO";
        if (st.rstFrame(Direction.SERVER_TO_CLIENT) > 0) return "RSTR";
        if (st.synAckFrame() == 0) return "S0";
        if (origFin && respFin) return "SF";
        if (origFin) return "S2";
        if (respFin) return "S3";
        return "S1";
    }

    private static void compareConn(Analysis a, ZeekLog.Row r, List<Difference> out) {
        String log = "conn.log";
        TcpStream st = a.streams().stream()
                .filter(x -> same(x.client(), r.get("id.orig_h"), r.get("id.orig_p")) && same(x.server(), r.get("id.resp_h"), r.get("id.resp_p")))
                .findFirst().orElse(null);
        if (st == null) {
            out.add(new Difference(log, r.number(), 0, "connection", r.get("id.orig_h") + ":" + r.get("id.orig_p"), null));
            return;
        }
        int f = st.firstFrame();
        // Zeek counts sequence space; ftpscope the payload in the capture plus what is known missing (gaps, snaplen cuts).
        check(out, log, r, f, "orig_bytes", r.get("orig_bytes"), String.valueOf(sent(st, Direction.CLIENT_TO_SERVER)));
        check(out, log, r, f, "resp_bytes", r.get("resp_bytes"), String.valueOf(sent(st, Direction.SERVER_TO_CLIENT)));
        check(out, log, r, f, "orig_pkts", r.get("orig_pkts"), String.valueOf(st.frames(Direction.CLIENT_TO_SERVER)));
        check(out, log, r, f, "resp_pkts", r.get("resp_pkts"), String.valueOf(st.frames(Direction.SERVER_TO_CLIENT)));
        check(out, log, r, f, "conn_state", r.get("conn_state"), connState(st));
        Set<String> service = r.get("service") == null ? Set.of() : Set.of(r.get("service").split(","));
        StreamRole role = a.role(st.index());
        String ours;
        if (role == null) ours = "none";
        else if (role.control()) ours = "ftp" + (a.sessions().get(role.session()).tls() ? ",ssl" : "");
        else if (role.orphan()) ours = "orphan ftp-data";
        else {
            DataSetup d = a.sessions().get(role.session()).setups().get(role.setupId());
            ours = d.advertised() != null && d.advertised().equals(st.server()) && d.data() != null && d.data().stream() == st.index()
                    ? "ftp-data" : "ftp-data of setup " + d.id() + " to " + d.advertised();
        }
        String zeek;
        if (service.contains("ftp")) zeek = "ftp" + (service.contains("ssl") ? ",ssl" : "");
        else if (service.contains("ftp-data")) zeek = "ftp-data";
        else zeek = r.get("service") == null ? "none" : r.get("service");
        check(out, log, r, f, "service", zeek, ours);
    }
}

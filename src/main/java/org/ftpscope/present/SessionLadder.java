package org.ftpscope.present;

import org.ftpscope.decode.Endpoint;
import org.ftpscope.ftp.model.CommandRecord;
import org.ftpscope.ftp.model.DataConnection;
import org.ftpscope.ftp.model.DataSetup;
import org.ftpscope.ftp.model.DataState;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.ReplyRecord;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.ftp.model.TransferDirection;
import org.ftpscope.tcp.TcpStream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's ladder diagram with one lifeline per endpoint that takes part: the client's control
 * port, its data ports, the server's control port, its data ports, and the endpoints a setup
 * named that are neither (the advertised address of a NAT'd server, a PORT bounce target), so
 * the diagram shows where each data connection went and where the setup said it should go.
 * Lifelines are ordered client data, client control, server control, server data, others.
 * The app draws it (LadderCanvas) and the HTML report draws it ({@code report.LadderSvg}), so
 * both show the same diagram.
 *
 * @param lifelines left to right
 * @param arrows    in frame order; {@link Arrow#from()} and {@link Arrow#to()} index {@code lifelines}
 */
public record SessionLadder(List<Lifeline> lifelines, List<Arrow> arrows) {
    /**
     * Lifelines drawn at most; a session with more data endpoints (hundreds of transfers) draws the
     * rest on one lifeline per side, labelled with how many endpoints it stands for.
     */
    public static final int MAX_LIFELINES = 12;

    /** What an endpoint is in the session; the order is the left-to-right order of the lifelines. */
    public enum Role {
        CLIENT_DATA("client data"), MORE_CLIENT_DATA("more client data"), CLIENT_CONTROL("client"),
        SERVER_CONTROL("server"), SERVER_DATA("server data"), MORE_SERVER_DATA("more server data"),
        ADVERTISED("advertised"), THIRD_HOST("third host"), MORE_OTHERS("more endpoints");

        private final String title;

        Role(String title) { this.title = title; }

        public String title() { return title; }
    }

    /**
     * @param endpoint null for the lifelines that stand for several endpoints
     * @param mark     a short warning shown under the endpoint ("NAT?", "bounce"), or ""
     * @param note     what the lifeline is, in a sentence (the diagram lists these under it), or ""
     */
    public record Lifeline(Role role, Endpoint endpoint, String label, String mark, String note) {}

    public enum Kind { COMMAND, REPLY, DATA_CONNECT, DATA_FLOW }

    public record Arrow(int frame, int from, int to, Kind kind, String label, boolean failed) {}

    public static SessionLadder of(FtpSession s) { return new Builder(s, List.of(), Masking.MASKED).build(); }

    /**
     * With the capture's TCP streams: connections to a setup's endpoint that the setup did not
     * claim (another host on the passive port, a second connection) are drawn too, each on the
     * lifeline of the host that made it.
     */
    public static SessionLadder of(FtpSession s, List<TcpStream> streams) { return of(s, streams, Masking.MASKED); }

    /** With passwords shown or masked (the app masks them; a report shows them when asked to). */
    public static SessionLadder of(FtpSession s, List<TcpStream> streams, Masking masking) {
        return new Builder(s, streams, masking).build();
    }

    /** The first {@code n} arrows, on the same lifelines (a report draws a bounded number). */
    public SessionLadder firstArrows(int n) { return n >= arrows.size() ? this : new SessionLadder(lifelines, arrows.subList(0, n)); }

    private static final class Builder {
        private final FtpSession s;
        private final Masking masking;
        /** Endpoints in the order they first appear, with their role, mark and note. */
        private final Map<Endpoint, Lifeline> seen = new LinkedHashMap<>();
        private final List<Pending> pending = new ArrayList<>();

        /** An arrow between two endpoints, before lifelines are numbered. */
        private record Pending(int frame, Endpoint from, Endpoint to, Kind kind, String label, boolean failed) {}

        /** The capture's streams by the endpoint that accepted them (built once per ladder). */
        private final Map<Endpoint, List<TcpStream>> byAcceptor = new java.util.HashMap<>();
        /** Streams a setup of this session claimed. */
        private final java.util.Set<Integer> claimed = new java.util.HashSet<>();

        Builder(FtpSession s, List<TcpStream> streams, Masking masking) {
            this.s = s;
            this.masking = masking;
            for (TcpStream t : streams) byAcceptor.computeIfAbsent(t.server(), e -> new ArrayList<>()).add(t);
            for (DataSetup d : s.setups()) if (d.data() != null) claimed.add(d.data().stream());
            claimed.add(s.controlStream());
        }

        SessionLadder build() {
            claim(s.client(), Role.CLIENT_CONTROL, "", "");
            claim(s.server(), Role.SERVER_CONTROL, "", "");
            for (CommandRecord c : s.commands()) {
                if (c.command() != null) {
                    String arg = masking.argument(c.command(), c.arg());
                    pending.add(new Pending(c.frame(), s.client(), s.server(), Kind.COMMAND,
                            c.command() + (arg == null || arg.isEmpty() ? "" : " " + arg), false));
                }
                for (ReplyRecord r : c.replies()) {
                    pending.add(new Pending(r.frame(), s.server(), s.client(), Kind.REPLY,
                            (r.code() < 0 ? "???" : Integer.toString(r.code())) + " " + r.text(), r.code() >= 400 || r.code() < 0));
                }
            }
            for (DataSetup d : s.setups()) setup(d);
            for (Transfer t : s.transfers()) flow(t);
            return number();
        }

        private boolean isClientHost(Endpoint e) { return e.ip().equals(s.client().ip()); }

        private boolean isServerHost(Endpoint e) { return e.ip().equals(s.server().ip()); }

        private void setup(DataSetup d) {
            DataConnection c = d.data();
            Endpoint named = d.advertised();
            String reply = d.mode().passive() ? "the " + (d.replyCode() > 0 ? d.replyCode() + " " : "") + "reply in frame " + d.setupFrame()
                    : d.mode() + " in frame " + d.setupFrame();
            if (named != null) {
                if (d.mode().passive() && !isServerHost(named)) {
                    claim(named, Role.ADVERTISED, named.ip().isPrivate() && !s.server().ip().isPrivate() ? "NAT?" : "not the server",
                            named + " was advertised by " + reply + ", but the client reached the server at " + s.server().ip()
                                    + (named.ip().isPrivate() && !s.server().ip().isPrivate()
                                    ? " (a private address: a server behind NAT advertises its own)" : ""));
                } else if (!d.mode().passive() && !isClientHost(named)) {
                    claim(named, Role.THIRD_HOST, "bounce", reply + " names " + named + ", not the client " + s.client().ip()
                            + ": the server is asked to connect to a third host (FTP bounce)"
                            + (d.replyCode() >= 400 ? "; the server refused it (" + d.replyCode() + ")" : ""));
                }
            }
            if (named != null) others(d, named, reply);
            if (c == null) return;
            Endpoint connector = c.client(), acceptor = c.server();
            if (d.mode().passive()) {
                if (isClientHost(connector)) claim(connector, Role.CLIENT_DATA, "", "");
                else claim(connector, Role.THIRD_HOST, "not the client",
                        connector + " connected to the passive port, not the client " + s.client().ip());
                if (named != null && !isServerHost(named) && !isServerHost(acceptor)) {
                    // The client went to the advertised address: the server's own address with that port is where it did not go.
                    Endpoint own = new Endpoint(s.server().ip(), named.port());
                    claim(own, Role.SERVER_DATA, "not tried", own + " (the server's address with the advertised port) was not tried;"
                            + " clients that ignore the advertised address connect there");
                }
                if (isServerHost(acceptor)) claim(acceptor, Role.SERVER_DATA, "", "");
                else if (!acceptor.equals(named)) claim(acceptor, Role.THIRD_HOST, "not the server",
                        "the client connected to " + acceptor + ": neither the server nor the address " + reply + " named");
                // else: the advertised endpoint, claimed above with its note
            } else {
                if (isServerHost(connector)) claim(connector, Role.SERVER_DATA, "", "");
                else claim(connector, Role.THIRD_HOST, "not the server",
                        connector + " made the active data connection, not the server " + s.server().ip());
                if (isClientHost(acceptor)) claim(acceptor, Role.CLIENT_DATA, "", "");
                else claim(acceptor, Role.THIRD_HOST, "bounce", acceptor + " accepted the server's data connection: not the client");
            }
            String how = d.mode() + (d.portMath() != null && d.portMath().contains("=") ? " " + d.portMath()
                    : named == null ? "" : " " + named.port());
            String state = c.state() == DataState.UNANSWERED ? " — no answer (" + c.synCount() + " SYNs)"
                    : c.state() == DataState.REFUSED ? " — refused (RST)" : "";
            String elsewhere = named != null && !named.equals(acceptor) ? " — not to " + named + " as set up" : "";
            pending.add(new Pending(c.synFrame() > 0 ? c.synFrame() : c.firstFrame(), connector, acceptor, Kind.DATA_CONNECT,
                    (c.synFrame() > 0 ? "SYN" : "connection (its SYN is not in the capture)") + " (" + how + ")" + state + elsewhere,
                    c.state() == DataState.UNANSWERED || c.state() == DataState.REFUSED));
        }

        /** Connections to the endpoint a setup named (or, passive, to the server's address with its port) that no setup claimed. */
        private void others(DataSetup d, Endpoint named, String reply) {
            List<TcpStream> to = new ArrayList<>(byAcceptor.getOrDefault(named, List.of()));
            if (d.mode().passive() && !isServerHost(named)) to.addAll(byAcceptor.getOrDefault(new Endpoint(s.server().ip(), named.port()), List.of()));
            for (TcpStream t : to) {
                if (claimed.contains(t.index()) || t.firstFrame() < d.setupFrame() || t.firstFrame() > s.lastFrame()) continue;
                claimed.add(t.index());
                Endpoint connector = t.client(), acceptor = t.server();
                boolean expected = d.mode().passive() ? isClientHost(connector) : isServerHost(connector);
                if (!expected) {
                    claim(connector, Role.THIRD_HOST, d.mode().passive() ? "not the client" : "not the server",
                            connector + " connected to " + acceptor + ", the endpoint " + reply + " set up for "
                                    + (d.mode().passive() ? "the client " + s.client().ip() : "the server " + s.server().ip())
                                    + " (tcp.stream " + t.index() + ")");
                } else {
                    claim(connector, d.mode().passive() ? Role.CLIENT_DATA : Role.SERVER_DATA, "", "");
                }
                if (isServerHost(acceptor)) claim(acceptor, Role.SERVER_DATA, "", "");
                else if (isClientHost(acceptor)) claim(acceptor, Role.CLIENT_DATA, "", "");
                String state = t.synAckFrame() > 0 ? " — accepted" : t.rstFrame(org.ftpscope.tcp.Direction.SERVER_TO_CLIENT) > 0
                        ? " — refused (RST)" : "";
                pending.add(new Pending(t.synFrame() > 0 ? t.synFrame() : t.firstFrame(), connector, acceptor, Kind.DATA_CONNECT,
                        (t.synFrame() > 0 ? "SYN" : "connection") + (expected ? " (another connection" : " (from another host")
                                + ", tcp.stream " + t.index() + ")" + state, !expected));
            }
        }

        private void flow(Transfer t) {
            DataConnection c = t.data();
            if (c == null || c.stream() < 0 || c.state() != DataState.TRANSFERRED) return;
            boolean passive = t.setup() != null ? t.setup().mode().passive() : !isServerHost(c.client());
            Endpoint serverSide = passive ? c.server() : c.client(), clientSide = passive ? c.client() : c.server();
            boolean upload = t.direction() == TransferDirection.UPLOAD;
            int frame = t.firstDataFrame() > 0 ? t.firstDataFrame() : c.firstFrame();
            pending.add(new Pending(frame, upload ? clientSide : serverSide, upload ? serverSide : clientSide, Kind.DATA_FLOW,
                    t.command() + " data: " + t.bytes() + " bytes" + (t.complete() ? "" : " (incomplete)"), !t.complete()));
        }

        private static boolean control(Lifeline l) { return l.role() == Role.CLIENT_CONTROL || l.role() == Role.SERVER_CONTROL; }

        private static boolean plain(Lifeline l) {
            return (l.role() == Role.CLIENT_DATA || l.role() == Role.SERVER_DATA) && l.mark().isEmpty();
        }

        private static Role foldInto(Lifeline l) {
            return l.role() == Role.CLIENT_DATA ? Role.MORE_CLIENT_DATA : l.role() == Role.SERVER_DATA ? Role.MORE_SERVER_DATA
                    : Role.MORE_OTHERS;
        }

        /** The first claim of an endpoint decides its role (the control endpoints come first). */
        private void claim(Endpoint e, Role role, String mark, String note) {
            Lifeline old = seen.get(e);
            if (old == null) seen.put(e, new Lifeline(role, e, e.toString(), mark, note));
            else if (old.note().isEmpty() && !note.isEmpty()) seen.put(e, new Lifeline(old.role(), e, old.label(), mark, note));
        }

        private SessionLadder number() {
            // Kept in this order while there is room: the control endpoints, the marked ones (NAT, bounce, third hosts),
            // then plain data endpoints; the rest fold into one lifeline per kind, which says how many it stands for.
            List<Lifeline> order = new ArrayList<>();
            for (Lifeline l : seen.values()) if (control(l)) order.add(l);
            for (Lifeline l : seen.values()) if (!control(l) && !plain(l)) order.add(l);
            for (Lifeline l : seen.values()) if (plain(l)) order.add(l);
            int room = order.size() <= MAX_LIFELINES ? MAX_LIFELINES : MAX_LIFELINES - 3;
            List<Lifeline> own = new ArrayList<>();
            Map<Role, List<Endpoint>> folded = new LinkedHashMap<>();
            for (Lifeline l : order) {
                if (own.size() < room) own.add(l);
                else folded.computeIfAbsent(foldInto(l), r -> new ArrayList<>()).add(l.endpoint());
            }
            folded.forEach((role, eps) -> own.add(new Lifeline(role, null, eps.size() + " " + switch (role) {
                case MORE_CLIENT_DATA -> "more client data ports";
                case MORE_SERVER_DATA -> "more server data ports";
                default -> "more endpoints";
            }, "", role == Role.MORE_OTHERS ? eps.size() + " further endpoints (advertised addresses, third hosts)"
                    + " share this lifeline" : "")));
            own.sort(Comparator.comparingInt(l -> l.role().ordinal())); // stable: first seen first within a role
            Map<Endpoint, Integer> index = new LinkedHashMap<>();
            Map<Role, Integer> foldAt = new LinkedHashMap<>();
            for (int i = 0; i < own.size(); i++) {
                Lifeline l = own.get(i);
                if (l.endpoint() != null) index.put(l.endpoint(), i);
                else foldAt.put(l.role(), i);
            }
            folded.forEach((role, eps) -> eps.forEach(e -> index.put(e, foldAt.get(role))));
            List<Arrow> arrows = new ArrayList<>(pending.size());
            for (Pending p : pending) {
                arrows.add(new Arrow(p.frame(), index.get(p.from()), index.get(p.to()), p.kind(), p.label(), p.failed()));
            }
            arrows.sort(Comparator.comparingInt(Arrow::frame));
            return new SessionLadder(List.copyOf(own), List.copyOf(arrows));
        }
    }
}

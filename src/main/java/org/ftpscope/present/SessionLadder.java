package org.ftpscope.present;

import org.ftpscope.capture.Limit;
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
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * <p>A bounded ladder ({@link #first}) is bounded by construction: a first pass takes only each
 * arrow's frame (keeping the {@code max + 1} smallest), a second builds the first {@code max}
 * arrows and claims only the lifelines they and the setups before the first arrow left out need,
 * so a session of a million commands costs what its first {@code max} arrows cost.
 *
 * @param lifelines          left to right
 * @param arrows             in frame order; {@link Arrow#from()} and {@link Arrow#to()} index {@code lifelines}
 * @param totalArrows        how many arrows the whole session has ({@code arrows} holds the first of them)
 * @param firstFrameNotDrawn the frame of the first arrow not drawn, or 0 when all are drawn
 */
public record SessionLadder(List<Lifeline> lifelines, List<Arrow> arrows, int totalArrows, int firstFrameNotDrawn) {
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

    /** Every arrow drawn. */
    public SessionLadder(List<Lifeline> lifelines, List<Arrow> arrows) { this(lifelines, arrows, arrows.size(), 0); }

    public SessionLadder {
        lifelines = List.copyOf(lifelines);
        arrows = List.copyOf(arrows);
    }

    /** The limit the app and the HTML report draw with. */
    public static final Limit LIMIT = Limit.LADDER_ARROWS;

    public static SessionLadder of(FtpSession s) { return new Builder(s, List.of(), Masking.MASKED).build(Integer.MAX_VALUE); }

    /**
     * With the capture's TCP streams: connections to a setup's endpoint that the setup did not
     * claim (another host on the passive port, a second connection) are drawn too, each on the
     * lifeline of the host that made it.
     */
    public static SessionLadder of(FtpSession s, List<TcpStream> streams) { return of(s, streams, Masking.MASKED); }

    /** With passwords shown or masked (the app masks them; a report shows them when asked to). */
    public static SessionLadder of(FtpSession s, List<TcpStream> streams, Masking masking) {
        return new Builder(s, streams, masking).build(Integer.MAX_VALUE);
    }

    /**
     * The first {@code max} arrows in frame order (ties in the order {@link #of} gives them), on the
     * lifelines those arrows and the setups before the first arrow left out claim; only they are built.
     */
    public static SessionLadder first(FtpSession s, List<TcpStream> streams, Masking masking, int max) {
        return new Builder(s, streams, masking).build(max);
    }

    /** At most {@link #LIMIT} arrows: what the HTML report and the app's Sessions view draw. */
    public static SessionLadder bounded(FtpSession s, List<TcpStream> streams, Masking masking) {
        return first(s, streams, masking, LIMIT.intValue());
    }

    /** How many arrows the ladder has and where its first {@code max} end, building none of them. */
    public static FirstByFrame.Extent extent(FtpSession s, List<TcpStream> streams, int max) {
        Builder b = new Builder(s, streams, Masking.MASKED);
        if (max == Integer.MAX_VALUE) {
            int n = b.build(max).arrows().size();
            return new FirstByFrame.Extent(n, n, 0);
        }
        SmallestKeys k = b.select(max);
        return k.cut() ? new FirstByFrame.Extent(k.total(), max, FirstByFrame.frame(k.firstLeftOut()))
                : new FirstByFrame.Extent(k.total(), k.total(), 0);
    }

    /** Arrows of the session not drawn. */
    public int notDrawn() { return totalArrows - arrows.size(); }

    /**
     * What was not drawn, naming the limit ("limit LADDER_ARROWS (…) reached at frame 51: the first
     * 2,000 of 66,689 arrows are drawn"), or "" when every arrow is.
     */
    public String limitNote() {
        if (notDrawn() == 0) return "";
        return LIMIT.label() + " reached at frame " + firstFrameNotDrawn + ": the first " + n(arrows.size()) + " of "
                + n(totalArrows) + " arrows are drawn";
    }

    private static String n(long v) { return String.format(Locale.ROOT, "%,d", v); }

    private static final class Builder {
        private final FtpSession s;
        private final Masking masking;
        /** Endpoints in the order they first appear, with their role, mark and note. */
        private final Map<Endpoint, Lifeline> seen = new LinkedHashMap<>();
        private final List<Pending> pending = new ArrayList<>();

        /** An arrow between two endpoints, before lifelines are numbered. */
        private record Pending(int frame, Endpoint from, Endpoint to, Kind kind, String label, boolean failed) {}

        private final List<TcpStream> streams;
        /** The capture's streams by the endpoint that accepted them (built once per ladder, when a setup names an endpoint). */
        private Map<Endpoint, List<TcpStream>> byAcceptor;
        /** Streams a setup of this session claimed (a bit per stream index). */
        private final BitSet claimedBySetups = new BitSet();
        /** Streams drawn or claimed so far in this pass. */
        private BitSet claimed;

        /** Pass 1 (selecting): only arrows' keys, nothing built. */
        private SmallestKeys selecting;
        /** Pass 2 (building): arrows whose key is at most this are built; claims of no arrow before {@link #cutFrame}. */
        private long lastKept = Long.MAX_VALUE;
        private int cutFrame = Integer.MAX_VALUE;
        /** Arrows enumerated so far in this pass: the low half of an arrow's key. */
        private int position;

        Builder(FtpSession s, List<TcpStream> streams, Masking masking) {
            this.s = s;
            this.masking = masking;
            this.streams = streams;
            for (DataSetup d : s.setups()) if (d.data() != null && d.data().stream() >= 0) claimedBySetups.set(d.data().stream());
            if (s.controlStream() >= 0) claimedBySetups.set(s.controlStream());
        }

        /** Pass 1: the {@code max + 1} smallest arrow keys, and how many arrows there are. */
        SmallestKeys select(int max) {
            selecting = new SmallestKeys(max);
            each();
            SmallestKeys k = selecting;
            selecting = null;
            return k;
        }

        SessionLadder build(int max) {
            int total = -1, firstNotDrawn = 0;
            if (max != Integer.MAX_VALUE) {
                SmallestKeys k = select(max);
                if (k.cut()) {
                    total = k.total();
                    lastKept = k.lastKept();
                    firstNotDrawn = cutFrame = FirstByFrame.frame(k.firstLeftOut());
                }
            }
            claim(s.client(), Role.CLIENT_CONTROL, "", "");
            claim(s.server(), Role.SERVER_CONTROL, "", "");
            each();
            return number(total < 0 ? pending.size() : total, firstNotDrawn);
        }

        /** Every arrow of the session, in the order that breaks ties in frame. */
        private void each() {
            position = 0;
            claimed = (BitSet) claimedBySetups.clone();
            for (CommandRecord c : s.commands()) {
                if (c.command() != null && arrow(c.frame())) {
                    String arg = masking.argument(c.command(), c.arg());
                    pending.add(new Pending(c.frame(), s.client(), s.server(), Kind.COMMAND,
                            c.command() + (arg == null || arg.isEmpty() ? "" : " " + arg), false));
                }
                for (ReplyRecord r : c.replies()) {
                    if (!arrow(r.frame())) continue;
                    pending.add(new Pending(r.frame(), s.server(), s.client(), Kind.REPLY,
                            (r.code() < 0 ? "???" : Integer.toString(r.code())) + " " + r.text(), r.code() >= 400 || r.code() < 0));
                }
            }
            for (DataSetup d : s.setups()) setup(d);
            for (Transfer t : s.transfers()) flow(t);
        }

        /**
         * An arrow at {@code frame}: selecting, its key is offered and nothing is built (false);
         * building, whether it is one of those kept (its claims and label are made only then).
         */
        private boolean arrow(int frame) {
            long key = FirstByFrame.key(frame, position++);
            if (selecting != null) {
                selecting.offer(key);
                return false;
            }
            return key <= lastKept;
        }

        /** A lifeline claimed by no arrow (the endpoint a setup named): drawn if the setup is before the first arrow left out. */
        private boolean before(int frame) { return selecting == null && frame < cutFrame; }

        private List<TcpStream> acceptedBy(Endpoint e) {
            if (byAcceptor == null) {
                byAcceptor = new java.util.HashMap<>();
                for (TcpStream t : streams) byAcceptor.computeIfAbsent(t.server(), x -> new ArrayList<>()).add(t);
            }
            return byAcceptor.getOrDefault(e, List.of());
        }

        private boolean isClientHost(Endpoint e) { return e.ip().equals(s.client().ip()); }

        private boolean isServerHost(Endpoint e) { return e.ip().equals(s.server().ip()); }

        private void setup(DataSetup d) {
            DataConnection c = d.data();
            Endpoint named = d.advertised();
            List<TcpStream> others = named == null ? List.of() : others(d, named);
            // This setup's arrows come next: the other connections, then its own. The endpoint it named is claimed
            // if one of them is drawn (they may be drawn on it), or if the setup is before the first arrow left out.
            boolean drawn = false;
            if (selecting == null) {
                int at = position;
                for (TcpStream t : others) drawn |= FirstByFrame.key(frame(t), at++) <= lastKept;
                if (c != null) drawn |= FirstByFrame.key(frame(c), at) <= lastKept;
            }
            boolean shown = drawn || before(d.setupFrame());
            if (!shown) {
                for (TcpStream t : others) arrow(frame(t));
                if (c != null) arrow(frame(c));
                return;
            }
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
            for (TcpStream t : others) if (arrow(frame(t))) other(d, reply, t);
            if (c == null || !arrow(frame(c))) return;
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
            pending.add(new Pending(frame(c), connector, acceptor, Kind.DATA_CONNECT,
                    (c.synFrame() > 0 ? "SYN" : "connection (its SYN is not in the capture)") + " (" + how + ")" + state + elsewhere,
                    c.state() == DataState.UNANSWERED || c.state() == DataState.REFUSED));
        }

        private static int frame(DataConnection c) { return c.synFrame() > 0 ? c.synFrame() : c.firstFrame(); }

        private static int frame(TcpStream t) { return t.synFrame() > 0 ? t.synFrame() : t.firstFrame(); }

        /**
         * Connections to the endpoint a setup named (or, passive, to the server's address with its port) that no setup
         * claimed, in the order they are drawn; each is claimed for this setup.
         */
        private List<TcpStream> others(DataSetup d, Endpoint named) {
            List<TcpStream> out = unclaimed(d, acceptedBy(named), List.of());
            return d.mode().passive() && !isServerHost(named) ? unclaimed(d, acceptedBy(new Endpoint(s.server().ip(), named.port())), out) : out;
        }

        /** {@code out} and the streams of {@code to} no setup claimed that are within the session after {@code d}, now claimed. */
        private List<TcpStream> unclaimed(DataSetup d, List<TcpStream> to, List<TcpStream> out) {
            for (TcpStream t : to) {
                if (claimed.get(t.index()) || t.firstFrame() < d.setupFrame() || t.firstFrame() > s.lastFrame()) continue;
                claimed.set(t.index());
                if (out.isEmpty()) out = new ArrayList<>();
                out.add(t);
            }
            return out;
        }

        private void other(DataSetup d, String reply, TcpStream t) {
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
            pending.add(new Pending(frame(t), connector, acceptor, Kind.DATA_CONNECT,
                    (t.synFrame() > 0 ? "SYN" : "connection") + (expected ? " (another connection" : " (from another host")
                            + ", tcp.stream " + t.index() + ")" + state, !expected));
        }

        private void flow(Transfer t) {
            DataConnection c = t.data();
            if (c == null || c.stream() < 0 || c.state() != DataState.TRANSFERRED) return;
            boolean passive = t.setup() != null ? t.setup().mode().passive() : !isServerHost(c.client());
            Endpoint serverSide = passive ? c.server() : c.client(), clientSide = passive ? c.client() : c.server();
            boolean upload = t.direction() == TransferDirection.UPLOAD;
            int frame = t.firstDataFrame() > 0 ? t.firstDataFrame() : c.firstFrame();
            if (!arrow(frame)) return;
            // Claimed by the setup whose connection this is, drawn before it; claimed here only if that was not drawn.
            claimData(serverSide);
            claimData(clientSide);
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

        private void claimData(Endpoint e) {
            if (!seen.containsKey(e)) claim(e, isServerHost(e) ? Role.SERVER_DATA : isClientHost(e) ? Role.CLIENT_DATA : Role.THIRD_HOST, "", "");
        }

        /** The first claim of an endpoint decides its role (the control endpoints come first). */
        private void claim(Endpoint e, Role role, String mark, String note) {
            Lifeline old = seen.get(e);
            if (old == null) seen.put(e, new Lifeline(role, e, e.toString(), mark, note));
            else if (old.note().isEmpty() && !note.isEmpty()) seen.put(e, new Lifeline(old.role(), e, old.label(), mark, note));
        }

        private SessionLadder number(int total, int firstNotDrawn) {
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
            return new SessionLadder(own, arrows, total, firstNotDrawn);
        }
    }
}

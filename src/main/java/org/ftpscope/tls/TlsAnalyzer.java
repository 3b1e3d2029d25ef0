package org.ftpscope.tls;

import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.StreamListener;
import org.ftpscope.tcp.TcpStream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds and follows TLS in every TCP stream: implicit (TLS from the first byte, port 990/989 or
 * a {@code PROT P} data connection) and explicit ({@code AUTH TLS}: TLS after the cleartext FTP
 * lines). Feed it as the {@link StreamListener} of a TCP pass; afterwards {@link #connections()}
 * lists one summary per TLS connection. With a key log it decrypts, handing application data to
 * the {@link PlaintextListener}.
 */
public final class TlsAnalyzer implements StreamListener {
    private final KeyLog keyLog;
    private final PlaintextListener listener;
    private final SessionCache cache;
    private final TlsBudget budget = new TlsBudget();
    private final Map<Integer, TlsConnection> byStream = new LinkedHashMap<>();
    private final Map<Integer, TcpStream> streams = new HashMap<>();

    public TlsAnalyzer(KeyLog keyLog, PlaintextListener listener) { this(keyLog, new SessionCache(), listener); }

    /** With the keys of an earlier pass over the same capture (its session cache included). */
    TlsAnalyzer(TlsKeys keys, PlaintextListener listener) { this(keys.keyLog(), keys.cache, listener); }

    private TlsAnalyzer(KeyLog keyLog, SessionCache cache, PlaintextListener listener) {
        this.keyLog = keyLog == null ? KeyLog.none() : keyLog;
        this.cache = cache;
        this.listener = listener;
    }

    /** The key log and the master secrets learnt so far, for reading streams again later. */
    public TlsKeys keys() { return new TlsKeys(keyLog, cache); }

    @Override
    public void data(TcpStream s, Direction d, int frame, byte[] buf, int off, int len) {
        TlsConnection c = byStream.get(s.index());
        if (c == null) {
            if (streams.containsKey(s.index())) return; // decided: not TLS
            c = new TlsConnection(s, keyLog, cache, listener, budget);
            byStream.put(s.index(), c);
            streams.put(s.index(), s);
        }
        c.data(d, frame, buf, off, len);
        if (c.hopeless()) byStream.remove(s.index()); // keeps memory to the TLS streams
    }

    @Override
    public void gap(TcpStream s, Direction d, long length, int frame) {
        TlsConnection c = byStream.get(s.index());
        if (c != null) c.gap(d, length, frame);
    }

    /** One summary per stream that carried a TLS handshake, in stream order. */
    public List<TlsConnectionSummary> connections() {
        List<TlsConnectionSummary> out = new ArrayList<>();
        for (TlsConnection c : byStream.values()) if (c.isTls()) out.add(c.summary());
        out.sort((a, b) -> Integer.compare(a.stream(), b.stream()));
        return out;
    }

    public KeyLog keyLog() { return keyLog; }

    /** The limits this pass reached (handshake messages, certificates, alerts, the session cache), as warnings; after the pass. */
    public List<org.ftpscope.capture.CaptureWarning> limitWarnings() { return budget.warnings(); }

    /**
     * True when a direction of the stream carried more cleartext than {@link org.ftpscope.capture.Limit#TLS_CLEARTEXT_PREFIX}
     * without a TLS record: TLS starting after it (AUTH TLS after a long cleartext session) was not read.
     */
    boolean cleartextPrefixReached(int stream) { return budget.prefixReachedIn(stream); }

    /** Whether the stream was found to be TLS (a hello or a handshake record seen). */
    boolean isTls(int stream) {
        TlsConnection c = byStream.get(stream);
        return c != null && c.isTls();
    }

    /** True while the direction's record boundaries are followed (not before TLS, after CCC or after a gap). */
    boolean followingRecords(int stream, Direction d) {
        TlsConnection c = byStream.get(stream);
        return c != null && c.followingRecords(d);
    }

    /** Stream offset where the direction's TLS records begin, -1 while none has begun. */
    long tlsStart(int stream, Direction d) {
        TlsConnection c = byStream.get(stream);
        return c == null ? -1 : c.tlsStart(d);
    }

    /** True when the direction's bytes are (now) TLS records: the record layer took them. */
    boolean inRecords(int stream, Direction d) {
        TlsConnection c = byStream.get(stream);
        return c != null && c.inRecords(d);
    }

    boolean undecryptable(int stream, Direction d) {
        TlsConnection c = byStream.get(stream);
        return c != null && c.undecryptable(d);
    }

    /** Why the direction's protected records have no plaintext, null while nothing stops them (or not TLS). */
    NoPlaintext noPlaintext(int stream, Direction d) {
        TlsConnection c = byStream.get(stream);
        return c == null ? null : c.noPlaintext(d);
    }

    /** The summary of one stream's TLS connection, null when the stream is not TLS. */
    TlsConnectionSummary connection(int stream) {
        TlsConnection c = byStream.get(stream);
        return c != null && c.isTls() ? c.summary() : null;
    }

    /**
     * TLS 1.2 master secrets seen earlier in the capture, by session id and by session ticket:
     * a resumed connection whose own client random is not in the key log can still be opened
     * (Wireshark does the same). Bounded by {@link org.ftpscope.capture.Limit#TLS_SESSION_CACHE}.
     */
    static final class SessionCache {
        record Entry(byte[] master, int stream) {}

        private final Map<String, Entry> bySession = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<String, Entry> byTicket = new java.util.concurrent.ConcurrentHashMap<>();

        static final int MAX_ENTRIES = org.ftpscope.capture.Limit.TLS_SESSION_CACHE.intValue();

        /** False when the id is not remembered because the cache is full. */
        boolean putSessionId(byte[] id, byte[] master, int stream) { return put(bySession, Hex.of(id), new Entry(master, stream)); }

        /** False when the ticket is not remembered because the cache is full. */
        boolean putTicket(byte[] ticket, byte[] master, int stream) { return put(byTicket, Hex.of(ticket), new Entry(master, stream)); }

        private static boolean put(Map<String, Entry> m, String key, Entry e) {
            if (m.size() < MAX_ENTRIES) {
                m.putIfAbsent(key, e);
                return true;
            }
            return m.containsKey(key);
        }

        Entry bySessionId(byte[] id) { return bySession.get(Hex.of(id)); }

        Entry byTicket(byte[] ticket) { return byTicket.get(Hex.of(ticket)); }
    }
}

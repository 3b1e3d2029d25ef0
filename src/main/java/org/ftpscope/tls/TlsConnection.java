package org.ftpscope.tls;

import org.ftpscope.capture.Limit;
import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.TcpStream;
import org.ftpscope.tls.TlsConnectionSummary.CertificateVisibility;
import org.ftpscope.tls.TlsConnectionSummary.Closure;
import org.ftpscope.tls.TlsConnectionSummary.Resumption;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The TLS state of one TCP stream: both directions' record layers, the handshake as far as it is
 * visible, and the keys once the key log supplies them. Fed in capture order by {@link TlsAnalyzer}.
 */
final class TlsConnection {
    private static final int C = 0, S = 1;
    static final int MAX_ALERTS = Limit.TLS_ALERTS.intValue();

    /** Per-direction state. */
    private final class Side {
        final Direction dir;
        final RecordReader reader;
        final HandshakeReader hs;
        /** Records after this point are protected (TLS 1.2 ChangeCipherSpec, TLS 1.3 ServerHello). */
        boolean encrypted;
        RecordProtection prot;
        /** TLS 1.3 application traffic secret, for KeyUpdate. */
        byte[] appSecret;
        boolean switchToApp;
        boolean keyUpdate;
        long records, protectedRecords, decryptedRecords, appBytes, appRecords, earlyRecords;
        Decryption problem;
        String problemDetail;
        /** First frame of cleartext after TLS (CCC), 0 when none. */
        int clearFrame;
        int problemFrame;
        /** The first hole in the records (bytes, the frame it was noticed at); 0 when none. */
        long holeBytes;
        int holeFrame;
        /** The record the hole fell in: its bytes in the capture before the hole, and its first frame. */
        long holeRecordBytes;
        int holeRecordFrame;
        /** Why the keys could not open this direction already when the hole came; null when they could. */
        String keyFaultAtHole;
        long openedBeforeHole;

        Side(Direction dir) {
            this.dir = dir;
            this.reader = new RecordReader(r -> record(this, r), (frame, offset, b, off, len) -> cleartext(this, frame, offset, b, off, len));
            this.hs = new HandshakeReader(m -> handshake(this, m), frame -> limit(Limit.TLS_HANDSHAKE_MESSAGE, frame, 1));
        }

        void problem(Decryption d, String detail, int frame) {
            if (problem != null) return;
            problem = d;
            problemDetail = detail;
            problemFrame = frame;
        }
    }

    private final TcpStream tcp;
    private final KeyLog keyLog;
    private final TlsAnalyzer.SessionCache cache;
    private final PlaintextListener listener;
    private final TlsBudget budget;
    /** The limits this connection reached, so the budget counts connections too. */
    private final java.util.EnumSet<Limit> limitsHit = java.util.EnumSet.noneOf(Limit.class);
    private final Side[] side;
    private Hellos.ClientHello clientHello;
    private int clientHelloFrame;
    private Hellos.ServerHello serverHello;
    private boolean helloRetry;
    /** True when the TCP server sent the ClientHello (see {@link #tc()}). */
    private boolean swapped;
    private int version;
    private int suiteCode = -1;
    private CipherSuite suite;
    private Resumption resumption = Resumption.UNKNOWN;
    private String alpn;
    private List<CertificateInfo> certificates = List.of();
    private int certificatesSent = -1;
    private boolean certificateDecrypted;
    private final List<TlsAlert> alerts = new ArrayList<>();
    private int alertsNotKept;
    private RecordProtection[] pending12;
    private byte[] master;
    private final List<String> notes = new ArrayList<>();
    /** Why no keys: set once at ServerHello when a key is missing for both directions. */
    private Decryption keyProblem;
    private String keyProblemDetail;

    TlsConnection(TcpStream tcp, KeyLog keyLog, TlsAnalyzer.SessionCache cache, PlaintextListener listener, TlsBudget budget) {
        this.tcp = tcp;
        this.budget = budget;
        this.keyLog = keyLog;
        this.cache = cache;
        this.listener = listener;
        this.side = new Side[] {new Side(Direction.CLIENT_TO_SERVER), new Side(Direction.SERVER_TO_CLIENT)};
    }

    void data(Direction d, int frame, byte[] buf, int off, int len) {
        RecordReader r = side[d.ordinal()].reader;
        r.feed(frame, buf, off, len);
        if (r.prefixReached()) budget.prefixReached(tcp.index());
    }

    /** {@code n} items dropped past {@code limit} at {@code frame}, for the capture's warning. */
    private void limit(Limit limit, int frame, long n) {
        budget.hit(limit, frame, n, limitsHit.add(limit));
    }

    void gap(Direction d, long length, int frame) {
        Side s = side[d.ordinal()];
        boolean wasRecords = s.reader.mode() == RecordReader.Mode.RECORDS;
        if (wasRecords && s.holeFrame == 0) {
            s.holeBytes = length;
            s.holeFrame = frame;
            s.holeRecordBytes = s.reader.pendingBytes();
            s.holeRecordFrame = s.reader.pendingFrame();
            s.keyFaultAtHole = keyFault(s);
            s.openedBeforeHole = s.decryptedRecords;
        }
        s.reader.gap(length, frame);
        if (wasRecords) lose(s, Decryption.LOST, s.reader.stopReason(), frame);
    }

    /**
     * True once the client direction started TLS: a hello was parsed, or a handshake record header
     * was read whose record the capture then cut (snap length, loss).
     */
    boolean isTls() {
        return clientHello != null || serverHello != null
                || (side[C].reader.headerSeen() && side[C].reader.records() == 0 && side[C].reader.mode() == RecordReader.Mode.STOPPED);
    }

    /** The direction is inside TLS: its record layer reads the bytes (or lost them after a gap), not cleartext. */
    boolean inRecords(Direction d) {
        RecordReader.Mode m = side[d.ordinal()].reader.mode();
        return m == RecordReader.Mode.RECORDS || m == RecordReader.Mode.STOPPED;
    }

    boolean followingRecords(Direction d) { return side[d.ordinal()].reader.mode() == RecordReader.Mode.RECORDS; }

    /** Stream offset of the direction's first record header, -1 while TLS has not begun in it. */
    long tlsStart(Direction d) { return side[d.ordinal()].reader.tlsStart(); }

    /** The direction's protected records cannot be opened (no key, a key that does not fit, or lost). */
    boolean undecryptable(Direction d) {
        Side s = side[d.ordinal()];
        return s.problem != null || (s.encrypted && s.prot == null) || s.reader.mode() == RecordReader.Mode.STOPPED;
    }

    /** Why the keys cannot open this direction's protected records, null when nothing says so (yet). */
    private String keyFault(Side s) {
        if (s.problem != null) return s.problemDetail;
        if (keyProblem != null) return keyProblemDetail;
        if (s.encrypted && s.prot == null) return "no keys for this direction";
        return null;
    }

    /**
     * Why the direction's protected records have no plaintext, or null while nothing stops them.
     * A hole is the cause only when the keys had no fault before it: then the key log is not to blame.
     */
    NoPlaintext noPlaintext(Direction d) {
        Side s = side[d.ordinal()];
        if (s.holeFrame > 0) {
            String hole = s.holeBytes + " bytes missing from the capture (the hole noticed at frame " + s.holeFrame + ")";
            if (s.keyFaultAtHole != null) {
                return new NoPlaintext(NoPlaintext.Cause.KEY, s.keyFaultAtHole + "; besides, " + hole);
            }
            String record = s.holeRecordBytes > 0
                    ? "the record it fell in (from frame " + s.holeRecordFrame + ", " + s.holeRecordBytes + " bytes of it before the hole)"
                      + " and every later one cannot be opened"
                    : "no later record can be opened";
            String key = s.openedBeforeHole > 0
                    ? "the key log is not the cause: its key opened " + s.openedBeforeHole + " protected record"
                      + (s.openedBeforeHole == 1 ? "" : "s") + " of this direction before the hole"
                    : "the key log is not the cause (whether its key fits is not known: no protected record of this"
                      + " direction came before the hole)";
            return new NoPlaintext(NoPlaintext.Cause.BYTES_MISSING, "decryption stopped at the " + hole
                    + ": TLS record boundaries after a hole are unknown, so " + record + "; " + key);
        }
        String fault = keyFault(s);
        if (fault != null) return new NoPlaintext(NoPlaintext.Cause.KEY, fault);
        if (s.reader.mode() == RecordReader.Mode.STOPPED) return new NoPlaintext(NoPlaintext.Cause.RECORD_LAYER, s.reader.stopReason());
        return null;
    }

    /** True when neither direction can still turn out to be TLS. */
    boolean hopeless() {
        return !isTls() && side[C].reader.mode() == RecordReader.Mode.NOT_TLS;
    }

    // ---- records ---------------------------------------------------------------------------

    /** Names of the handshake messages and alerts the record being read completed (Wireshark's Info words). */
    private final List<String> recordNames = new ArrayList<>();
    /** The decrypted application data of the record being read, or null. */
    private byte[] recordApp;
    private int recordInner;
    private boolean recordDecrypted;

    private void record(Side s, TlsRecord r) {
        recordNames.clear();
        recordApp = null;
        recordInner = r.type();
        recordDecrypted = false;
        String fixed = readRecord(s, r);
        if (listener == null) return;
        String names = fixed != null ? fixed : String.join(", ", recordNames);
        if (names.isEmpty()) names = r.type() == TlsRecord.HANDSHAKE ? "Handshake Message (continued)" : TlsRecordView.contentTypeName(r.type());
        listener.record(tcp, new TlsRecordView(s.dir, r.firstFrame(), r.lastFrame(), r.streamOffset(), r.fragment().length,
                r.type(), r.version(), version != 0 ? version : r.version(), names, recordDecrypted, recordInner,
                recordApp, recordApp == null ? 0 : recordApp.length));
    }

    /** Reads one record; returns its Info name when fixed by its kind, null when its content named it. */
    private String readRecord(Side s, TlsRecord r) {
        s.records++;
        if (r.type() == TlsRecord.CHANGE_CIPHER_SPEC && version == TlsVersion.TLS13) {
            // RFC 8446 5: an unprotected dummy ChangeCipherSpec may come at any point of the
            // handshake, also after the ServerHello (GnuTLS clients, OpenSSL servers without HRR).
            return "Change Cipher Spec";
        }
        if (r.type() == TlsRecord.CHANGE_CIPHER_SPEC && !s.encrypted) {
            // TLS 1.3 sends a dummy ChangeCipherSpec for middleboxes (RFC 8446 D.4); it changes nothing.
            if (version == TlsVersion.TLS13 || serverHello == null) return "Change Cipher Spec";
            s.encrypted = true;
            if (pending12 != null) s.prot = pending12[s.dir.ordinal()];
            return "Change Cipher Spec";
        }
        if (r.type() == TlsRecord.HEARTBEAT) {
            note("heartbeat record (frame " + r.lastFrame() + ") ignored");
            return "Heartbeat";
        }
        if (!s.encrypted) {
            if (r.type() == TlsRecord.APPLICATION_DATA) {
                // Before the keys change: TLS 1.3 0-RTT early data, which ftpscope does not decrypt.
                if (s.earlyRecords++ == 0) note(side(s) + " sent application data before the handshake (frame "
                        + r.lastFrame() + "): 0-RTT early data is not decrypted");
                return "Application Data";
            }
            content(s, r.type(), r.fragment(), r, false);
            return null;
        }
        s.protectedRecords++;
        if (s.prot == null) {
            if (r.type() == TlsRecord.ALERT && version != TlsVersion.TLS13) addAlert(new TlsAlert(s.dir, -1, -1, r.lastFrame(), false));
            return encryptedName(r.type());
        }
        RecordProtection.Plain p;
        try {
            p = s.prot.open(r);
        } catch (RecordProtection.BadRecord e) {
            lose(s, Decryption.FAILED, "frame " + r.lastFrame() + ": " + e.getMessage()
                    + "; the key log's secret does not fit this connection (or the record is damaged)", r.lastFrame());
            return encryptedName(r.type());
        }
        s.decryptedRecords++;
        recordDecrypted = true;
        recordInner = p.type();
        content(s, p.type(), p.data(), r, true);
        if (s.switchToApp) {
            s.switchToApp = false;
            applicationKeys(s, r.lastFrame());
        } else if (s.keyUpdate) {
            s.keyUpdate = false;
            if (s.appSecret != null) {
                s.appSecret = RecordProtection.nextTrafficSecret(suite, s.appSecret);
                s.prot = RecordProtection.tls13(suite, s.appSecret);
            }
        }
        return p.type() == TlsRecord.APPLICATION_DATA ? "Application Data" : null;
    }

    /** A protected record no key opened, named as Wireshark names it without keys. */
    private static String encryptedName(int type) {
        return switch (type) {
            case TlsRecord.ALERT -> "Encrypted Alert";
            case TlsRecord.HANDSHAKE -> "Encrypted Handshake Message";
            default -> TlsRecordView.contentTypeName(type);
        };
    }

    /** The direction left TLS after an alert (CCC): pass the cleartext on, as the bytes before TLS are. */
    private void cleartext(Side s, int frame, long offset, byte[] b, int off, int len) {
        if (s.clearFrame == 0) {
            s.clearFrame = frame;
            note(side(s) + " continues in clear after the TLS alert, from stream offset " + offset + " (frame " + frame
                    + "): the control channel was cleared (CCC)");
        }
        if (listener != null && len > 0) listener.cleartext(tcp, s.dir, frame, java.util.Arrays.copyOfRange(b, off, off + len));
    }

    private void lose(Side s, Decryption why, String detail, int frame) {
        s.problem(why, detail, frame);
        boolean had = s.prot != null;
        s.prot = null;
        s.appSecret = null;
        if (had && listener != null) listener.lost(tcp, s.dir, frame, detail);
    }

    private void content(Side s, int type, byte[] data, TlsRecord r, boolean decrypted) {
        switch (type) {
            case TlsRecord.HANDSHAKE -> s.hs.feed(data, 0, data.length, r.lastFrame(), decrypted);
            case TlsRecord.ALERT -> {
                for (int i = 0; i + 1 < data.length; i += 2) {
                    addAlert(new TlsAlert(s.dir, data[i] & 0xff, data[i + 1] & 0xff, r.lastFrame(), decrypted));
                    recordNames.add(TlsRecordView.alertName(data[i] & 0xff, data[i + 1] & 0xff));
                }
            }
            case TlsRecord.APPLICATION_DATA -> {
                s.appBytes += data.length;
                s.appRecords++;
                recordApp = data;
                if (listener != null && data.length > 0) listener.plaintext(tcp, s.dir, r.firstFrame(), r.lastFrame(), data);
            }
            default -> note(side(s) + " record of content type " + type + " in frame " + r.lastFrame() + " ignored");
        }
    }

    private void addAlert(TlsAlert a) {
        if (alerts.size() < MAX_ALERTS) alerts.add(a);
        else {
            alertsNotKept++;
            limit(Limit.TLS_ALERTS, a.frame(), 1);
        }
    }

    // ---- handshake -------------------------------------------------------------------------

    private void handshake(Side s, HandshakeReader.Message m) {
        recordNames.add(m.type() == 2 && Hellos.isHelloRetryRequest(m.body()) ? "Hello Retry Request"
                : TlsRecordView.handshakeName(m.type()));
        try {
            switch (m.type()) {
                case 1 -> {
                    if (clientHello == null && s.dir == Direction.SERVER_TO_CLIENT && !m.decrypted()) {
                        // An active-mode FTPS data connection: the FTP server connects, but the FTP
                        // client is the TLS client (RFC 4217 7), so the TCP server sends the ClientHello.
                        swapped = true;
                        note("TLS roles reversed: the TCP client " + tcp.client() + " is the TLS server (active-mode data connection)");
                    }
                    if (s == tc()) onClientHello(Hellos.clientHello(m.body(), m.frame()), m);
                }
                case 2 -> { if (s == ts()) onServerHello(Hellos.serverHello(m.body(), m.frame())); }
                case 4 -> {
                    if (s == ts() && version != TlsVersion.TLS13 && master != null) {
                        if (!cache.putTicket(Hellos.newSessionTicket12(m.body()), master, tcp.index())) {
                            limit(Limit.TLS_SESSION_CACHE, m.frame(), 1);
                        }
                    }
                }
                case 8 -> { if (s == ts()) alpn = Hellos.encryptedExtensionsAlpn(m.body()); }
                case 11 -> onCertificate(s, m);
                case 20 -> { if (version == TlsVersion.TLS13) s.switchToApp = true; }
                case 24 -> { if (version == TlsVersion.TLS13) s.keyUpdate = true; }
                default -> { }
            }
        } catch (Cursor.Malformed e) {
            note(side(s) + " handshake message type " + m.type() + " in frame " + m.frame() + " is malformed: " + e.getMessage());
        }
    }

    private void onClientHello(Hellos.ClientHello ch, HandshakeReader.Message m) {
        if (m.decrypted()) {
            note("client sent a ClientHello under encryption in frame " + m.frame() + " (renegotiation): not followed");
            return;
        }
        if (clientHello != null && !helloRetry) {
            note("second ClientHello in frame " + m.frame() + " without HelloRetryRequest: the first one is reported");
            return;
        }
        if (clientHello == null) clientHelloFrame = m.frame();
        clientHello = ch;
    }

    private void onServerHello(Hellos.ServerHello sh) {
        if (sh.helloRetryRequest()) {
            helloRetry = true;
            // A HelloRetryRequest already fixes the version and the cipher suite (RFC 8446 4.1.4).
            version = sh.version();
            suiteCode = sh.cipherSuite();
            suite = CipherSuite.byCode(suiteCode);
            return;
        }
        if (serverHello != null) {
            note("second ServerHello in frame " + sh.frame() + " ignored");
            return;
        }
        serverHello = sh;
        version = sh.version();
        suiteCode = sh.cipherSuite();
        suite = CipherSuite.byCode(suiteCode);
        if (sh.alpn() != null) alpn = sh.alpn();
        if (clientHello == null) {
            note("no ClientHello before the ServerHello (frame " + sh.frame() + "): the client random is unknown, no keys can be found");
            resumption = Resumption.UNKNOWN;
            keys(Decryption.KEY_MISSING, "the ClientHello is not in the capture");
            if (version == TlsVersion.TLS13) { side[C].encrypted = true; side[S].encrypted = true; }
            return;
        }
        if (version == TlsVersion.TLS13) {
            resumption = sh.psk() ? Resumption.PSK : Resumption.NONE;
            side[C].encrypted = true;
            side[S].encrypted = true;
            handshakeKeys13();
        } else {
            boolean echoed = clientHello.sessionId().length > 0 && Arrays.equals(clientHello.sessionId(), sh.sessionId());
            resumption = !echoed ? Resumption.NONE : clientHello.sessionTicket() ? Resumption.SESSION_TICKET : Resumption.SESSION_ID;
            keys12(sh);
        }
    }

    private void keys(Decryption why, String detail) {
        if (keyProblem == null) {
            keyProblem = why;
            keyProblemDetail = detail;
        }
    }

    private boolean keyLogUsable() {
        if (keyLog.absent()) { keys(Decryption.NO_KEY_LOG, "no key log given (--tls-keylog)"); return false; }
        if (suite == null || suite.tls13() != (version == TlsVersion.TLS13) || version < TlsVersion.TLS10) {
            keys(Decryption.UNSUPPORTED, "ftpscope does not decrypt " + CipherSuite.nameOf(suiteCode) + " with " + TlsVersion.name(version));
            return false;
        }
        return true;
    }

    private void handshakeKeys13() {
        if (!keyLogUsable()) return;
        byte[] cs = keyLog.secret(KeyLog.Label.CLIENT_HANDSHAKE_TRAFFIC_SECRET, clientHello.random());
        byte[] ss = keyLog.secret(KeyLog.Label.SERVER_HANDSHAKE_TRAFFIC_SECRET, clientHello.random());
        if (cs == null || ss == null) {
            keys(Decryption.KEY_MISSING, "the key log has no " + (cs == null ? "CLIENT" : "SERVER")
                    + "_HANDSHAKE_TRAFFIC_SECRET for client random " + Hex.of(clientHello.random()));
            return;
        }
        tc().prot = RecordProtection.tls13(suite, cs);
        ts().prot = RecordProtection.tls13(suite, ss);
    }

    private void applicationKeys(Side s, int frame) {
        KeyLog.Label label = s == tc() ? KeyLog.Label.CLIENT_TRAFFIC_SECRET_0 : KeyLog.Label.SERVER_TRAFFIC_SECRET_0;
        byte[] secret = keyLog.secret(label, clientHello.random());
        if (secret == null) {
            lose(s, Decryption.KEY_MISSING, "the key log has no " + label + " for client random "
                    + Hex.of(clientHello.random()) + ": only the handshake was decrypted", frame);
            return;
        }
        s.appSecret = secret;
        s.prot = RecordProtection.tls13(suite, secret);
    }

    private void keys12(Hellos.ServerHello sh) {
        if (!keyLogUsable()) return;
        byte[] ms = keyLog.secret(KeyLog.Label.CLIENT_RANDOM, clientHello.random());
        if (ms == null && resumption == Resumption.SESSION_ID) {
            TlsAnalyzer.SessionCache.Entry e = cache.bySessionId(sh.sessionId());
            if (e != null) {
                ms = e.master();
                note("master secret reused from stream " + e.stream() + " (same session id; the key log has no line for this client random)");
            }
        }
        if (ms == null && resumption == Resumption.SESSION_TICKET && clientHello.ticket() != null) {
            TlsAnalyzer.SessionCache.Entry e = cache.byTicket(clientHello.ticket());
            if (e != null) {
                ms = e.master();
                note("master secret reused from stream " + e.stream() + " (its session ticket; the key log has no line for this client random)");
            }
        }
        if (ms == null) {
            keys(Decryption.KEY_MISSING, "the key log has no CLIENT_RANDOM line for client random " + Hex.of(clientHello.random())
                    + (resumption != Resumption.NONE ? " (resumed session whose first connection's secret is not known either)" : ""));
            return;
        }
        master = ms;
        if (sh.sessionId().length > 0 && !cache.putSessionId(sh.sessionId(), ms, tcp.index())) {
            limit(Limit.TLS_SESSION_CACHE, sh.frame(), 1);
        }
        pending12 = RecordProtection.tls12(suite, version, ms, clientHello.random(), sh.random(), sh.encryptThenMac());
    }

    private void onCertificate(Side s, HandshakeReader.Message m) throws Cursor.Malformed {
        CertificateInfo.Chain chain = CertificateInfo.chain(m.body(), version == TlsVersion.TLS13);
        if (s == tc()) {
            note(chain.total() == 0 ? "client answered the CertificateRequest with no certificate (frame " + m.frame() + ")"
                    : "client sent " + chain.total() + " certificate(s) (frame " + m.frame() + ")"
                    + (chain.certificates().isEmpty() ? "" : ", subject " + chain.certificates().get(0).subject()));
            return;
        }
        certificates = chain.certificates();
        certificatesSent = chain.total();
        certificateDecrypted = m.decrypted();
        if (chain.unreadable() > 0) note(chain.unreadable() + " server certificate(s) in frame " + m.frame() + " could not be parsed");
        if (chain.total() > CertificateInfo.MAX_PARSED) {
            note("server sent " + chain.total() + " certificates; the first " + CertificateInfo.MAX_PARSED + " are kept ("
                    + Limit.TLS_CERTIFICATES.label() + ")");
            limit(Limit.TLS_CERTIFICATES, m.frame(), chain.total() - CertificateInfo.MAX_PARSED);
        }
    }

    private void note(String n) {
        if (notes.size() < 50) notes.add(n);
    }

    private String side(Side s) { return s == tc() ? "client" : "server"; }

    /** The side that sent the ClientHello: the TCP client, except on active-mode data connections. */
    private Side tc() { return swapped ? side[S] : side[C]; }

    private Side ts() { return swapped ? side[C] : side[S]; }

    // ---- summary ---------------------------------------------------------------------------

    TlsConnectionSummary summary() {
        List<String> n = new ArrayList<>(notes);
        for (Side s : side) {
            String u = s.reader.unfinished();
            if (u != null) n.add(side(s) + ": " + u);
            if (s.reader.mode() == RecordReader.Mode.STOPPED && s.problem != Decryption.LOST) n.add(side(s) + ": " + s.reader.stopReason());
        }
        String note = side[C].hs.note() != null ? side[C].hs.note() : side[S].hs.note();
        if (note != null) n.add(note);
        CertificateVisibility vis;
        if (certificatesSent > 0) vis = certificateDecrypted ? CertificateVisibility.DECRYPTED : CertificateVisibility.CLEAR;
        else if (version == TlsVersion.TLS13 && ts().decryptedRecords == 0 && resumption == Resumption.NONE) vis = CertificateVisibility.ENCRYPTED;
        else vis = CertificateVisibility.NONE;
        Hellos.ClientHello ch = clientHello;
        return new TlsConnectionSummary(tcp.index(), tcp.client(), tcp.server(), tc().reader.tlsStart(),
                tc().reader.tlsStartFrame(), clientHelloFrame, serverHello == null ? 0 : serverHello.frame(),
                ch == null ? List.of() : ch.supportedVersions(), version, suiteCode,
                ch == null ? null : ch.serverName(), ch == null ? List.of() : ch.alpn(), alpn, helloRetry,
                resumption, vis, certificates, certificatesSent, List.copyOf(alerts), alertsNotKept, closure(),
                direction(tc()), direction(ts()), List.copyOf(n), swapped);
    }

    private TlsDirectionSummary direction(Side s) {
        Decryption d;
        String detail;
        if (s.problem != null) { d = s.problem; detail = s.problemDetail; }
        else if (s.protectedRecords == 0) { d = Decryption.NOTHING_PROTECTED; detail = "no protected record in this direction"; }
        else if (s.decryptedRecords < s.protectedRecords) {
            d = keyProblem != null ? keyProblem : Decryption.KEY_MISSING;
            detail = keyProblem != null ? keyProblemDetail : "no keys for this direction";
        } else { d = Decryption.DECRYPTED; detail = null; }
        return new TlsDirectionSummary(s.records, s.protectedRecords, s.decryptedRecords, s.appBytes, s.appRecords, d,
                detail, s.problemFrame);
    }

    /** The first visible close: a close_notify or fatal alert, a FIN or a RST, whichever frame came first. */
    private Closure closure() {
        Closure best = null;
        for (TlsAlert a : alerts) {
            if (a.closeNotify() || a.level() == 2 || !a.visible()) {
                // An encrypted TLS 1.2 alert is named as such: without the key it may be close_notify or an error.
                String how = !a.visible() ? "encrypted alert" : a.closeNotify() ? "close_notify" : "fatal alert " + TlsAlert.descriptionName(a.description());
                best = earlier(best, new Closure(a.from(), how, a.frame()));
                break;
            }
        }
        for (Direction d : Direction.values()) {
            if (tcp.finFrame(d) > 0) best = earlier(best, new Closure(d, "FIN", tcp.finFrame(d)));
            if (tcp.rstFrame(d) > 0) best = earlier(best, new Closure(d, "RST", tcp.rstFrame(d)));
        }
        return best;
    }

    private static Closure earlier(Closure a, Closure b) { return a == null || b.frame() < a.frame() ? b : a; }
}

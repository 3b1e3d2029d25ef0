package org.ftpscope.analysis;

import org.ftpscope.capture.CaptureFile;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.model.DataSetup;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.StreamRole;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.ftp.session.FtpResult;
import org.ftpscope.tcp.TcpFrameTable;
import org.ftpscope.tcp.TcpStream;

import java.io.IOException;
import java.util.List;

/**
 * The result of one pass over a capture: its frames (read back on demand), TCP streams and
 * per-frame TCP facts, and the FTP sessions and findings. Views only read it.
 */
public final class Analysis implements AutoCloseable {
    private final CaptureFile capture;
    private final List<TcpStream> streams;
    private final TcpFrameTable tcpFrames;
    private final FtpResult ftp;
    /** By TCP stream index, so per-frame views (filters over a million frames) look up without boxing. */
    private final StreamRole[] roleByStream;
    private final Transfer[] transferByStream;
    private final DataSetup[] setupByStream;

    Analysis(CaptureFile capture, List<TcpStream> streams, TcpFrameTable tcpFrames, FtpResult ftp) {
        this.capture = capture;
        this.streams = List.copyOf(streams);
        this.tcpFrames = tcpFrames;
        this.ftp = ftp;
        int n = streams.size();
        roleByStream = new StreamRole[n];
        transferByStream = new Transfer[n];
        setupByStream = new DataSetup[n];
        ftp.streamRoles().forEach((stream, role) -> {
            if (stream < 0 || stream >= n) return;
            roleByStream[stream] = role;
            if (!role.control() && !role.orphan()) setupByStream[stream] = ftp.sessions().get(role.session()).setups().get(role.setupId());
        });
        for (FtpSession s : ftp.sessions()) {
            for (Transfer t : s.transfers()) {
                int st = t.data() == null ? -1 : t.data().stream();
                // the first transfer on a stream wins, as the former linear search did
                if (st >= 0 && st < n && transferByStream[st] == null && roleByStream[st] != null
                        && !roleByStream[st].control() && roleByStream[st].session() == s.id()) {
                    transferByStream[st] = t;
                }
            }
        }
    }

    public CaptureFile capture() { return capture; }

    public List<TcpStream> streams() { return streams; }

    public TcpFrameTable tcpFrames() { return tcpFrames; }

    public FtpResult ftp() { return ftp; }

    public List<FtpSession> sessions() { return ftp.sessions(); }

    public List<Finding> findings() { return ftp.findings(); }

    /** What FTP makes of a TCP stream, or null when it is not FTP. */
    public StreamRole role(int stream) { return stream >= 0 && stream < roleByStream.length ? roleByStream[stream] : null; }

    /** The transfer whose data connection is {@code stream}, or null. */
    public Transfer transferOnStream(int stream) {
        return stream >= 0 && stream < transferByStream.length ? transferByStream[stream] : null;
    }

    /** The setup whose data connection is {@code stream}, or null. */
    public DataSetup setupOnStream(int stream) {
        return stream >= 0 && stream < setupByStream.length ? setupByStream[stream] : null;
    }

    /** Streams that carried TLS (with a key log): their bytes in the capture are records, not the content. */
    private java.util.Set<Integer> tlsStreams = java.util.Set.of();
    /** The TLS connections the key log pass saw; empty without a key log. */
    private List<org.ftpscope.tls.TlsConnectionSummary> tls = List.of();

    void tls(List<org.ftpscope.tls.TlsConnectionSummary> connections) {
        this.tls = List.copyOf(connections);
        java.util.Set<Integer> s = new java.util.HashSet<>();
        for (org.ftpscope.tls.TlsConnectionSummary c : connections) s.add(c.stream());
        this.tlsStreams = s;
    }

    /** The key log and learnt session secrets; {@link org.ftpscope.tls.TlsKeys#none()} without a key log. */
    private org.ftpscope.tls.TlsKeys tlsKeys = org.ftpscope.tls.TlsKeys.none();
    /** TLS frame views of the streams looked at last, rebuilt from the capture when evicted. */
    private final java.util.Map<Integer, org.ftpscope.tls.TlsStreamView> tlsViews =
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<Integer, org.ftpscope.tls.TlsStreamView> e) {
                    return size() > org.ftpscope.capture.Limit.TLS_VIEWS_CACHED.intValue();
                }
            };

    void tlsKeys(org.ftpscope.tls.TlsKeys keys) { this.tlsKeys = keys; }

    /** What decrypting a stream again needs (Follow, extract, the frame views). */
    public org.ftpscope.tls.TlsKeys tlsKeys() { return tlsKeys; }

    /** True when the analysis ran with a key log, so TLS streams are shown decrypted where a key fits. */
    public boolean decrypting() { return !tlsKeys.absent(); }

    /**
     * The TLS records of a stream per frame, read again from the capture the first time a view asks
     * ({@link org.ftpscope.tls.TlsStreamView#NOT_TLS} for streams that are not TLS: a control
     * connection without AUTH, a data connection whose first bytes are no TLS handshake).
     */
    public org.ftpscope.tls.TlsStreamView tlsView(int stream) {
        if (stream < 0 || stream >= streams.size() || !capture.index().kept()) return org.ftpscope.tls.TlsStreamView.NOT_TLS;
        synchronized (tlsViews) {
            org.ftpscope.tls.TlsStreamView v = tlsViews.get(stream);
            if (v != null) return v;
        }
        org.ftpscope.tls.TlsStreamView v = org.ftpscope.tls.TlsStreamView.NOT_TLS;
        if (mayBeTls(stream)) {
            try {
                v = org.ftpscope.tls.TlsStreamReplay.replay(capture, tcpFrames, streams.get(stream), tlsKeys, null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        synchronized (tlsViews) {
            tlsViews.put(stream, v);
        }
        return v;
    }

    /**
     * Reads a TLS stream again and hands its bytes to {@code sink} in capture order: the cleartext
     * FTP before TLS and after CCC, and with the key log the decrypted application data (Wireshark's
     * Follow TLS Stream); where decryption stops, {@link org.ftpscope.tls.PlaintextListener#lost}.
     * Nothing is kept: a large transfer streams through.
     */
    public void readDecrypted(int stream, org.ftpscope.tls.PlaintextListener sink) throws IOException {
        org.ftpscope.tls.TlsStreamReplay.replay(capture, tcpFrames, streams.get(stream), tlsKeys, sink);
    }

    /**
     * True for a transfer whose data connection was TLS (PROT P) and whose plaintext the key log
     * opened: {@link #writeDecrypted} writes its file, {@link #contentOf} has no spans for it.
     */
    public boolean hasDecryptedContent(Transfer t) {
        return decrypting() && t.data() != null && t.setup() != null && tlsStreams.contains(t.data().stream()) && t.bytes() > 0;
    }

    /** What {@link #writeDecrypted} wrote: plaintext bytes, and the TCP bytes missing in that direction (ciphertext). */
    public record DecryptedContent(long bytes, long missingCiphertextBytes, List<String> stops) {}

    /** Writes a TLS-protected transfer's decrypted content (its direction of the data connection) to {@code out}. */
    public DecryptedContent writeDecrypted(Transfer t, java.io.OutputStream out) throws IOException {
        if (!hasDecryptedContent(t)) throw new IllegalArgumentException("transfer " + t.index() + " has no decrypted content");
        org.ftpscope.tcp.Direction want = t.direction().dataDirection(t.setup().mode());
        long[] n = {0};
        List<String> stops = new java.util.ArrayList<>();
        try {
            readDecrypted(t.data().stream(), new org.ftpscope.tls.PlaintextListener() {
            @Override
            public void plaintext(TcpStream s, org.ftpscope.tcp.Direction d, int firstFrame, int lastFrame, byte[] data) {
                if (d != want) return;
                try {
                    out.write(data);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                n[0] += data.length;
            }

            @Override
            public void lost(TcpStream s, org.ftpscope.tcp.Direction d, int frame, String reason) {
                if (d == want) stops.add(reason);
            }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause(); // the output's failure, not the capture's
        }
        return new DecryptedContent(n[0], streams.get(t.data().stream()).gapBytes(want), List.copyOf(stops));
    }

    /**
     * Whether a stream can carry TLS, decided without reading it all: a control connection whose
     * server accepted AUTH (or implicit FTPS), or a stream whose first payload bytes in either
     * direction are a TLS handshake record header.
     */
    private boolean mayBeTls(int stream) {
        StreamRole role = roleByStream[stream];
        if (role != null && role.control()) return ftp.sessions().get(role.session()).tls();
        TcpStream s = streams.get(stream);
        for (org.ftpscope.tcp.Direction d : org.ftpscope.tcp.Direction.values()) {
            org.ftpscope.tcp.StreamSpans sp = s.spans(d);
            if (sp.size() == 0 || sp.isGap(0)) continue;
            try {
                byte[] f = capture.readFrame(sp.frame(0));
                int o = sp.offsetInFrame(0);
                if (o + 3 <= f.length && f[o] == 22 && f[o + 1] == 3 && (f[o + 2] & 0xff) <= 4) return true;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return false;
    }

    /** The TLS connections (control and data) when the analysis ran with a key log; empty otherwise. */
    public List<org.ftpscope.tls.TlsConnectionSummary> tlsConnections() { return tls; }

    /**
     * Where a transfer's content is in the capture: its data connection's spans in the transfer's
     * direction. Null for a TLS-protected (PROT P) data connection: its spans hold TLS records, and
     * the decrypted content is only hashed, not kept.
     */
    public org.ftpscope.tcp.StreamSpans contentOf(Transfer t) {
        if (t.data() == null || t.data().stream() < 0 || t.setup() == null) return null;
        if (tlsStreams.contains(t.data().stream())) return null;
        return streams.get(t.data().stream()).spans(t.direction().dataDirection(t.setup().mode()));
    }

    @Override
    public void close() throws IOException { capture.close(); }
}

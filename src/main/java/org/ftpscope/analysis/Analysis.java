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

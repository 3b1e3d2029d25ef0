package org.ftpscope.ftp;

import org.ftpscope.capture.CaptureFile;
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

    Analysis(CaptureFile capture, List<TcpStream> streams, TcpFrameTable tcpFrames, FtpResult ftp) {
        this.capture = capture;
        this.streams = List.copyOf(streams);
        this.tcpFrames = tcpFrames;
        this.ftp = ftp;
    }

    public CaptureFile capture() { return capture; }

    public List<TcpStream> streams() { return streams; }

    public TcpFrameTable tcpFrames() { return tcpFrames; }

    public FtpResult ftp() { return ftp; }

    public List<FtpSession> sessions() { return ftp.sessions(); }

    public List<Finding> findings() { return ftp.findings(); }

    /** What FTP makes of a TCP stream, or null when it is not FTP. */
    public StreamRole role(int stream) { return ftp.streamRoles().get(stream); }

    /** The transfer whose data connection is {@code stream}, or null. */
    public Transfer transferOnStream(int stream) {
        StreamRole r = role(stream);
        if (r == null || r.control()) return null;
        for (Transfer t : ftp.sessions().get(r.session()).transfers()) {
            if (t.data() != null && t.data().stream() == stream) return t;
        }
        return null;
    }

    /** The setup whose data connection is {@code stream}, or null. */
    public DataSetup setupOnStream(int stream) {
        StreamRole r = role(stream);
        if (r == null || r.control()) return null;
        return ftp.sessions().get(r.session()).setups().get(r.setupId());
    }

    /** Where a transfer's content is in the capture: its data connection's spans in the transfer's direction. */
    public org.ftpscope.tcp.StreamSpans contentOf(Transfer t) {
        if (t.data() == null || t.data().stream() < 0 || t.setup() == null) return null;
        boolean fromFtpServer = t.direction() != TransferDirection.UPLOAD;
        boolean ftpServerAccepted = t.setup().mode().passive();
        org.ftpscope.tcp.Direction d = fromFtpServer == ftpServerAccepted
                ? org.ftpscope.tcp.Direction.SERVER_TO_CLIENT : org.ftpscope.tcp.Direction.CLIENT_TO_SERVER;
        return streams.get(t.data().stream()).spans(d);
    }

    @Override
    public void close() throws IOException { capture.close(); }
}

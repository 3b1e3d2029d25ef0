package org.ftpscope.present;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.capture.CaptureFile;
import org.ftpscope.decode.AppLabel;
import org.ftpscope.decode.FrameSummarizer;
import org.ftpscope.decode.FrameSummary;
import org.ftpscope.decode.PacketDecoder;
import org.ftpscope.decode.PacketInfo;
import org.ftpscope.decode.TcpFrameContext;
import org.ftpscope.ftp.model.DataSetup;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.StreamRole;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.tcp.TcpStream;
import org.ftpscope.tls.TlsRecordView;
import org.ftpscope.tls.TlsStreamView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Frame rows and labels made on demand from the capture and the analysis: nothing per frame is
 * kept, a row's strings exist only while it is drawn or printed.
 */
public final class FrameViews {
    private final Analysis analysis;
    private final CaptureFile capture;

    public FrameViews(Analysis analysis) {
        this.analysis = analysis;
        this.capture = analysis.capture();
    }

    /** A decoded frame: its bytes, fast-path fields and TCP context. */
    public record Decoded(int frame, byte[] bytes, PacketInfo info, TcpFrameContext tcp) {}

    public Decoded decode(int frame) {
        byte[] bytes;
        try {
            bytes = capture.readFrame(frame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PacketInfo p = new PacketInfo();
        PacketDecoder.decode(capture.index().linkType(frame), bytes, 0, bytes.length, p);
        return new Decoded(frame, bytes, p, analysis.tcpFrames().context(frame, p));
    }

    /** As {@link #summary(int)} for a frame whose bytes are at hand ({@code buf[off..off+len)}, e.g. from a scan). */
    public FrameSummary summary(int frame, byte[] buf, int off, int len) {
        byte[] bytes = java.util.Arrays.copyOfRange(buf, off, off + len);
        PacketInfo p = new PacketInfo();
        PacketDecoder.decode(capture.index().linkType(frame), bytes, 0, bytes.length, p);
        Decoded d = new Decoded(frame, bytes, p, analysis.tcpFrames().context(frame, p));
        return FrameSummarizer.summarize(frame, capture.index(), d.bytes(), d.info(), d.tcp(), appLabel(d));
    }

    public FrameSummary summary(int frame) { return summary(decode(frame)); }

    /** The row of a frame already decoded (its fields also decide the row's colouring rule). */
    public FrameSummary summary(Decoded d) {
        return FrameSummarizer.summarize(d.frame(), capture.index(), d.bytes(), d.info(), d.tcp(), appLabel(d));
    }

    /**
     * The protocol column of a frame as {@link #appLabel} decides it ("FTP", "FTP-DATA", "TLS" or
     * null), without making the Info text: what a display filter over a million frames needs.
     */
    public String protocol(int frame, int stream, PacketInfo p) {
        if (!p.tcp || p.capturedPayloadLength == 0) return null;
        TlsFrame t = tlsFrame(frame, stream);
        if (t != null) return t.protocol(stream);
        Layer l = layer(frame, stream);
        return l == null ? null : l.label;
    }

    /**
     * The TLS records a frame carried, when its stream is TLS and this frame's payload was record
     * bytes; null otherwise (no TLS, or cleartext FTP before AUTH and after CCC).
     */
    private TlsFrame tlsFrame(int frame, int stream) {
        if (stream < 0) return null;
        StreamRole role = analysis.role(stream);
        TlsStreamView v = analysis.tlsView(stream);
        if (!v.carriesRecords(frame)) return null;
        return new TlsFrame(role, v, v.recordsEndingIn(frame));
    }

    /** A frame of a TLS stream: the records it completed and what they are to FTP. */
    private record TlsFrame(StreamRole role, TlsStreamView view, List<TlsRecordView> records) {
        boolean application() {
            for (TlsRecordView r : records) if (r.isApplicationData()) return true;
            return false;
        }

        /** As Wireshark's Protocol column: FTP or FTP-DATA where the records decrypted to it, else the TLS version. */
        String protocol(int stream) {
            if (records.isEmpty()) return "TCP";
            if (role != null && application()) return role.control() ? "FTP" : "FTP-DATA";
            return TlsRecordView.protocolName(records.get(records.size() - 1).version());
        }

        long applicationBytes() {
            long n = 0;
            for (TlsRecordView r : records) if (r.isApplicationData()) n += r.applicationBytes();
            return n;
        }

        String names() {
            StringBuilder sb = new StringBuilder();
            for (TlsRecordView r : records) sb.append(sb.length() == 0 ? "" : ", ").append(r.names());
            return sb.toString();
        }

        TlsRecordView lastApplication() {
            for (int i = records.size() - 1; i >= 0; i--) if (records.get(i).isApplicationData()) return records.get(i);
            return null;
        }
    }

    /** What FTP makes of a frame's TCP payload: decided here once for the column, the label and the tree. */
    private enum Layer {
        FTP("FTP"), TLS("TLS"), FTP_DATA("FTP-DATA");

        final String label;

        Layer(String label) { this.label = label; }
    }

    /** The layer of a frame on {@code stream}, or null when the stream is not FTP's. */
    private Layer layer(int frame, int stream) {
        StreamRole role = stream < 0 ? null : analysis.role(stream);
        if (role == null) return null;
        if (!role.control()) return Layer.FTP_DATA;
        FtpSession s = analysis.sessions().get(role.session());
        if (!s.tls() || frame <= s.tlsFrame()) return Layer.FTP;
        // Frames with records were labelled from the TLS view; of the others, cleartext after CCC is FTP.
        TlsStreamView v = analysis.tlsView(stream);
        return v.isTls() && !v.opaque(frame) ? Layer.FTP : Layer.TLS;
    }

    /** FTP or FTP-DATA label for a frame with payload on an FTP stream, else null. */
    public AppLabel appLabel(Decoded d) {
        PacketInfo p = d.info();
        if (!p.tcp || p.capturedPayloadLength == 0) return null;
        TlsFrame tls = tlsFrame(d.frame(), d.tcp().stream());
        if (tls != null) return tlsLabel(d, tls);
        Layer layer = layer(d.frame(), d.tcp().stream());
        if (layer == null) return null;
        if (layer == Layer.TLS) return new AppLabel(layer.label, analysis.tlsView(d.tcp().stream()).opaque(d.frame())
                ? "TLS records not followed after bytes missing from the capture" : "Encrypted FTP control channel (after AUTH TLS)");
        if (layer == Layer.FTP) {
            boolean request = isFromClient(d.tcp().stream(), p);
            String line = FrameSummarizer.firstLine(d.bytes(), p.payloadOffset, p.capturedPayloadLength);
            return new AppLabel(layer.label, (request ? "Request: " : "Response: ") + printable(line));
        }
        DataSetup setup = analysis.setupOnStream(d.tcp().stream());
        Transfer t = analysis.transferOnStream(d.tcp().stream());
        StringBuilder info = new StringBuilder("FTP Data: ").append(p.payloadLength).append(" bytes");
        if (setup != null) info.append(" (").append(setup.mode()).append(')');
        if (t != null) info.append(" (").append(t.command()).append(t.arg().isEmpty() ? "" : " " + t.arg()).append(')');
        return new AppLabel(layer.label, info.toString());
    }

    /**
     * Frame-list columns of a frame that carried TLS record bytes, as Wireshark 4.0 writes them with
     * (decrypted: "Request: USER ftpuser", "FTP Data: 900 bytes") or without keys ("Client Hello",
     * "Application Data"); a frame that completes no record is a segment of one.
     */
    private AppLabel tlsLabel(Decoded d, TlsFrame t) {
        PacketInfo p = d.info();
        int stream = d.tcp().stream();
        if (t.records().isEmpty()) {
            if (t.view().beginsRecord(d.frame())) return new AppLabel("TCP", "[TCP segment of a reassembled PDU]");
            String tcp = FrameSummarizer.tcpInfo(d.bytes(), p, d.tcp());
            String prefix = org.ftpscope.decode.TcpAnalysisFlags.infoPrefix(d.tcp().analysisFlags());
            return new AppLabel("TCP", (tcp.startsWith(prefix) ? tcp.substring(prefix.length()) : tcp)
                    + " [TCP segment of a reassembled PDU]");
        }
        String protocol = t.protocol(stream);
        if ("FTP".equals(protocol)) {
            TlsRecordView last = t.lastApplication();
            boolean request = last.direction() == org.ftpscope.tcp.Direction.CLIENT_TO_SERVER;
            String line = last.applicationData() == null ? "(decrypted; not kept: over " + org.ftpscope.capture.Limit.TLS_VIEW_PLAINTEXT.label() + ")"
                    : FrameSummarizer.firstLine(last.applicationData(), 0, last.applicationData().length);
            return new AppLabel(protocol, (request ? "Request: " : "Response: ") + printable(line));
        }
        if ("FTP-DATA".equals(protocol)) {
            DataSetup setup = analysis.setupOnStream(stream);
            Transfer tr = analysis.transferOnStream(stream);
            StringBuilder info = new StringBuilder("FTP Data: ").append(t.applicationBytes()).append(" bytes");
            if (setup != null) info.append(" (").append(setup.mode()).append(')');
            if (tr != null) info.append(" (").append(tr.command()).append(tr.arg().isEmpty() ? "" : " " + tr.arg()).append(')');
            return new AppLabel(protocol, info.toString());
        }
        return new AppLabel(protocol, t.names());
    }

    /** The frame's detail tree, FTP or FTP-DATA included where the analysis knows the stream. */
    public org.ftpscope.decode.DetailNode tree(int frame) { return tree(decode(frame)); }

    /** As {@link #tree(int)} for a frame already decoded (its bytes are shown beside the tree). */
    public org.ftpscope.decode.DetailNode tree(Decoded d) {
        return org.ftpscope.decode.DetailTreeBuilder.build(d.frame(), capture.index(), d.bytes(), d.info(), d.tcp(), dissector(d));
    }

    /**
     * Only the FTP or FTP-DATA subtree of a frame's tree (null when it has none), the same nodes
     * {@link #tree(Decoded)} shows: what a filter on their fields reads without the header layers.
     */
    public org.ftpscope.decode.DetailNode payloadTree(Decoded d) {
        PacketInfo p = d.info();
        org.ftpscope.decode.PayloadDissector app = dissector(d);
        if (app == null || p.capturedPayloadLength <= 0) return null;
        org.ftpscope.decode.DetailNode.Builder root = org.ftpscope.decode.DetailNode.builder("Frame " + d.frame(), null, null, -1, 0);
        try {
            app.dissect(root, d.bytes(), p.payloadOffset, p.capturedPayloadLength);
        } catch (RuntimeException e) {
            // As in the full tree: what was dissected before the failure stays.
        }
        return root.build();
    }

    private org.ftpscope.decode.PayloadDissector dissector(Decoded d) {
        PacketInfo p = d.info();
        if (!p.tcp) return null;
        TlsFrame tls = p.capturedPayloadLength > 0 ? tlsFrame(d.frame(), d.tcp().stream()) : null;
        if (tls != null) {
            if (tls.records().isEmpty()) return null;
            int stream = d.tcp().stream();
            return TlsTree.of(tls.records(), tls.view().payloadStreamOffset(d.frame()), tls.role(),
                    analysis.setupOnStream(stream), analysis.transferOnStream(stream));
        }
        Layer layer = layer(d.frame(), d.tcp().stream());
        if (layer == null || layer == Layer.TLS) return null;
        if (layer == Layer.FTP) return FtpTree.control(isFromClient(d.tcp().stream(), p));
        return FtpTree.data(analysis.setupOnStream(d.tcp().stream()), analysis.transferOnStream(d.tcp().stream()));
    }

    boolean isFromClient(int stream, PacketInfo p) {
        TcpStream s = analysis.streams().get(stream);
        return p.srcPort == s.client().port() && p.src().equals(s.client().ip());
    }

    /**
     * Control characters as Wireshark's {@code format_text} escapes them, so a line never breaks a table
     * or a terminal: {@code \a \b \t \n \v \f \r} by name, the other C0 controls and DEL in octal
     * ({@code \000}, {@code \033}, {@code \177}). The result holds no C0 control and no DEL.
     */
    static String printable(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (sb == null) sb = new StringBuilder(s.length() + 8).append(s, 0, i);
                int named = c >= 7 && c <= 13 ? "abtnvfr".charAt(c - 7) : 0;
                if (named != 0) sb.append('\\').append((char) named);
                else sb.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7))).append((char) ('0' + (c & 7)));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}

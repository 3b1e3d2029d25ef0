package org.ftpscope.present;

import org.ftpscope.decode.DetailNode;
import org.ftpscope.ftp.model.DataSetup;
import org.ftpscope.ftp.model.StreamRole;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.decode.PayloadDissector;
import org.ftpscope.tcp.Direction;
import org.ftpscope.tls.TlsRecordView;

import java.util.List;

/**
 * The TLS part of a frame's detail tree, as Wireshark shows it: "Transport Layer Security" with one
 * record-layer node per record the frame completed, then the FTP or FTP-DATA the records decrypted
 * to. Decrypted lines are not bytes of the frame, so their nodes cover no frame bytes (Wireshark
 * shows them in a separate "Decrypted TLS" tab); a record wholly inside the frame covers its bytes.
 */
final class TlsTree {
    private TlsTree() {}

    /**
     * @param frameStreamOffset stream offset of the frame's first payload byte in its direction
     * @param role              what FTP makes of the stream, or null (TLS outside FTP)
     */
    static PayloadDissector of(List<TlsRecordView> records, long frameStreamOffset, StreamRole role, DataSetup setup,
                               Transfer transfer) {
        return (root, b, off, len) -> {
            DetailNode.Builder tls = root.add("Transport Layer Security", null, null, off, len);
            for (TlsRecordView r : records) record(tls, r, frameStreamOffset, off, len, role);
            if (role == null) return;
            if (role.control()) {
                for (TlsRecordView r : records) {
                    if (!r.isApplicationData()) continue;
                    boolean request = r.direction() == Direction.CLIENT_TO_SERVER;
                    if (r.applicationData() == null) {
                        root.add("File Transfer Protocol (FTP)", org.ftpscope.fields.FtpFields.FTP, null, -1, 0)
                                .addText("[" + r.applicationBytes() + " decrypted bytes not kept: over "
                                        + org.ftpscope.capture.Limit.TLS_VIEW_PLAINTEXT.label() + "]");
                        continue;
                    }
                    graft(root, FtpTree.control(request), r.applicationData());
                }
            } else {
                long total = 0;
                for (TlsRecordView r : records) if (r.isApplicationData()) total += r.applicationBytes();
                if (total > 0) graft(root, FtpTree.data(setup, transfer), new byte[(int) Math.min(total, Integer.MAX_VALUE)]);
            }
        };
    }

    private static void record(DetailNode.Builder tls, TlsRecordView r, long frameStreamOffset, int off, int len, StreamRole role) {
        long rel = frameStreamOffset < 0 ? -1 : r.streamOffset() - frameStreamOffset;
        boolean inFrame = rel >= 0 && rel + 5 + r.length() <= len;
        int at = inFrame ? off + (int) rel : -1, size = inFrame ? 5 + r.length() : 0;
        int type = r.decrypted() ? r.innerType() : r.contentType();
        String what = r.isApplicationData() && role != null
                ? (role.control() ? "File Transfer Protocol (FTP)" : "FTP Data") : r.names();
        DetailNode.Builder n = tls.add(TlsRecordView.protocolName(r.version()) + " Record Layer: "
                + TlsRecordView.contentTypeName(type) + " Protocol: " + what, null, null, at, size);
        n.add("Content Type: " + TlsRecordView.contentTypeName(r.contentType()) + " (" + r.contentType() + ")", null, null,
                at, inFrame ? 1 : 0);
        n.add("Version: " + org.ftpscope.tls.TlsVersion.name(r.recordVersion()) + String.format(" (0x%04x)", r.recordVersion()),
                null, null, inFrame ? at + 1 : -1, inFrame ? 2 : 0);
        n.add("Length: " + r.length(), null, null, inFrame ? at + 3 : -1, inFrame ? 2 : 0);
        if (r.decrypted() && r.innerType() != r.contentType()) {
            n.addText("[Opaque Type: " + TlsRecordView.contentTypeName(r.contentType()) + " (" + r.contentType()
                    + "), decrypted content type: " + TlsRecordView.contentTypeName(r.innerType()) + " (" + r.innerType() + ")]");
        }
        if (type == org.ftpscope.tls.TlsRecord.HANDSHAKE || type == org.ftpscope.tls.TlsRecord.ALERT) {
            String proto = type == org.ftpscope.tls.TlsRecord.HANDSHAKE ? "Handshake Protocol: " : "Alert Message: ";
            for (String name : r.names().split(", ")) n.addText(proto + name);
        }
        if (r.contentType() == org.ftpscope.tls.TlsRecord.APPLICATION_DATA) {
            n.add("Encrypted Application Data (" + r.length() + " bytes)", null, null, inFrame ? at + 5 : -1, inFrame ? r.length() : 0);
        }
        if (r.isApplicationData()) {
            n.addText("[Decrypted with the key log: " + r.applicationBytes() + " bytes of application data]");
            if (role != null) n.addText("[Application Data Protocol: " + what + "]");
        }
    }

    /** Dissects decrypted bytes into a scratch node and copies the result below {@code root} without byte ranges. */
    private static void graft(DetailNode.Builder root, PayloadDissector dissector, byte[] plaintext) {
        DetailNode.Builder scratch = DetailNode.builder("", null, null, -1, 0);
        dissector.dissect(scratch, plaintext, 0, plaintext.length);
        for (DetailNode c : scratch.build().children()) copy(root, c);
    }

    private static void copy(DetailNode.Builder into, DetailNode n) {
        DetailNode.Builder b = into.add(n.label(), n.def(), n.value(), -1, 0);
        for (DetailNode c : n.children()) copy(b, c);
    }
}

package org.ftpscope.report;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.ftp.model.TransferDirection;
import org.ftpscope.tcp.StreamSpans;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Wireshark's Export Objects ▸ FTP-DATA: every transferred file written safely into one folder. */
public final class ObjectExporter {
    private ObjectExporter() {}

    /** A transfer whose content the capture holds. */
    public record FtpObject(FtpSession session, Transfer transfer, String suggestedName) {}

    /** One written file. */
    public record Extracted(FtpObject object, Path file, long bytes, long missingBytes, String sha256) {}

    /** Transfers with data in the capture; listings too when asked. */
    public static List<FtpObject> objects(Analysis a, boolean listings) {
        List<FtpObject> out = new ArrayList<>();
        for (FtpSession s : a.sessions()) {
            for (Transfer t : s.transfers()) {
                if ((a.contentOf(t) == null && !a.hasDecryptedContent(t)) || t.bytes() == 0) continue;
                if (t.direction() == TransferDirection.LISTING && !listings) continue;
                String fallback = "session" + s.id() + "-" + t.command().toLowerCase() + "-" + t.index() + ".bin";
                String name = t.direction() == TransferDirection.LISTING
                        ? "listing-session" + s.id() + "-" + t.index() + ".txt"
                        : SafeNames.fileName(t.path().isEmpty() ? t.arg() : t.path(), fallback);
                out.add(new FtpObject(s, t, name));
            }
        }
        return out;
    }

    /**
     * Writes an object into {@code dir}: through a temp file and an atomic move, so a failure
     * leaves no half-written file; never over an existing file unless {@code overwrite}.
     */
    public static Extracted write(Analysis a, FtpObject o, Path dir, boolean overwrite) throws IOException {
        Path target = SafeNames.target(dir, o.suggestedName(), overwrite);
        Path tmp;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, ".ftpscope-", ".part");
        } catch (IOException e) {
            throw new OutputFailure("cannot write " + target + ": " + e, e);
        }
        try {
            StreamSpans spans = a.contentOf(o.transfer());
            MessageDigest md;
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            long bytes, missing;
            try (OutputStream out = new DigestOutputStream(new Output(Files.newOutputStream(tmp), target), md)) {
                if (spans != null) {
                    spans.writeTo(a.capture(), out);
                    bytes = spans.totalBytes();
                    missing = spans.gapBytes();
                } else {
                    // PROT P with the key log: the plaintext, read again from the capture's records.
                    Analysis.DecryptedContent c = a.writeDecrypted(o.transfer(), out);
                    bytes = c.bytes();
                    missing = c.missingCiphertextBytes();
                }
            }
            try {
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
                            overwrite ? StandardCopyOption.REPLACE_EXISTING : StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, overwrite ? new StandardCopyOption[] {StandardCopyOption.REPLACE_EXISTING}
                            : new StandardCopyOption[0]);
                }
            } catch (IOException e) {
                throw new OutputFailure("cannot write " + target + ": " + e, e);
            }
            return new Extracted(o, target, bytes, missing, HexFormat.of().formatHex(md.digest()));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The temp file's stream: what it fails at is output (exit 3), unlike reading the capture. */
    private static final class Output extends java.io.FilterOutputStream {
        private final Path target;

        Output(OutputStream out, Path target) {
            super(out);
            this.target = target;
        }

        @Override public void write(int b) throws IOException {
            try { out.write(b); } catch (IOException e) { throw new OutputFailure("cannot write " + target + ": " + e, e); }
        }

        @Override public void write(byte[] b, int off, int len) throws IOException {
            try { out.write(b, off, len); } catch (IOException e) { throw new OutputFailure("cannot write " + target + ": " + e, e); }
        }

        @Override public void flush() throws IOException {
            try { out.flush(); } catch (IOException e) { throw new OutputFailure("cannot write " + target + ": " + e, e); }
        }

        @Override public void close() throws IOException {
            try { out.close(); } catch (IOException e) { throw new OutputFailure("cannot write " + target + ": " + e, e); }
        }
    }
}

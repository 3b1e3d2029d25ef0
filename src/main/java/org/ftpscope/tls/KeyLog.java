package org.ftpscope.tls;

import org.ftpscope.capture.CaptureWarning;
import org.ftpscope.capture.Limit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The NSS key log format ({@code SSLKEYLOGFILE}) that curl, browsers, OpenSSL's, GnuTLS's and
 * Python's key log callbacks write: {@code LABEL <client_random hex> <secret hex>} per line.
 * Secrets are looked up by the connection's ClientHello random, so one file serves any number of
 * connections. Unknown labels and malformed lines are counted, never fatal.
 */
public final class KeyLog {
    /** The labels ftpscope uses. */
    public enum Label {
        /** TLS 1.0-1.2: the 48-byte master secret. */
        CLIENT_RANDOM,
        CLIENT_HANDSHAKE_TRAFFIC_SECRET,
        SERVER_HANDSHAKE_TRAFFIC_SECRET,
        CLIENT_TRAFFIC_SECRET_0,
        SERVER_TRAFFIC_SECRET_0
    }

    private static final KeyLog EMPTY = new KeyLog(new EnumMap<>(Label.class), 0, 0, 0, List.of(), List.of(), "none");

    static final long MAX_BYTES = Limit.KEYLOG_BYTES.value();
    static final int MAX_SECRETS = Limit.KEYLOG_SECRETS.intValue();
    static final int MAX_LINE = Limit.KEYLOG_LINE_BYTES.intValue();

    private final Map<Label, Map<String, byte[]>> secrets;
    private final int lines;
    private final int otherLabels;
    private final int malformed;
    private final List<String> warnings;
    private final List<CaptureWarning> limitWarnings;
    private final String source;

    private KeyLog(Map<Label, Map<String, byte[]>> secrets, int lines, int otherLabels, int malformed,
                   List<String> warnings, List<CaptureWarning> limitWarnings, String source) {
        this.secrets = secrets;
        this.lines = lines;
        this.otherLabels = otherLabels;
        this.malformed = malformed;
        this.warnings = List.copyOf(warnings);
        this.limitWarnings = List.copyOf(limitWarnings);
        this.source = source;
    }

    /** No key log: every encrypted connection is reported as "no key log given". */
    public static KeyLog none() { return EMPTY; }

    public static KeyLog read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.getFileName().toString());
        }
    }

    /**
     * Reads at most {@link Limit#KEYLOG_BYTES} bytes from {@code in}, a block at a time: what is held
     * besides the secrets kept is one block and one line of at most {@link Limit#KEYLOG_LINE_BYTES}.
     */
    public static KeyLog parse(InputStream in, String source) throws IOException {
        Lines lines = new Lines();
        byte[] block = new byte[READ_BLOCK];
        long remaining = MAX_BYTES;
        while (remaining > 0) {
            int n = in.read(block, 0, (int) Math.min(block.length, remaining));
            if (n < 0) break;
            remaining -= n;
            lines.feed(block, n);
        }
        lines.end();
        List<CaptureWarning> limits = new ArrayList<>();
        if (remaining == 0 && in.read() >= 0) {
            limits.add(CaptureWarning.limit(Limit.KEYLOG_BYTES, "key log " + source + " is longer: only its first "
                    + count(MAX_BYTES) + " bytes were read; secrets after them are not used"));
        }
        List<String> warnings = new ArrayList<>();
        if (lines.bad > 0) warnings.add("key log " + source + ": " + lines.bad + " malformed line(s) ignored");
        if (lines.overlong > 0) {
            limits.add(CaptureWarning.limit(Limit.KEYLOG_LINE_BYTES, "key log " + source + ": " + count(lines.overlong)
                    + (lines.overlong == 1 ? " line longer than that was" : " lines longer than that were") + " ignored"));
        }
        if (lines.notKept > 0) {
            limits.add(CaptureWarning.limit(Limit.KEYLOG_SECRETS, "key log " + source + ": " + count(lines.notKept) + " further "
                    + (lines.notKept == 1 ? "secret was" : "secrets were") + " not kept; connections that need them are not decrypted"));
        }
        return new KeyLog(lines.secrets, lines.lines, lines.other, lines.bad, warnings, limits, source);
    }

    /** Bytes read from the key log at a time. */
    static final int READ_BLOCK = 64 * 1024;

    /**
     * Splits what it is fed into lines (LF or CRLF) and keeps their secrets. A line is held up to
     * {@link #MAX_LINE} bytes (+1 for a CR); beyond that only its length is counted.
     */
    private static final class Lines {
        final Map<Label, Map<String, byte[]>> secrets = new EnumMap<>(Label.class);
        final byte[] line = new byte[MAX_LINE + 1];
        int stored;
        long lineBytes;
        byte last;
        int lines, other, bad, kept, overlong, notKept;

        void feed(byte[] b, int n) {
            int off = 0;
            while (off < n) {
                int nl = off;
                while (nl < n && b[nl] != '\n') nl++;
                append(b, off, nl - off);
                if (nl == n) return;
                endLine();
                off = nl + 1;
            }
        }

        void end() { endLine(); }

        private void append(byte[] b, int off, int n) {
            if (n == 0) return;
            int c = Math.min(line.length - stored, n);
            System.arraycopy(b, off, line, stored, c);
            stored += c;
            lineBytes += n;
            last = b[off + n - 1];
        }

        private void endLine() {
            long len = lineBytes > 0 && last == '\r' ? lineBytes - 1 : lineBytes;
            stored = 0;
            lineBytes = 0;
            if (len == 0) return;
            lines++;
            if (line[0] == '#') return;
            if (len > MAX_LINE) { overlong++; return; }
            keep(new String(line, 0, (int) len, StandardCharsets.US_ASCII).trim());
        }

        private void keep(String text) {
            String[] f = text.split("\\s+");
            if (f.length != 3) { bad++; return; }
            Label label;
            try {
                label = Label.valueOf(f[0]);
            } catch (IllegalArgumentException e) {
                other++; // EXPORTER_SECRET, CLIENT_EARLY_TRAFFIC_SECRET, RSA …: not needed here
                return;
            }
            byte[] random = Hex.parse(f[1]);
            byte[] secret = Hex.parse(f[2]);
            if (random == null || random.length != 32 || secret == null || secret.length == 0 || secret.length > 64
                    || (label == Label.CLIENT_RANDOM && secret.length != 48)) {
                bad++;
                return;
            }
            Map<String, byte[]> byRandom = secrets.computeIfAbsent(label, k -> new HashMap<>());
            String key = Hex.of(random);
            if (kept >= MAX_SECRETS && !byRandom.containsKey(key)) {
                notKept++; // a later line for a random already kept still replaces its secret, as before
                return;
            }
            if (byRandom.put(key, secret) == null) kept++;
        }
    }

    private static String count(long n) { return String.format(java.util.Locale.ROOT, "%,d", n); }

    /** The secret logged under {@code label} for a connection whose ClientHello random is {@code clientRandom}. */
    public byte[] secret(Label label, byte[] clientRandom) {
        Map<String, byte[]> m = secrets.get(label);
        if (m == null || clientRandom == null) return null;
        byte[] s = m.get(Hex.of(clientRandom));
        return s == null ? null : s.clone();
    }

    public boolean isEmpty() { return secrets.isEmpty(); }

    /** True when this is {@link #none()}: no key log was given at all. */
    public boolean absent() { return this == EMPTY; }

    public int size(Label label) {
        Map<String, byte[]> m = secrets.get(label);
        return m == null ? 0 : m.size();
    }

    public int lines() { return lines; }

    /** Lines with a well-formed label ftpscope does not use (EXPORTER_SECRET, …). */
    public int otherLabels() { return otherLabels; }

    public int malformedLines() { return malformed; }

    /** What is wrong in the key log itself (malformed lines); its limits are in {@link #limitWarnings()}. */
    public List<String> warnings() { return Collections.unmodifiableList(warnings); }

    /**
     * The limits reading the key log reached, as warnings the analysis adds to its capture's (stderr,
     * JSON {@code capture.warnings}, the app's banner), so they are said where the other limits are.
     */
    public List<CaptureWarning> limitWarnings() { return limitWarnings; }

    public String source() { return source; }
}

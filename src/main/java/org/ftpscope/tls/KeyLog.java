package org.ftpscope.tls;

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

    private static final KeyLog EMPTY = new KeyLog(new EnumMap<>(Label.class), 0, 0, 0, List.of(), "none");

    private final Map<Label, Map<String, byte[]>> secrets;
    private final int lines;
    private final int otherLabels;
    private final int malformed;
    private final List<String> warnings;
    private final String source;

    private KeyLog(Map<Label, Map<String, byte[]>> secrets, int lines, int otherLabels, int malformed,
                   List<String> warnings, String source) {
        this.secrets = secrets;
        this.lines = lines;
        this.otherLabels = otherLabels;
        this.malformed = malformed;
        this.warnings = List.copyOf(warnings);
        this.source = source;
    }

    /** No key log: every encrypted connection is reported as "no key log given". */
    public static KeyLog none() { return EMPTY; }

    public static KeyLog read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.getFileName().toString());
        }
    }

    /** Reads at most {@link TlsLimits#MAX_KEYLOG_BYTES} bytes from {@code in}. */
    public static KeyLog parse(InputStream in, String source) throws IOException {
        byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, TlsLimits.MAX_KEYLOG_BYTES));
        List<String> warnings = new ArrayList<>();
        if (in.read() >= 0) {
            warnings.add("key log " + source + " is longer than " + TlsLimits.MAX_KEYLOG_BYTES
                    + " bytes; read up to there only");
        }
        Map<Label, Map<String, byte[]>> secrets = new EnumMap<>(Label.class);
        int lines = 0, other = 0, bad = 0, kept = 0;
        boolean entryLimitWarned = false;
        int start = 0;
        for (int i = 0; i <= data.length; i++) {
            if (i < data.length && data[i] != '\n') continue;
            int end = i;
            if (end > start && data[end - 1] == '\r') end--;
            int len = end - start;
            int lineStart = start;
            start = i + 1;
            if (len == 0) continue;
            lines++;
            if (data[lineStart] == '#') continue;
            if (len > TlsLimits.MAX_KEYLOG_LINE) { bad++; continue; }
            String line = new String(data, lineStart, len, StandardCharsets.US_ASCII).trim();
            String[] f = line.split("\\s+");
            if (f.length != 3) { bad++; continue; }
            Label label;
            try {
                label = Label.valueOf(f[0]);
            } catch (IllegalArgumentException e) {
                other++; // EXPORTER_SECRET, CLIENT_EARLY_TRAFFIC_SECRET, RSA …: not needed here
                continue;
            }
            byte[] random = Hex.parse(f[1]);
            byte[] secret = Hex.parse(f[2]);
            if (random == null || random.length != 32 || secret == null || secret.length == 0 || secret.length > 64
                    || (label == Label.CLIENT_RANDOM && secret.length != 48)) {
                bad++;
                continue;
            }
            if (kept >= TlsLimits.MAX_KEYLOG_ENTRIES) {
                if (!entryLimitWarned) {
                    warnings.add("key log " + source + " has more than " + TlsLimits.MAX_KEYLOG_ENTRIES
                            + " secrets; the rest are ignored");
                    entryLimitWarned = true;
                }
                continue;
            }
            if (secrets.computeIfAbsent(label, k -> new HashMap<>()).put(Hex.of(random), secret) == null) kept++;
        }
        if (bad > 0) warnings.add("key log " + source + ": " + bad + " malformed line(s) ignored");
        return new KeyLog(secrets, lines, other, bad, warnings, source);
    }

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

    public List<String> warnings() { return Collections.unmodifiableList(warnings); }

    public String source() { return source; }
}

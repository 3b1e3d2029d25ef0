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

    /** Reads at most {@link Limit#KEYLOG_BYTES} bytes from {@code in}. */
    public static KeyLog parse(InputStream in, String source) throws IOException {
        byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES));
        List<String> warnings = new ArrayList<>();
        List<CaptureWarning> limits = new ArrayList<>();
        if (in.read() >= 0) {
            limits.add(CaptureWarning.limit(Limit.KEYLOG_BYTES, "key log " + source + " is longer: only its first "
                    + String.format(java.util.Locale.ROOT, "%,d", data.length) + " bytes were read; secrets after them are not used"));
        }
        Map<Label, Map<String, byte[]>> secrets = new EnumMap<>(Label.class);
        int lines = 0, other = 0, bad = 0, kept = 0, overlong = 0, notKept = 0;
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
            if (len > MAX_LINE) { overlong++; continue; }
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
            Map<String, byte[]> byRandom = secrets.computeIfAbsent(label, k -> new HashMap<>());
            String key = Hex.of(random);
            if (kept >= MAX_SECRETS && !byRandom.containsKey(key)) {
                notKept++; // a later line for a random already kept still replaces its secret, as before
                continue;
            }
            if (byRandom.put(key, secret) == null) kept++;
        }
        if (bad > 0) warnings.add("key log " + source + ": " + bad + " malformed line(s) ignored");
        if (overlong > 0) {
            limits.add(CaptureWarning.limit(Limit.KEYLOG_LINE_BYTES, "key log " + source + ": " + count(overlong)
                    + (overlong == 1 ? " line longer than that was" : " lines longer than that were") + " ignored"));
        }
        if (notKept > 0) {
            limits.add(CaptureWarning.limit(Limit.KEYLOG_SECRETS, "key log " + source + ": " + count(notKept) + " further "
                    + (notKept == 1 ? "secret was" : "secrets were") + " not kept; connections that need them are not decrypted"));
        }
        return new KeyLog(secrets, lines, other, bad, warnings, limits, source);
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

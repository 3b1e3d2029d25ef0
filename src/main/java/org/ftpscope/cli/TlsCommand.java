package org.ftpscope.cli;

import org.ftpscope.capture.CaptureWarning;
import org.ftpscope.tcp.TcpPass;
import org.ftpscope.tls.CertificateInfo;
import org.ftpscope.tls.TlsAnalyzer;
import org.ftpscope.tls.TlsConnectionSummary;
import org.ftpscope.tls.TlsDirectionSummary;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.util.stream.Collectors;

/**
 * {@code tls CAPTURE [--tls-keylog FILE]}: one tab-separated line per TLS connection (control and
 * data, explicit {@code AUTH TLS} and implicit), under a header line: what the handshake shows, and
 * with a key log what was decrypted, per direction.
 */
@Command(name = "tls", description = "One tab-separated line per TLS connection (control and data, explicit AUTH TLS"
        + " and implicit), under a header line: what the handshake shows and, with --tls-keylog, what was decrypted,"
        + " per direction.")
final class TlsCommand extends HeadlessCommand {
    static final String HEADER = "stream\tclient\tserver\ttls_start_frame\tversion\tcipher_suite\tsni\talpn\thello_retry"
            + "\tresumption\tcertificate\tcert_subject\tcert_issuer\tcert_not_after\tcert_key\talerts\tclosed_by"
            + "\tclient_decryption\tserver_decryption\tclient_app_bytes\tserver_app_bytes\tnotes";

    @Override boolean decrypts() { return true; }

    @Override
    int run(PrintStream out, PrintStream err) throws Exception {
        TlsAnalyzer tls = new TlsAnalyzer(keyLog(), null);
        TcpPass.Result r = TcpPass.stream(file, tls, null);
        try (var cf = r.capture()) {
            out.println(HEADER);
            for (TlsConnectionSummary s : tls.connections()) out.println(line(s));
            cf.addWarnings(keyLog().limitWarnings());
            cf.addWarnings(tls.limitWarnings());
            for (CaptureWarning w : cf.warnings()) err.println(org.ftpscope.decode.SafeText.forTerminal("ftpscope: " + cf.path() + ": " + w));
        }
        return Cli.EXIT_OK;
    }

    static String line(TlsConnectionSummary s) {
        CertificateInfo leaf = s.certificates().isEmpty() ? null : s.certificates().get(0);
        String cert = switch (s.certificateVisibility()) {
            case CLEAR -> "clear (" + s.certificatesSent() + " sent)";
            case DECRYPTED -> "decrypted (" + s.certificatesSent() + " sent)";
            case ENCRYPTED -> "encrypted (TLS 1.3 sends it encrypted; needs the key log)";
            case NONE -> s.resumed() ? "none (resumed session)" : "not in the capture";
        };
        String alerts = s.alerts().isEmpty() ? "-" : s.alerts().stream()
                .map(a -> who(s, a.from()) + a.text() + " @" + a.frame())
                .collect(Collectors.joining(", ")) + (s.alertsNotKept() > 0 ? " (+" + s.alertsNotKept() + " not kept)" : "");
        String closed = s.closedBy() == null ? "-" : who(s, s.closedBy().by()) + s.closedBy().how() + " @" + s.closedBy().frame();
        return String.join("\t", String.valueOf(s.stream()), s.client().toString(), s.server().toString(),
                String.valueOf(s.tlsStartFrame()), s.versionName(), s.cipherSuiteName(), text(s.serverName()),
                s.alpn() != null ? text(s.alpn()) : s.alpnOffered().isEmpty() ? "-" : "offered " + text(String.join(",", s.alpnOffered())),
                s.helloRetryRequest() ? "yes" : "no", resumption(s), cert,
                leaf == null ? "-" : text(leaf.subject()), leaf == null ? "-" : text(leaf.issuer()),
                leaf == null ? "-" : leaf.notAfter().toString(), leaf == null ? "-" : leaf.keyType() + " " + leaf.keyBits(),
                text(alerts), closed, decryption(s.fromClient()), decryption(s.fromServer()),
                String.valueOf(s.fromClient().applicationBytes()), String.valueOf(s.fromServer().applicationBytes()),
                s.notes().isEmpty() ? "-" : text(String.join("; ", s.notes())));
    }

    /** "client " or "server " in TLS roles (an active-mode data connection has them reversed against TCP). */
    private static String who(TlsConnectionSummary s, org.ftpscope.tcp.Direction tcpDirection) {
        return (tcpDirection == org.ftpscope.tcp.Direction.CLIENT_TO_SERVER) != s.rolesReversed() ? "client " : "server ";
    }

    private static String resumption(TlsConnectionSummary s) {
        return switch (s.resumption()) {
            case NONE -> "full handshake";
            case SESSION_ID -> "resumed (session id)";
            case SESSION_TICKET -> "resumed (session ticket)";
            case PSK -> "resumed (PSK)";
            case UNKNOWN -> "unknown (no ServerHello)";
        };
    }

    private static String decryption(TlsDirectionSummary d) {
        String name = d.decryption().name().toLowerCase(java.util.Locale.ROOT);
        return d.detail() == null ? name : name + ": " + text(d.detail());
    }

    /**
     * Capture text (SNI, ALPN, certificate names) made safe for a TSV line and a terminal: control
     * characters, C1 controls and bidirectional overrides are written as {@code \\uXXXX}.
     */
    static String text(String s) {
        if (s == null || s.isEmpty()) return "-";
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean unsafe = c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069) || c == '\\';
            if (unsafe) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }
}

package org.ftpscope.tls;

import org.ftpscope.decode.Endpoint;
import org.ftpscope.tcp.Direction;

import java.util.List;

/**
 * Everything ftpscope learned about one TLS connection (one TCP stream).
 *
 * @param tlsStartOffset      client stream offset of the first TLS byte (after {@code AUTH TLS} and {@code 234}); 0 for implicit TLS
 * @param version             negotiated version ({@link TlsVersion}), 0 when no ServerHello was seen
 * @param cipherSuite         negotiated suite code, -1 when unknown
 * @param alpn                protocol the server selected (TLS 1.3: in EncryptedExtensions, so only with keys); null when none
 * @param certificates        the server's chain, leaf first (TLS 1.2 in clear; TLS 1.3 only when decrypted)
 * @param certificatesSent    how many certificates the server's Certificate message held; -1 when not seen
 * @param closedBy            who ended the connection first, null when the capture does not show it
 * @param fromClient          what the TLS client sent (the FTP client; the TCP server when {@code rolesReversed})
 * @param rolesReversed       the TCP server sent the ClientHello: an active-mode data connection, where the FTP
 *                            server connects but stays the TLS server (RFC 4217 7). Alerts and closures name TCP directions.
 */
public record TlsConnectionSummary(int stream, Endpoint client, Endpoint server, long tlsStartOffset,
                                   int tlsStartFrame, int clientHelloFrame, int serverHelloFrame,
                                   List<Integer> offeredVersions, int version, int cipherSuite, String serverName,
                                   List<String> alpnOffered, String alpn, boolean helloRetryRequest,
                                   Resumption resumption, CertificateVisibility certificateVisibility,
                                   List<CertificateInfo> certificates, int certificatesSent,
                                   List<TlsAlert> alerts, int alertsNotKept, Closure closedBy,
                                   TlsDirectionSummary fromClient, TlsDirectionSummary fromServer,
                                   List<String> notes, boolean rolesReversed) {

    public enum Resumption {
        /** A full handshake. */
        NONE,
        /** TLS 1.2: the server echoed the client's session id (abbreviated handshake). */
        SESSION_ID,
        /** TLS 1.2: the client presented a session ticket and the server accepted it. */
        SESSION_TICKET,
        /** TLS 1.3: the server accepted a pre-shared key from an earlier connection. */
        PSK,
        /** No ServerHello in the capture. */
        UNKNOWN
    }

    public enum CertificateVisibility {
        /** TLS 1.2 (or older): the Certificate message is in clear. */
        CLEAR,
        /** TLS 1.3: the Certificate message was read after decryption. */
        DECRYPTED,
        /** TLS 1.3 encrypts the Certificate message; without keys it cannot be read. */
        ENCRYPTED,
        /** The server sent no certificate (resumed session, PSK) or the capture lacks it. */
        NONE
    }

    /** Who closed first and how ({@code close_notify}, {@code FIN}, {@code RST}, a fatal alert, or {@code encrypted alert} without keys). */
    public record Closure(Direction by, String how, int frame) {}

    public String versionName() { return version == 0 ? "unknown" : TlsVersion.name(version); }

    public String cipherSuiteName() { return cipherSuite < 0 ? "unknown" : CipherSuite.nameOf(cipherSuite); }

    /** What the TCP direction {@code d} carried. */
    public TlsDirectionSummary direction(Direction d) { return (d == Direction.CLIENT_TO_SERVER) != rolesReversed ? fromClient : fromServer; }

    public boolean resumed() {
        return resumption == Resumption.SESSION_ID || resumption == Resumption.SESSION_TICKET || resumption == Resumption.PSK;
    }
}

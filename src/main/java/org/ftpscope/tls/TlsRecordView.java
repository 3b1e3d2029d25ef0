package org.ftpscope.tls;

import org.ftpscope.tcp.Direction;

/**
 * One TLS record as the frame list and the detail tree show it: where it was on the wire, what
 * it was called as Wireshark names it, and, when a key opened it, its decrypted application data.
 *
 * @param direction      the TCP direction that carried it
 * @param streamOffset   offset of the record header in that direction
 * @param length         the record's length field (the fragment, without the 5-byte header)
 * @param recordVersion  the version in the record header (0x0301 in most ClientHellos)
 * @param version        the connection's version once a hello fixed it, else the record's: what
 *                       Wireshark's Protocol column names ("TLSv1.2")
 * @param names          Wireshark's Info words for the record: "Client Hello", "Change Cipher Spec",
 *                       "Encrypted Handshake Message", "Application Data", "Alert (Level: …)"
 * @param decrypted      true when a key from the key log opened the record
 * @param innerType      the content type after decryption (TLS 1.3 hides it), else the record's
 * @param applicationData the decrypted application data, or null (not application data, not
 *                        decrypted, or over {@link org.ftpscope.capture.Limit#TLS_VIEW_PLAINTEXT} of the stream)
 * @param applicationBytes how many application-data bytes the record decrypted to (0 if none)
 */
public record TlsRecordView(Direction direction, int firstFrame, int lastFrame, long streamOffset, int length,
                            int contentType, int recordVersion, int version, String names, boolean decrypted,
                            int innerType, byte[] applicationData, int applicationBytes) {

    /** Wireshark's name of a version in the Protocol column: TLSv1, TLSv1.2, SSLv3. */
    public static String protocolName(int version) {
        return switch (version) {
            case TlsVersion.SSL3 -> "SSLv3";
            case TlsVersion.TLS10 -> "TLSv1";
            case TlsVersion.TLS11 -> "TLSv1.1";
            case TlsVersion.TLS12 -> "TLSv1.2";
            case TlsVersion.TLS13 -> "TLSv1.3";
            default -> "TLS";
        };
    }

    /** Decrypted application data: FTP lines on a control connection, file bytes on a data connection. */
    public boolean isApplicationData() { return decrypted && innerType == TlsRecord.APPLICATION_DATA; }

    /** Wireshark's content-type names, as in "Content Type: Handshake (22)". */
    public static String contentTypeName(int type) {
        return switch (type) {
            case TlsRecord.CHANGE_CIPHER_SPEC -> "Change Cipher Spec";
            case TlsRecord.ALERT -> "Alert";
            case TlsRecord.HANDSHAKE -> "Handshake";
            case TlsRecord.APPLICATION_DATA -> "Application Data";
            case TlsRecord.HEARTBEAT -> "Heartbeat";
            default -> "Unknown";
        };
    }

    /** Wireshark's names of handshake message types. */
    static String handshakeName(int type) {
        return switch (type) {
            case 0 -> "Hello Request";
            case 1 -> "Client Hello";
            case 2 -> "Server Hello";
            case 4 -> "New Session Ticket";
            case 5 -> "End of Early Data";
            case 8 -> "Encrypted Extensions";
            case 11 -> "Certificate";
            case 12 -> "Server Key Exchange";
            case 13 -> "Certificate Request";
            case 14 -> "Server Hello Done";
            case 15 -> "Certificate Verify";
            case 16 -> "Client Key Exchange";
            case 20 -> "Finished";
            case 22 -> "Certificate Status";
            case 24 -> "Key Update";
            default -> "Unknown Handshake Message (" + type + ")";
        };
    }

    /** "Alert (Level: Warning, Description: Close Notify)", as Wireshark's Info column. */
    static String alertName(int level, int description) {
        String l = level == 1 ? "Warning" : level == 2 ? "Fatal" : "Unknown (" + level + ")";
        String d = switch (description) {
            case 0 -> "Close Notify";
            case 10 -> "Unexpected Message";
            case 20 -> "Bad Record MAC";
            case 22 -> "Record Overflow";
            case 40 -> "Handshake Failure";
            case 42 -> "Bad Certificate";
            case 43 -> "Unsupported Certificate";
            case 44 -> "Certificate Revoked";
            case 45 -> "Certificate Expired";
            case 46 -> "Certificate Unknown";
            case 47 -> "Illegal Parameter";
            case 48 -> "Unknown CA";
            case 49 -> "Access Denied";
            case 50 -> "Decode Error";
            case 51 -> "Decrypt Error";
            case 70 -> "Protocol Version";
            case 71 -> "Insufficient Security";
            case 80 -> "Internal Error";
            case 86 -> "Inappropriate Fallback";
            case 90 -> "User Canceled";
            case 100 -> "No Renegotiation";
            case 109 -> "Missing Extension";
            case 110 -> "Unsupported Extension";
            case 112 -> "Unrecognized Name";
            case 116 -> "Certificate Required";
            case 120 -> "No Application Protocol";
            default -> "Unknown (" + description + ")";
        };
        return "Alert (Level: " + l + ", Description: " + d + ")";
    }
}

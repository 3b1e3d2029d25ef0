package org.ftpscope.tls;

import org.ftpscope.tcp.Direction;

/**
 * An alert record.
 *
 * @param level       1 warning, 2 fatal; -1 when the alert is encrypted and no key opens it
 * @param description RFC 8446 6 code; -1 when unknown
 * @param decrypted   true when read from a decrypted record
 */
public record TlsAlert(Direction from, int level, int description, int frame, boolean decrypted) {
    public static final int CLOSE_NOTIFY = 0;

    public boolean visible() { return level >= 0; }

    public boolean closeNotify() { return description == CLOSE_NOTIFY && level >= 0; }

    public String text() {
        if (!visible()) return "encrypted alert (level and description need the key)";
        return (level == 1 ? "warning" : level == 2 ? "fatal" : "level " + level) + " " + descriptionName(description);
    }

    public static String descriptionName(int d) {
        return switch (d) {
            case 0 -> "close_notify";
            case 10 -> "unexpected_message";
            case 20 -> "bad_record_mac";
            case 22 -> "record_overflow";
            case 40 -> "handshake_failure";
            case 42 -> "bad_certificate";
            case 43 -> "unsupported_certificate";
            case 44 -> "certificate_revoked";
            case 45 -> "certificate_expired";
            case 46 -> "certificate_unknown";
            case 47 -> "illegal_parameter";
            case 48 -> "unknown_ca";
            case 49 -> "access_denied";
            case 50 -> "decode_error";
            case 51 -> "decrypt_error";
            case 70 -> "protocol_version";
            case 71 -> "insufficient_security";
            case 80 -> "internal_error";
            case 86 -> "inappropriate_fallback";
            case 90 -> "user_canceled";
            case 100 -> "no_renegotiation";
            case 109 -> "missing_extension";
            case 110 -> "unsupported_extension";
            case 112 -> "unrecognized_name";
            case 113 -> "bad_certificate_status_response";
            case 115 -> "unknown_psk_identity";
            case 116 -> "certificate_required";
            case 120 -> "no_application_protocol";
            default -> "description " + d;
        };
    }
}

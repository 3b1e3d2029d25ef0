package org.ftpscope.tls;

/** Protocol version numbers as TLS writes them. */
public final class TlsVersion {
    private TlsVersion() {}

    public static final int SSL3 = 0x0300, TLS10 = 0x0301, TLS11 = 0x0302, TLS12 = 0x0303, TLS13 = 0x0304;

    public static String name(int v) {
        return switch (v) {
            case SSL3 -> "SSL 3.0";
            case TLS10 -> "TLS 1.0";
            case TLS11 -> "TLS 1.1";
            case TLS12 -> "TLS 1.2";
            case TLS13 -> "TLS 1.3";
            default -> (v & 0x0f0f) == 0x0a0a ? String.format("GREASE 0x%04x", v) : String.format("0x%04x", v);
        };
    }
}

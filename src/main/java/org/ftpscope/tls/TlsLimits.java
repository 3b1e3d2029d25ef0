package org.ftpscope.tls;

/**
 * Every bound the TLS layer keeps on what an untrusted capture can make it buffer. Hitting one
 * ends parsing of that direction (or of the key log) with a note that names the limit.
 */
public final class TlsLimits {
    private TlsLimits() {}

    /** RFC 5246 6.2.3: a protected record is at most 2^14 + 2048 bytes; anything longer is not TLS. */
    public static final int MAX_RECORD_LENGTH = 16384 + 2048;
    /** Plaintext bytes (FTP lines before AUTH TLS) scanned for the start of TLS in a stream direction. */
    public static final int MAX_CLEARTEXT_PREFIX = 64 * 1024;
    /** A handshake message larger than this (a certificate chain, say) is skipped, not buffered. */
    public static final int MAX_HANDSHAKE_MESSAGE = 256 * 1024;
    /** Certificates parsed from one Certificate message; the rest are counted only. */
    public static final int MAX_CERTIFICATES = 10;
    /** Alerts kept per connection; further ones are counted only. */
    public static final int MAX_ALERTS_KEPT = 32;
    /** Key log files larger than this are read up to here only. */
    public static final long MAX_KEYLOG_BYTES = 64L * 1024 * 1024;
    /** Secrets kept from a key log; further lines are counted only. */
    public static final int MAX_KEYLOG_ENTRIES = 1_000_000;
    /** A key log line longer than this is not a key log line. */
    public static final int MAX_KEYLOG_LINE = 1024;
    /** TLS 1.2 sessions remembered by session id within one capture, for resumption without a key log line. */
    public static final int MAX_SESSION_CACHE = 100_000;

    /**
     * Decrypted application data one stream's frame view keeps for the detail tree (per stream, both
     * directions); records beyond it are still named and counted, their plaintext is not kept (Follow
     * and extract read it again from the capture).
     */
    public static final int MAX_VIEW_PLAINTEXT = 1 << 20;

    /** Streams whose TLS frame view is kept at once (each is rebuilt from the capture when needed again). */
    public static final int MAX_VIEWS_CACHED = 64;
}

package org.ftpscope.tls;

/**
 * What decrypting needs besides the capture: the key log, and the TLS 1.2 master secrets the
 * analysis pass learnt for resumed sessions (a data connection that resumes the control
 * connection's session by id or ticket has no key log line of its own). Views that read one
 * stream again (frame list, Follow, extract) take it from the analysis.
 */
public final class TlsKeys {
    private static final TlsKeys NONE = new TlsKeys(KeyLog.none(), new TlsAnalyzer.SessionCache());

    private final KeyLog keyLog;
    final TlsAnalyzer.SessionCache cache;

    TlsKeys(KeyLog keyLog, TlsAnalyzer.SessionCache cache) {
        this.keyLog = keyLog;
        this.cache = cache;
    }

    /** No key log: records are named, nothing is decrypted. */
    public static TlsKeys none() { return NONE; }

    public KeyLog keyLog() { return keyLog; }

    public boolean absent() { return keyLog.absent(); }
}

package org.ftpscope.ftp.model;

/** What a TCP stream is to FTP: a session's control connection, or the data connection of a setup. */
public record StreamRole(int session, int setupId, boolean control) {
    /** A data connection without its control connection or setup in the capture (session and setup -1). */
    public static final StreamRole ORPHAN_DATA = new StreamRole(-1, -1, false);

    public boolean orphan() { return session < 0; }
}

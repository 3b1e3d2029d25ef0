package org.ftpscope.ftp.model;

/** What happened to a transfer's data connection. */
public enum DataState {
    /** Established and data (possibly none) moved. */
    TRANSFERRED,
    /** SYN without SYN-ACK. */
    UNANSWERED,
    /** RST in answer to the SYN. */
    REFUSED,
    /** Established, then reset before any data moved. */
    RESET,
    /** No connection in the capture. */
    MISSING;

    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
}

package org.ftpscope.ftp.model;

/** What happened to a transfer's data connection. */
public enum DataState {
    /** Established and data (possibly none) moved. */
    TRANSFERRED,
    /**
     * Established, and nothing moved as far as the capture shows: no byte either way, none
     * acknowledged, and neither FIN nor RST in the capture (it may have been reset unseen).
     */
    ESTABLISHED,
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

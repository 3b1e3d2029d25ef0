package org.ftpscope.tcp;

/** Handshake and teardown state of a TCP stream, as a troubleshooter reads it. */
public enum StreamState {
    /**
     * SYN sent, and nothing in the capture shows an answer: no SYN-ACK, and no later segment that
     * could only follow one ({@link TcpStream#answerShownWithoutSynAck()}).
     */
    SYN_SENT,
    /** SYN answered with RST. */
    REFUSED,
    ESTABLISHED,
    /** FIN from one side only. */
    HALF_CLOSED,
    /** FIN from both sides. */
    CLOSED,
    /** Reset after the handshake. */
    RESET,
    /** No handshake seen (the capture started mid-connection). */
    MIDSTREAM;

    public String label() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }
}

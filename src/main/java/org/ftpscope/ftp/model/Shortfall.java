package org.ftpscope.ftp.model;

/**
 * Why a transfer's bytes are not known complete in the capture: one cause with the frame that
 * shows it. A transfer can have several (bytes lost by the capture and the connection reset).
 *
 * @param frame the frame that shows the cause (the capture's last frame, the RST, the first hole…), 0 when none
 * @param bytes the bytes concerned, -1 when not a byte count
 * @param text  the cause in words, true on its own
 */
public record Shortfall(Cause cause, int frame, long bytes, String text) {

    public enum Cause {
        /** No data connection for the transfer is in the capture (a capture filter, another path). */
        NOT_IN_CAPTURE("not-in-capture"),
        /**
         * The capture holds one direction only: the sender's segments on the data connection are not in
         * it, or the server's side of the control connection (with the reply that names the data port)
         * is not, so the bytes, or which connection carried them, are not known.
         */
        ONE_DIRECTION("one-direction"),
        /** The data connection's SYN was never answered, or refused: no bytes could move. */
        NOT_ESTABLISHED("not-established"),
        /** The capture ended while the data connection was still open (no FIN, no RST). */
        CAPTURE_ENDED("capture-ended"),
        /**
         * Neither FIN nor RST of the sender is in the capture, though the capture goes on past the
         * server's final reply or the session's next command: the connection's end is not in it.
         */
        END_NOT_CAPTURED("end-not-captured"),
        /**
         * The sender's SYN is not in the capture and nothing else shows where its data began: bytes
         * before the first captured segment may be missing (how many, when the capture shows it).
         */
        START_NOT_CAPTURED("start-not-captured"),
        /** None of the sender's segments is in the capture (one direction only); its peer's ACKs may say how much it sent. */
        SENDER_NOT_CAPTURED("sender-not-captured"),
        /** Holes in the stream that the receiver's ACKs cover: the bytes arrived, only the capture lost them. */
        LOST_IN_CAPTURE("lost-in-capture"),
        /** Holes in the stream that no ACK in the capture covers: not known whether they arrived. */
        LOST_UNACKNOWLEDGED("lost-unacknowledged"),
        /** The connection was reset and the sender never sent its FIN: it was cut short. */
        CONNECTION_RESET("connection-reset"),
        /** The sender closed (FIN) after fewer bytes than announced. */
        CLOSED_EARLY("closed-early"),
        /** More bytes than the announced size. */
        SIZE_MISMATCH("size-mismatch"),
        /** The snapshot length cut the data frames. */
        SNAPLEN("snaplen"),
        /** The server's final reply reports a failure (426, 451, 425 …). */
        SERVER_REPORTED_FAILURE("server-reported-failure"),
        /** No final reply to the transfer command is in the capture. */
        NO_FINAL_REPLY("no-final-reply"),
        /** The final reply is a positive code the command cannot get (RFC 959 §5.4), e.g. 225 to RETR. */
        UNEXPECTED_REPLY("unexpected-reply"),
        /** TLS-protected data (PROT P) that the key log did not open: the bytes are there, their plaintext is not. */
        NOT_DECRYPTED("not-decrypted"),
        /**
         * TLS-protected data (PROT P) after bytes missing from the capture: record boundaries after
         * the hole are unknown, so the records after it cannot be opened whatever the key log holds.
         */
        TLS_RECORDS_LOST("tls-records-lost");

        private final String id;

        Cause(String id) { this.id = id; }

        public String id() { return id; }
    }
}

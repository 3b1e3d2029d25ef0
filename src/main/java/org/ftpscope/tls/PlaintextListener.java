package org.ftpscope.tls;

import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.TcpStream;

/** Receives decrypted application data, per direction in stream order. */
public interface PlaintextListener {
    /**
     * One decrypted application-data record's plaintext.
     *
     * @param firstFrame frame that carried the record's first byte
     * @param lastFrame  frame that completed the record (where Wireshark shows the decrypted data)
     */
    void plaintext(TcpStream s, Direction d, int firstFrame, int lastFrame, byte[] data);

    /**
     * Cleartext after TLS ended in this direction (FTP {@code CCC}: after the close_notify the
     * control connection continues unprotected). Delivered with or without keys.
     */
    default void cleartext(TcpStream s, Direction d, int frame, byte[] data) {}

    /** Decryption of this direction stopped here; later application data of it will not be delivered. */
    default void lost(TcpStream s, Direction d, int frame, String reason) {}

    /**
     * Every record of the direction once it was read (and opened, when a key fits): for views that
     * name records as Wireshark does. Called after {@link #plaintext} for the same record.
     */
    default void record(TcpStream s, TlsRecordView r) {}
}

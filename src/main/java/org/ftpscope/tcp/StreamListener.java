package org.ftpscope.tcp;

import org.ftpscope.decode.PacketInfo;

/** Receives reassembly events in capture order. */
public interface StreamListener {
    /** The first frame of a new stream (a SYN, or the first frame seen of a connection already open). */
    default void streamOpened(TcpStream s, int frame) {}

    /** Every TCP frame of the stream, after the stream's state was updated with it. */
    default void segment(TcpStream s, Direction d, int frame, PacketInfo p) {}

    /**
     * In-order payload: each stream byte exactly once. {@code frame} supplied these bytes;
     * {@code buf} is valid only during the call.
     */
    default void data(TcpStream s, Direction d, int frame, byte[] buf, int off, int len) {}

    /** Bytes really missing from the capture at this point of the stream. */
    default void gap(TcpStream s, Direction d, long length, int frame) {}

    /** After FIN in both directions or RST, or at the end of the capture. */
    default void streamClosed(TcpStream s) {}
}

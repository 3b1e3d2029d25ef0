package org.ftpscope.decode.link;

import org.ftpscope.decode.DetailNode;
import org.ftpscope.decode.PacketInfo;

import java.util.List;

/**
 * One link type (a LINKTYPE_ value, tcpdump.org/linktypes.html): how its header is read on the
 * analysis pass and shown in the detail tree. Each is listed once in {@link LinkLayers#ALL}.
 */
public interface LinkLayer {
    /** The LINKTYPE_ number (pcap's header, pcapng's interface block). */
    int linkType();

    /** The name tcpdump and Wireshark give it ({@code EN10MB}, {@code LINUX_SLL2}). */
    String name();

    /**
     * The fast path, once per frame of the capture, so it allocates nothing: reads the link header of
     * {@code buf[off..off+len)}, sets {@link PacketInfo#etherType} (and what else of the link it knows)
     * and returns the length of the link header, where the network layer starts; or -1 with
     * {@link PacketInfo#malformed} set when the header is cut short.
     */
    int decode(byte[] buf, int off, int len, PacketInfo out);

    /**
     * Adds the link layer's nodes, with their byte ranges and declared fields, to a frame's detail
     * tree, and its protocol names (as in {@code frame.protocols}) to {@code protocols}.
     *
     * @param frame the whole frame from its first byte
     * @param p     {@code frame} as {@link #decode} read it
     */
    void dissect(DetailNode.Builder root, byte[] frame, PacketInfo p, List<String> protocols);

    /** The packet list's Source ({@code source}) or Destination of a frame without IP: a MAC address, or "". */
    default String address(byte[] frame, boolean source) { return ""; }

    /** Whether the frame is sent to a group (broadcast or multicast) link address: Wireshark's Broadcast colour. */
    default boolean groupAddressed(byte[] frame) { return false; }
}

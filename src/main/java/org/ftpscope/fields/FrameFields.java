package org.ftpscope.fields;

import java.util.List;

import static org.ftpscope.fields.FieldType.*;

/** The frame pseudo-protocol: what the capture file says about a frame. */
public final class FrameFields {
    private static final FieldGroup G = FieldGroup.protocol("frame", "Frame");
    public static final FieldDef FRAME = G.protocol();
    public static final FieldDef ENCAP_TYPE = G.field("frame.encap_type", UINT, "Encapsulation type", "The capture's link type (pcap LINKTYPE number)");
    public static final FieldDef TIME = G.field("frame.time", NONE, "Arrival Time", "Arrival time in UTC; ftpscope tests it for presence only");
    public static final FieldDef TIME_EPOCH = G.field("frame.time_epoch", NONE, "Epoch Time", "Arrival time in seconds since 1970; ftpscope tests it for presence only");
    public static final FieldDef TIME_RELATIVE = G.field("frame.time_relative", DOUBLE, "Time since reference or first frame");
    public static final FieldDef NUMBER = G.field("frame.number", UINT, "Frame Number");
    public static final FieldDef LEN = G.field("frame.len", UINT, "Frame Length", "Bytes on the wire");
    public static final FieldDef CAP_LEN = G.field("frame.cap_len", UINT, "Capture Length", "Bytes captured (less than frame.len when the snap length cut the frame)");
    public static final FieldDef PROTOCOLS = G.field("frame.protocols", STRING, "Protocols in frame", "The protocols of the frame, outermost first, joined by ':'");

    private FrameFields() {}

    public static List<FieldDef> all() { return G.all(); }
}

package org.ftpscope.fields;

import java.util.List;

import static org.ftpscope.fields.FieldType.*;

/** Wireshark's expert fields for frames that could not be fully decoded. */
public final class ExpertFields {
    private static final FieldGroup G = FieldGroup.expert("_ws");
    public static final FieldDef MALFORMED = G.field("_ws.malformed", NONE, "Malformed Packet", "Bytes that contradict their header, or a dissector that failed");
    public static final FieldDef SHORT = G.field("_ws.short", NONE, "Packet size limited during capture", "The snap length cut the payload");

    private ExpertFields() {}

    public static List<FieldDef> all() { return G.all(); }
}

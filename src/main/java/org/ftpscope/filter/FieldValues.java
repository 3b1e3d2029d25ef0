package org.ftpscope.filter;

import org.ftpscope.fields.FieldDef;

import java.util.List;

/** Gives a filter the values of a field for the frame being tested (empty: the field is absent). */
@FunctionalInterface
public interface FieldValues {
    /**
     * Longs for UINT/BOOL, {@link org.ftpscope.decode.IpAddr} for IP, lower-case colon hex for ETHER,
     * String, Double; a PROTOCOL's or NONE field's presence as [1].
     */
    List<Object> values(FieldDef field);
}

package org.ftpscope.filter;

import java.util.List;

/** Gives a filter the values of a field for the frame being tested (empty: the field is absent). */
@FunctionalInterface
public interface FieldValues {
    /** Longs for UINT/BOOL, {@link org.ftpscope.decode.IpAddr} for IP, String, Double; or a PROTOCOL's presence as [1]. */
    List<Object> values(Field field);
}

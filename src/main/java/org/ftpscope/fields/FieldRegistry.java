package org.ftpscope.fields;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every field ftpscope knows, from the declaration classes listed here: the detail tree, the
 * display filter, its completion and "Apply as Filter" all read this one list.
 */
public final class FieldRegistry {
    private static final Map<String, FieldDef> BY_NAME = new LinkedHashMap<>();

    static {
        List<List<FieldDef>> groups = new ArrayList<>();
        groups.add(FrameFields.all());
        groups.addAll(LinkFields.all());
        groups.addAll(IpFields.all());
        groups.addAll(TcpFields.all());
        groups.add(FtpFields.all());
        groups.add(FtpDataFields.all());
        groups.add(ExpertFields.all());
        for (List<FieldDef> g : groups) {
            for (FieldDef f : g) {
                if (BY_NAME.putIfAbsent(f.name(), f) != null) throw new IllegalStateException("field declared twice: " + f.name());
            }
        }
    }

    private FieldRegistry() {}

    /** The field of that filter name (as typed: case-insensitive), or null. */
    public static FieldDef get(String name) { return name == null ? null : BY_NAME.get(name.toLowerCase(java.util.Locale.ROOT)); }

    /** All fields, protocol by protocol, in declaration order. */
    public static List<FieldDef> all() { return Collections.unmodifiableList(new ArrayList<>(BY_NAME.values())); }
}

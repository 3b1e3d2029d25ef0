package org.ftpscope.fields;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The fields of one protocol in declaration order. Each declaration class makes one and declares
 * every field once through it, so a field cannot be declared without being registered.
 */
public final class FieldGroup {
    private final String prefix;
    private final FieldDef protocol;
    private final List<FieldDef> fields = new ArrayList<>();

    private FieldGroup(String prefix, FieldDef protocol) {
        this.prefix = prefix;
        this.protocol = protocol;
        if (protocol != null) fields.add(protocol);
    }

    /** A protocol's group: the protocol itself is its first field ({@code tcp}, "Transmission Control Protocol"). */
    public static FieldGroup protocol(String name, String label) {
        return new FieldGroup(name, new FieldDef(name, label, FieldType.PROTOCOL, label, null));
    }

    /** Fields under a prefix that is no protocol of its own ({@code _ws.malformed}). */
    public static FieldGroup expert(String prefix) { return new FieldGroup(prefix, null); }

    public FieldDef protocol() {
        if (protocol == null) throw new IllegalStateException(prefix + " is not a protocol");
        return protocol;
    }

    public FieldDef field(String name, FieldType type, String label) { return field(name, type, label, label); }

    public FieldDef field(String name, FieldType type, String label, String description) {
        if (!name.startsWith(prefix + ".")) throw new IllegalArgumentException(name + " is not under " + prefix);
        FieldDef f = new FieldDef(name, label, type, description, protocol);
        fields.add(f);
        return f;
    }

    public List<FieldDef> all() { return Collections.unmodifiableList(fields); }
}

package org.ftpscope.filter;

import org.ftpscope.decode.DetailNode;
import org.ftpscope.decode.IpAddr;
import org.ftpscope.fields.FieldDef;
import org.ftpscope.fields.FieldType;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A frame's detail tree read as filter values: every field node's value, typed as its declaration says. */
public final class TreeValues {
    private TreeValues() {}

    /** Each field of the tree with its values in tree order ([1] for a field without value). */
    public static Map<FieldDef, List<Object>> of(DetailNode root) {
        Map<FieldDef, List<Object>> out = new IdentityHashMap<>();
        root.walk(n -> {
            if (n.def() == null) return;
            Object v = value(n.def(), n.value());
            if (v == null) return;
            out.computeIfAbsent(n.def(), k -> new ArrayList<>(1)).add(v);
        });
        return out;
    }

    /**
     * A node's value as the filter compares it: Long, {@link IpAddr}, lower-case colon hex, String
     * or Double; 1 for a field tested for presence only; null when the text is not of the field's
     * type (then only a test the tree walk makes over every sample shows it).
     */
    public static Object value(FieldDef f, String text) {
        FieldType t = f.type();
        if (!t.hasValue()) return 1L;
        // A flag heading shown only when set (tcp.analysis.flags) carries no text of its own.
        if (text == null) return t == FieldType.BOOL ? 1L : null;
        try {
            return switch (t) {
                case UINT, BOOL -> text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
                case IP -> IpAddr.parse(text);
                case ETHER -> text.toLowerCase(Locale.ROOT);
                case STRING -> text;
                case DOUBLE -> Double.parseDouble(text);
                default -> null;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

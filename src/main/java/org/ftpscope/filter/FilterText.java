package org.ftpscope.filter;

import org.ftpscope.decode.DetailNode;

/** The display filter that selects a tree node's field and value: what "Apply as Filter" writes. */
public final class FilterText {
    private FilterText() {}

    /** {@code tcp.dstport == 21}, or the bare field name for a field without value; null for a text-only line. */
    public static String of(DetailNode n) {
        if (n.def() == null) return null;
        // A label (tcp.analysis.retransmission) is tested for presence only, as Wireshark writes it.
        if (n.value() == null || !n.def().type().hasValue() || WiresharkTypes.label(n.def())) return n.def().name();
        return n.def().name() + " == " + quoteIfNeeded(n.value());
    }

    /**
     * A value as a filter literal: bare when it is one token, else quoted with {@code \} and {@code "} escaped
     * (so is text the filter would read otherwise: a keyword such as {@code and}, a field name such as {@code ftp},
     * text holding {@code ..}, a range).
     */
    public static String quoteIfNeeded(String v) {
        boolean bare = v.matches("[0-9A-Za-z.:_-]+") && !v.contains("..") && !DisplayFilter.KEYWORDS.contains(v)
                && org.ftpscope.fields.FieldRegistry.get(v) == null;
        return bare ? v : "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

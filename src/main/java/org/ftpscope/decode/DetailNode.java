package org.ftpscope.decode;

import org.ftpscope.fields.FieldDef;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * One line of a frame's detail tree, as in Wireshark's packet details pane.
 *
 * @param label    what the user reads, e.g. {@code Destination Port: 21}
 * @param def      the declared field ({@code tcp.dstport}, from {@link org.ftpscope.fields.FieldRegistry}),
 *                 or null for text-only lines
 * @param value    the field's value as a display filter would compare it ({@code 21}), or null for
 *                 fields tested for presence only
 * @param offset   first byte of the frame this node covers, or -1 for none (generated fields)
 * @param length   number of bytes covered (0 with offset -1)
 */
public record DetailNode(String label, FieldDef def, String value, int offset, int length,
                         List<DetailNode> children) {

    public DetailNode {
        children = List.copyOf(children);
    }

    /** The filter name of the node's field, or null for text-only lines. */
    public String field() { return def == null ? null : def.name(); }

    public boolean hasBytes() { return offset >= 0 && length > 0; }

    /** The deepest node whose byte range contains {@code byteOffset}, or null. */
    public DetailNode nodeAt(int byteOffset) {
        for (DetailNode c : children) {
            DetailNode hit = c.nodeAt(byteOffset);
            if (hit != null) return hit;
        }
        return hasBytes() && byteOffset >= offset && byteOffset < offset + length ? this : null;
    }

    /** Depth-first search by field name; null if absent. */
    public DetailNode find(String fieldName) {
        if (def != null && fieldName.equals(def.name())) return this;
        for (DetailNode c : children) {
            DetailNode hit = c.find(fieldName);
            if (hit != null) return hit;
        }
        return null;
    }

    public void walk(Consumer<DetailNode> visitor) {
        visitor.accept(this);
        for (DetailNode c : children) c.walk(visitor);
    }

    /** Indented text, one node a line, as {@code ftpscope tree} prints it. */
    public String toIndentedText() {
        StringBuilder sb = new StringBuilder();
        append(sb, 0);
        return sb.toString();
    }

    private void append(StringBuilder sb, int depth) {
        sb.append("    ".repeat(depth)).append(label).append('\n');
        for (DetailNode c : children) c.append(sb, depth + 1);
    }

    public static Builder builder(String label, FieldDef def, String value, int offset, int length) {
        return new Builder(label, def, value, offset, length);
    }

    /** Mutable while a dissector adds children; {@link #build()} freezes it. */
    public static final class Builder {
        private String label;
        private final FieldDef def;
        private String value;
        private final int offset;
        private final int length;
        private final List<Builder> children = new ArrayList<>();

        private Builder(String label, FieldDef def, String value, int offset, int length) {
            this.label = label;
            this.def = def;
            this.value = value;
            this.offset = offset;
            this.length = length;
        }

        /** Adds a child and returns it, so subtrees can be filled in. */
        public Builder add(String label, FieldDef def, String value, int offset, int length) {
            Builder b = new Builder(label, def, value, offset, length);
            children.add(b);
            return b;
        }

        /** Replaces the label, for summary lines known only after the children were decoded. */
        public void relabel(String newLabel) { this.label = newLabel; }

        /** Replaces label and value. */
        public void relabel(String newLabel, String newValue) {
            this.label = newLabel;
            this.value = newValue;
        }

        /** Adds a text-only child with no field and no bytes (e.g. an expert-info line). */
        public Builder addText(String label) { return add(label, null, null, -1, 0); }

        /** The field this node carries, or null. */
        public FieldDef def() { return def; }

        public List<Builder> children() { return Collections.unmodifiableList(children); }

        public DetailNode build() {
            List<DetailNode> built = new ArrayList<>(children.size());
            for (Builder c : children) built.add(c.build());
            return new DetailNode(label, def, value, offset, length, built);
        }
    }
}

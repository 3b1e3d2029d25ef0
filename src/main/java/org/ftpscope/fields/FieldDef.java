package org.ftpscope.fields;

/**
 * One declared field, as Wireshark's {@code hf_register_info}: the detail tree attaches values to
 * it, the display filter and "Apply as Filter" name it.
 *
 * @param name        the filter name ({@code tcp.srcport}), unique in {@link FieldRegistry}
 * @param label       what the tree and the filter bar's completion call it
 * @param type        how values are read and compared
 * @param description one sentence for users where the label is not enough (else the label)
 * @param protocol    the protocol field this field belongs to, or null for a protocol itself and
 *                    for expert fields ({@code _ws.*})
 */
public record FieldDef(String name, String label, FieldType type, String description, FieldDef protocol) {
    public FieldDef {
        if (name == null || name.isBlank() || label == null || type == null || description == null) {
            throw new IllegalArgumentException("incomplete field declaration: " + name);
        }
    }

    @Override
    public String toString() { return name; }
}

package org.ftpscope.filter;

/** A display-filter field: stable name (as Wireshark's), type and label. */
public record Field(String name, FieldType type, String label) {}

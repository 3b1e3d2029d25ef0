package org.ftpscope.fields;

/** What a field holds, which decides how its tree value and a filter's literal are read and compared. */
public enum FieldType {
    /** A protocol's subtree: tested for presence only. */
    PROTOCOL,
    /** A line with no value of its own (an option's heading, a payload): tested for presence only. */
    NONE,
    /** An unsigned number, written decimal or {@code 0x} hex. */
    UINT,
    /** 0 or 1. */
    BOOL,
    /** An IPv4 or IPv6 address; a filter may give a /prefix. */
    IP,
    /** A MAC (or other link-layer) address, colon-separated hex bytes. */
    ETHER,
    STRING,
    DOUBLE;

    /** Whether a filter may compare the field with a value ({@code ==}, {@code <} …) rather than only test it. */
    public boolean hasValue() { return this != PROTOCOL && this != NONE; }
}

package org.ftpscope.filter;

/** What a display-filter field holds, which decides how literals are read and compared. */
public enum FieldType { PROTOCOL, UINT, BOOL, IP, STRING, DOUBLE }

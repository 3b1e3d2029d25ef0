package org.ftpscope.ftp;

public enum Severity {
    INFO, WARNING, ERROR;

    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
}

package org.ftpscope.ftp.model;

public enum Severity {
    INFO, WARNING, ERROR;

    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
}

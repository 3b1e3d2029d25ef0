package org.ftpscope.ftp.model;

public enum LoginOutcome {
    SUCCEEDED, FAILED, NONE;

    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
}

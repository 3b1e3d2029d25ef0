package org.ftpscope.ftp;

public enum LoginOutcome {
    SUCCEEDED, FAILED, NONE;

    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
}

package org.ftpscope.ftp.model;

public enum Outcome {
    OK, FAILED, UNKNOWN;

    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
}

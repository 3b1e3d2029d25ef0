package org.ftpscope.ftp;

public enum Outcome {
    OK, FAILED, UNKNOWN;

    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
}

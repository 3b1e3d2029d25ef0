package org.ftpscope.ftp.model;

/**
 * What the server's replies say of the login: {@code NONE} when every byte the server sent is in the
 * capture and none of it is a 230 or 530; {@code UNKNOWN} when neither was seen but some of the
 * server's bytes are not in the capture (lost, or cut by the snaplen), so the answer may be there.
 */
public enum LoginOutcome {
    SUCCEEDED, FAILED, NONE, UNKNOWN;

    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
}

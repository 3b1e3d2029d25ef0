package org.ftpscope.ftp.model;

/** Whether a control line is whole, and if not, why its end is not in the capture. */
public enum LineCut {
    NONE(null),
    /** The frame holding the line was cut by the capture's snapshot length. */
    SNAPLEN("cut by the snaplen"),
    /** The rest of the line is in bytes missing from the capture (a lost segment). */
    LOST("the rest of the line is not in the capture");

    private final String label;

    LineCut(String label) { this.label = label; }

    /** Words for the user, null for a whole line. */
    public String label() { return label; }

    public boolean cut() { return this != NONE; }
}

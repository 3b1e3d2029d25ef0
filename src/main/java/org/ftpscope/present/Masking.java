package org.ftpscope.present;

/**
 * Whether passwords appear in what is shown: decided once (a report's selection, the app's story)
 * and applied here, so no format masks or unmasks text on its own.
 */
public enum Masking {
    MASKED, SHOWN;

    /** What stands for a password that is not shown. */
    public static final String MASK = "********";

    /** A password as shown; null stays null (no PASS seen). */
    public String password(String password) {
        return password == null || this == SHOWN ? password : MASK;
    }

    /** A command's argument as shown: PASS arguments are passwords, every other argument is itself. */
    public String argument(String command, String arg) {
        return command != null && command.equalsIgnoreCase("PASS") ? password(arg) : arg;
    }
}

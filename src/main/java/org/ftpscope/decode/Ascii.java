package org.ftpscope.decode;

/**
 * Digits as protocols mean them: ASCII only. {@link Character#isDigit}, {@link Integer#parseInt}
 * and {@link Character#digit} also take Arabic-Indic, full-width and other Unicode digits, so
 * "٢١" would parse as 21 from a capture's text.
 */
public final class Ascii {
    private Ascii() {}

    public static boolean isDigit(int c) { return c >= '0' && c <= '9'; }

    public static boolean isHexDigit(int c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

    /** Non-empty and ASCII digits only. */
    public static boolean allDigits(CharSequence s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (!isDigit(s.charAt(i))) return false;
        return true;
    }

    /** The value of a non-empty run of ASCII digits; NumberFormatException otherwise or on overflow. */
    public static long parseLong(String s) {
        if (!allDigits(s)) throw new NumberFormatException("not ASCII digits: \"" + SafeText.forTerminal(s) + "\"");
        return Long.parseLong(s);
    }

    /** The same as an int. */
    public static int parseInt(String s) {
        if (!allDigits(s)) throw new NumberFormatException("not ASCII digits: \"" + SafeText.forTerminal(s) + "\"");
        return Integer.parseInt(s);
    }
}

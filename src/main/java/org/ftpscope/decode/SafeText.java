package org.ftpscope.decode;

/**
 * Text from a capture made safe to print on a terminal: a capture can hold ESC, OSC or C1 CSI
 * sequences that would recolour, retitle or rewrite the user's terminal, or bidi overrides that
 * reorder what is shown. Each such character becomes a visible escape written as tshark writes
 * them ({@code \033}, {@code \a}, <code>&#92;u009B</code>); everything else, tabs included, is left as it is.
 */
public final class SafeText {
    private SafeText() {}

    /** {@code s} with C0 controls but tab, DEL, C1 controls and bidi controls escaped. */
    public static String forTerminal(String s) {
        if (s == null) return null;
        int i = 0, n = s.length();
        while (i < n && !unsafe(s.charAt(i))) i++;
        if (i == n) return s;
        StringBuilder sb = new StringBuilder(n + 16).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (!unsafe(c)) sb.append(c);
            else if (c >= 0x80) sb.append(String.format("\\u%04X", (int) c));
            else {
                int k = "\u0007\b\n\u000b\f\r".indexOf(c);
                if (k >= 0) sb.append('\\').append("abnvfr".charAt(k));
                else sb.append(String.format("\\%03o", (int) c));
            }
        }
        return sb.toString();
    }

    /** Controls a terminal acts on, and the bidi controls (Unicode's "Trojan Source" set, LRM/RLM/ALM, line separators). */
    public static boolean unsafe(int c) {
        if (c < 0x20) return c != '\t';
        if (c < 0x7f) return false;
        return c <= 0x9f || c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x2028 && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
    }
}

package org.ftpscope.decode;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Capture text on a terminal: controls become tshark's escapes, other text stays as it is. */
class SafeTextTest {
    @Test
    void controlsBecomeVisibleEscapesAsTsharkWritesThem() {
        assertEquals("hi \\033]0;pwned\\a", SafeText.forTerminal("hi \u001b]0;pwned\u0007"));
        assertEquals("\\033[2J", SafeText.forTerminal("\u001b[2J"));
        assertEquals("\\u009B31m", SafeText.forTerminal("\u009b31m"));
        assertEquals("red\\u202Egnp.exe", SafeText.forTerminal("red\u202egnp.exe"));
        assertEquals("\\u2066x\\u2069", SafeText.forTerminal("\u2066x\u2069"));
        assertEquals("a\\r\\nb\\000\\177\\b\\v\\f", SafeText.forTerminal("a\r\nb\u0000\u007f\b\u000b\f"));
    }

    @Test
    void printableTextAndTabsAreLeftAlone() {
        String s = "1\t0.000\tRETR é/日本/\uD83D\uDE00 \\033 (a backslash stays)";
        assertSame(s, SafeText.forTerminal(s));
        assertEquals("\u00a0", SafeText.forTerminal("\u00a0"));
    }

    @Test
    void digitsAreAsciiOnly() {
        assertEquals(21, Ascii.parseInt("21"));
        for (String s : new String[] {"\u0662\u0661", "\uff12\uff11", "+21", "-1", ""}) {
            org.junit.jupiter.api.Assertions.assertThrows(NumberFormatException.class, () -> Ascii.parseInt(s), s);
        }
        assertEquals(null, IpAddr.parse("\u0661\u0662\u0667.0.0.1"));
        assertEquals(null, IpAddr.parse("fe80::\uff11"));
        assertEquals("127.0.0.1", IpAddr.parse("127.0.0.1").toString());
    }
}

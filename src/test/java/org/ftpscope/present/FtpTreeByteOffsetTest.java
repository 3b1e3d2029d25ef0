package org.ftpscope.present;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link FtpTree#byteOffset}: where the first chars of a decoded line end in its bytes, whatever the bytes. */
class FtpTreeByteOffsetTest {

    @Test
    void theDecodedPrefixEndsThere() {
        byte[] latin1 = "Entr\u00e9e (1,2,3,4,5,6)".getBytes(StandardCharsets.ISO_8859_1);
        String text = new String(latin1, StandardCharsets.UTF_8);
        assertEquals("Entr\ufffde (1,2,3,4,5,6)", text);
        assertEquals(7, FtpTree.byteOffset(latin1, 0, latin1.length, text, 7), "one byte for its U+FFFD");
        byte[] utf8 = "caf\u00e9 \uD83D\uDE00 x".getBytes(StandardCharsets.UTF_8);
        String t2 = new String(utf8, StandardCharsets.UTF_8);
        assertEquals(5, FtpTree.byteOffset(utf8, 0, utf8.length, t2, 4), "é is two bytes");
        assertEquals(10, FtpTree.byteOffset(utf8, 0, utf8.length, t2, 7), "the emoji is two chars of four bytes");
        // Any bytes: the bytes up to the offset decode to exactly the first chars.
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[r.nextInt(1, 24)];
            for (int j = 0; j < b.length; j++) b[j] = (byte) (r.nextBoolean() ? r.nextInt(0x20, 0x7f) : r.nextInt(256));
            String s = new String(b, StandardCharsets.UTF_8);
            int chars = r.nextInt(0, s.length() + 1);
            if (chars > 0 && chars < s.length() && Character.isLowSurrogate(s.charAt(chars))) chars++;
            int at = FtpTree.byteOffset(b, 0, b.length, s, chars);
            assertEquals(s.substring(0, chars), new String(b, 0, at, StandardCharsets.UTF_8), "bytes " + java.util.HexFormat.of().formatHex(b));
        }
    }
}

package org.ftpscope.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** File names for extracted objects never leave the folder, whatever the FTP path says. */
class SafeNamesTest {
    @Test
    void onlyTheLastComponentSurvives() {
        assertEquals("passwd", SafeNames.fileName("../../etc/passwd", "x"));
        assertEquals("passwd", SafeNames.fileName("/etc/passwd", "x"));
        assertEquals("win.ini", SafeNames.fileName("..\\..\\win.ini", "x"));
        assertEquals("x", SafeNames.fileName("..", "x"));
        assertEquals("x", SafeNames.fileName("", "x"));
        assertEquals("x", SafeNames.fileName("dir/", "x"));
    }

    @Test
    void dangerousCharactersAndNamesAreNeutralised() {
        assertEquals("a_b", SafeNames.fileName("a\u0000b", "x"));
        assertEquals("_img src=x onerror=alert(1)_.txt", SafeNames.fileName("<img src=x onerror=alert(1)>.txt", "x"));
        assertEquals("_CON", SafeNames.fileName("CON", "x"));
        assertEquals("_nul.txt", SafeNames.fileName("nul.txt", "x"));
        assertEquals("_.bashrc", SafeNames.fileName(".bashrc", "x"));
        assertEquals("trailing", SafeNames.fileName("trailing. . ", "x"));
        String longName = SafeNames.fileName("a".repeat(300) + ".txt", "x");
        assertEquals(SafeNames.MAX_LENGTH, longName.length());
        assertEquals(".txt", longName.substring(longName.length() - 4));
    }

    @Test
    void targetsStayInsideAndNeverOverwrite(@TempDir Path dir) throws Exception {
        Path first = SafeNames.target(dir, "file.txt", false);
        assertEquals(dir.toAbsolutePath().normalize().resolve("file.txt"), first);
        Files.writeString(first, "x");
        assertEquals(dir.toAbsolutePath().normalize().resolve("file (2).txt"), SafeNames.target(dir, "file.txt", false));
        assertEquals(first, SafeNames.target(dir, "file.txt", true));
        assertThrows(IllegalArgumentException.class, () -> SafeNames.target(dir, "../escape.txt", false));
    }

    @Test
    void namesFitInTwoHundredUtf8BytesAndShowNoControls() {
        // 100 emoji are 400 bytes of UTF-8: file systems refuse names over 255 bytes.
        String emoji = "\uD83D\uDE00";
        String cut = SafeNames.fileName(emoji.repeat(100) + ".bin", "x");
        assertEquals(emoji.repeat(49) + ".bin", cut);
        assertEquals(200, cut.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertEquals(SafeNames.MAX_BYTES, 200);
        // C1 CSI and a right-to-left override (which shows "gnp.exe" as "exe.png") become _.
        assertEquals("c1_31mred_gnp.exe", SafeNames.fileName("c1\u009b31mred\u202egnp.exe", "x"));
        assertEquals("a_b", SafeNames.fileName("a\tb", "x"));
    }

    @Test
    void aDanglingSymlinkIsATakenName(@TempDir Path dir) throws Exception {
        Files.createSymbolicLink(dir.resolve("f.txt"), dir.resolve("nowhere"));
        assertEquals(dir.toAbsolutePath().normalize().resolve("f (2).txt"), SafeNames.target(dir, "f.txt", false));
        assertEquals(dir.toAbsolutePath().normalize().resolve("f.txt"), SafeNames.target(dir, "f.txt", true));
    }
}

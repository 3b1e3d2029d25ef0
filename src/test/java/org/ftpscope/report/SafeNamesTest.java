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
}

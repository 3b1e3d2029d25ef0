package org.ftpscope.report;

import org.ftpscope.decode.SafeText;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * File names for extracted objects, derived from FTP paths that come from untrusted captures:
 * only the last path component survives, and never a name that could leave the target folder,
 * hide itself, or mean a device on Windows.
 */
public final class SafeNames {
    static final int MAX_LENGTH = 120;
    /**
     * Longest name in UTF-8 bytes: file systems refuse more than 255, and {@link #target} may add
     * " (NNNNN)" to make it unique.
     */
    static final int MAX_BYTES = 200;
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4",
            "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private SafeNames() {}

    /** A safe file name (no folder part) for the FTP path, {@code fallback} if nothing usable is left. */
    public static String fileName(String ftpPath, String fallback) {
        String p = ftpPath == null ? "" : ftpPath;
        int cut = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
        String base = cut >= 0 ? p.substring(cut + 1) : p;
        StringBuilder sb = new StringBuilder();
        base.codePoints().forEach(c -> {
            // SafeText.unsafe: C1 controls and bidi overrides too (a U+202E name shows "gnp.exe" as "exe.png").
            if (c == '\t' || SafeText.unsafe(c) || "<>:\"/\\|?*".indexOf(c) >= 0 || c == 0xFFFD) sb.append('_');
            else sb.appendCodePoint(c);
        });
        String name = sb.toString().strip();
        while (name.endsWith(".") || name.endsWith(" ")) name = name.substring(0, name.length() - 1);
        if (name.startsWith(".")) name = "_" + name;
        String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (RESERVED.contains(stem.toUpperCase(Locale.ROOT))) name = "_" + name;
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH - ext.length())) + ext;
        }
        if (utf8Length(name) > MAX_BYTES) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            String head = name.substring(0, name.length() - ext.length());
            int room = MAX_BYTES - utf8Length(ext), end = 0;
            for (int used = 0; end < head.length(); ) {
                int cp = head.codePointAt(end), bytes = utf8Length(new String(Character.toChars(cp)));
                if (used + bytes > room) break;
                used += bytes;
                end += Character.charCount(cp);
            }
            name = head.substring(0, end) + ext;
        }
        return name.isEmpty() ? fallback : name;
    }

    private static int utf8Length(String s) { return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length; }

    /**
     * A path inside {@code dir} for {@code name} that does not exist yet ({@code name (2).ext} …),
     * or exactly {@code dir/name} when overwriting is allowed. Always inside {@code dir}.
     */
    public static Path target(Path dir, String name, boolean overwrite) {
        Path base = dir.toAbsolutePath().normalize();
        Path p = base.resolve(name).normalize();
        if (!p.getParent().equals(base)) throw new IllegalArgumentException("unsafe name " + name);
        // NOFOLLOW_LINKS: a dangling symlink is a name taken too, replaced only with --force.
        if (overwrite || !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return p;
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name, ext = dot > 0 ? name.substring(dot) : "";
        for (int i = 2; ; i++) {
            Path q = base.resolve(stem + " (" + i + ")" + ext);
            if (!Files.exists(q, LinkOption.NOFOLLOW_LINKS)) return q;
        }
    }
}

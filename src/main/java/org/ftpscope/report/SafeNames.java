package org.ftpscope.report;

import java.nio.file.Files;
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
            if (c < 0x20 || c == 0x7f || "<>:\"/\\|?*".indexOf(c) >= 0 || c == 0xFFFD) sb.append('_');
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
        return name.isEmpty() ? fallback : name;
    }

    /**
     * A path inside {@code dir} for {@code name} that does not exist yet ({@code name (2).ext} …),
     * or exactly {@code dir/name} when overwriting is allowed. Always inside {@code dir}.
     */
    public static Path target(Path dir, String name, boolean overwrite) {
        Path base = dir.toAbsolutePath().normalize();
        Path p = base.resolve(name).normalize();
        if (!p.getParent().equals(base)) throw new IllegalArgumentException("unsafe name " + name);
        if (overwrite || !Files.exists(p)) return p;
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name, ext = dot > 0 ? name.substring(dot) : "";
        for (int i = 2; ; i++) {
            Path q = base.resolve(stem + " (" + i + ")" + ext);
            if (!Files.exists(q)) return q;
        }
    }
}

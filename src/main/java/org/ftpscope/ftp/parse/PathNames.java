package org.ftpscope.ftp.parse;

/** Lexical resolution of FTP paths against a working directory, as a Unix server does it. */
public final class PathNames {
    private PathNames() {}

    /** {@code arg} against {@code cwd}; relative when the working directory was never learned. */
    public static String resolve(String cwd, String arg) {
        if (arg == null || arg.isEmpty()) return cwd.isEmpty() ? "" : cwd;
        if (arg.startsWith("/")) return normalize(arg);
        if (cwd.isEmpty()) return arg;
        return normalize(cwd + "/" + arg);
    }

    public static String parent(String cwd) {
        if (cwd.isEmpty()) return "";
        return normalize(cwd + "/..");
    }

    /**
     * Drops empty and "." segments and applies ".." in one pass over the characters, without the
     * arrays and strings a split-and-join allocates for every command line.
     */
    static String normalize(String path) {
        StringBuilder out = new StringBuilder(path.length() + 1);
        int n = path.length();
        for (int i = 0; i <= n; ) {
            int end = path.indexOf('/', i);
            if (end < 0) end = n;
            int len = end - i;
            if (len == 2 && path.charAt(i) == '.' && path.charAt(i + 1) == '.') {
                out.setLength(Math.max(0, out.lastIndexOf("/")));
            } else if (len > 1 || len == 1 && path.charAt(i) != '.') {
                out.append('/').append(path, i, end);
            }
            i = end + 1;
        }
        return out.length() == 0 ? "/" : out.toString();
    }
}

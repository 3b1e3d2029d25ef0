package org.ftpscope.ftp;

import java.util.ArrayDeque;
import java.util.Deque;

/** Lexical resolution of FTP paths against a working directory, as a Unix server does it. */
final class PathNames {
    private PathNames() {}

    /** {@code arg} against {@code cwd}; relative when the working directory was never learned. */
    static String resolve(String cwd, String arg) {
        if (arg == null || arg.isEmpty()) return cwd.isEmpty() ? "" : cwd;
        if (arg.startsWith("/")) return normalize(arg);
        if (cwd.isEmpty()) return arg;
        return normalize(cwd + "/" + arg);
    }

    static String parent(String cwd) {
        if (cwd.isEmpty()) return "";
        return normalize(cwd + "/..");
    }

    static String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                if (!parts.isEmpty()) parts.removeLast();
                continue;
            }
            parts.addLast(p);
        }
        return "/" + String.join("/", parts);
    }
}

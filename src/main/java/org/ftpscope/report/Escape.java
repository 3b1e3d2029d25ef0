package org.ftpscope.report;

/** Escaping for text from captures: it goes into HTML, Markdown and CSV only through here. */
public final class Escape {
    private Escape() {}

    /** HTML text and attribute values: {@code & < > " '} and control characters. */
    public static String html(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') sb.append("&#xfffd;");
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    /**
     * Markdown inline text: every character Markdown or an embedded-HTML renderer could act on is
     * backslash-escaped or entity-encoded, and line breaks become spaces (a table row stays one row).
     */
    public static String markdown(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') sb.append("&lt;");
            else if (c == '>') sb.append("&gt;");
            else if (c == '&') sb.append("&amp;");
            else if (c == '\n' || c == '\r' || c == '\t') sb.append(' ');
            else if (c < 0x20) sb.append('\ufffd');
            else if ("\\`*_{}[]()#+-.!|~\"".indexOf(c) >= 0) sb.append('\\').append(c);
            else sb.append(c);
        }
        return sb.toString();
    }

    /** One CSV field (RFC 4180), with formula-looking cells neutralised for spreadsheets. */
    public static String csv(String s) {
        if (s == null) return "";
        String v = s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}

package org.ftpscope.ftp.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Zeek log in its TSV format (ftp.log, conn.log, notice.log, weird.log): the {@code #fields}
 * line names the columns, {@code -} is an unset field (here: null), {@code (empty)} an empty
 * one, and bytes outside printable ASCII are written {@code \xHH}.
 */
record ZeekLog(List<String> fields, List<Row> rows) {

    /** One line of the log; {@code number} counts data lines from 1, as the docs' table does. */
    record Row(int number, Map<String, String> values) {
        /** The field's value, null when unset ({@code -}). */
        String get(String field) {
            if (!values.containsKey(field)) throw new IllegalArgumentException("no field " + field + " in " + values.keySet());
            return values.get(field);
        }
    }

    static ZeekLog read(Path p) throws IOException {
        List<String> fields = null;
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            if (line.startsWith("#fields\t")) {
                fields = List.of(line.substring("#fields\t".length()).split("\t", -1));
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (fields == null) throw new IOException(p + ": a data line before the #fields line");
            String[] v = line.split("\t", -1);
            if (v.length != fields.size()) {
                throw new IOException(p + ": " + v.length + " values for " + fields.size() + " fields: " + Arrays.toString(v));
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < v.length; i++) m.put(fields.get(i), value(v[i]));
            rows.add(new Row(rows.size() + 1, m));
        }
        if (fields == null) throw new IOException(p + ": no #fields line");
        return new ZeekLog(fields, rows);
    }

    private static String value(String raw) {
        if (raw.equals("-")) return null;
        if (raw.equals("(empty)")) return "";
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 3 < raw.length() && raw.charAt(i + 1) == 'x') {
                sb.append((char) Integer.parseInt(raw.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}

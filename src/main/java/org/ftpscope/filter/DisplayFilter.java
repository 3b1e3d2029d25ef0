package org.ftpscope.filter;

import org.ftpscope.capture.Limit;
import org.ftpscope.decode.Ascii;
import org.ftpscope.decode.IpAddr;
import org.ftpscope.fields.FieldDef;
import org.ftpscope.fields.FieldRegistry;
import org.ftpscope.fields.FieldType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A compiled display filter: a useful subset of Wireshark's language — protocol names, fields,
 * {@code == != < > <= >= contains matches in {…}} (and {@code eq ne lt gt le ge}),
 * {@code and or not && || !}, parentheses, IP addresses with /prefix. As in Wireshark 4,
 * {@code a != b} means {@code !(a == b)}; multi-valued fields ({@code ip.addr}) match if any value does.
 */
public final class DisplayFilter {
    private final Node root;
    private final String text;

    private DisplayFilter(Node root, String text) {
        this.root = root;
        this.text = text;
    }

    /** The compiled filter, or why the text is not one. */
    public sealed interface Result {
        record Compiled(DisplayFilter filter) implements Result {}

        record Invalid(String message, int position) implements Result {}
    }

    public static Result compile(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) return new Result.Compiled(new DisplayFilter(v -> true, ""));
        try {
            Parser p = new Parser(tokenize(t));
            Node n = p.or();
            if (!p.atEnd()) throw new FilterError("unexpected \"" + p.peek().text + "\"", p.peek().pos);
            return new Result.Compiled(new DisplayFilter(n, t));
        } catch (FilterError e) {
            return new Result.Invalid(e.getMessage(), e.pos);
        }
    }

    public boolean matches(FieldValues frame) { return root.eval(frame); }

    public String text() { return text; }

    public boolean isEmpty() { return text.isEmpty(); }

    // ---- evaluation tree ----

    @FunctionalInterface
    private interface Node {
        boolean eval(FieldValues v);
    }

    private static final class FilterError extends RuntimeException {
        final int pos;

        FilterError(String m, int pos) {
            super(m);
            this.pos = pos;
        }
    }

    // ---- tokens ----

    private record Token(String text, int pos, boolean string) {}

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) { i++; continue; }
            int start = i;
            if (c == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        char e = s.charAt(++i);
                        sb.append(switch (e) { case 'n' -> '\n'; case 'r' -> '\r'; case 't' -> '\t'; default -> e; });
                    } else {
                        sb.append(s.charAt(i));
                    }
                    i++;
                }
                if (i >= s.length()) throw new FilterError("unterminated string", start);
                i++;
                out.add(new Token(sb.toString(), start, true));
            } else if ("()!{},".indexOf(c) >= 0) {
                if (c == '!' && i + 1 < s.length() && s.charAt(i + 1) == '=') {
                    out.add(new Token("!=", start, false));
                    i += 2;
                } else {
                    out.add(new Token(String.valueOf(c), start, false));
                    i++;
                }
            } else if ("=<>&|~".indexOf(c) >= 0) {
                while (i < s.length() && "=<>&|~".indexOf(s.charAt(i)) >= 0) i++;
                out.add(new Token(s.substring(start, i), start, false));
            } else {
                while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "()!{},=<>&|~\"".indexOf(s.charAt(i)) < 0) i++;
                // IPv6 literals may contain "::" – they never contain the operator characters above.
                out.add(new Token(s.substring(start, i), start, false));
            }
        }
        return out;
    }

    // ---- parser ----

    private static final class Parser {
        private static final int MAX_DEPTH = Limit.FILTER_DEPTH.intValue();
        private final List<Token> tokens;
        private int at;

        Parser(List<Token> tokens) { this.tokens = tokens; }

        boolean atEnd() { return at >= tokens.size(); }

        Token peek() { return tokens.get(at); }

        private boolean accept(String... words) {
            if (atEnd() || peek().string) return false;
            for (String w : words) {
                if (peek().text.equalsIgnoreCase(w)) {
                    at++;
                    return true;
                }
            }
            return false;
        }

        /** Parentheses open around the token being parsed; past FILTER_DEPTH the filter is refused. */
        private int depth;

        // Chains of || and && become one node over a list, evaluated in a loop, and a run of ! one
        // negation (or none): a 10,000-term filter costs no stack depth. Only parentheses nest.
        Node or() {
            List<Node> terms = new ArrayList<>();
            terms.add(and());
            while (accept("or", "||")) terms.add(and());
            if (terms.size() == 1) return terms.get(0);
            Node[] t = terms.toArray(Node[]::new);
            return v -> {
                for (Node n : t) if (n.eval(v)) return true;
                return false;
            };
        }

        Node and() {
            List<Node> terms = new ArrayList<>();
            terms.add(unary());
            while (accept("and", "&&")) terms.add(unary());
            if (terms.size() == 1) return terms.get(0);
            Node[] t = terms.toArray(Node[]::new);
            return v -> {
                for (Node n : t) if (!n.eval(v)) return false;
                return true;
            };
        }

        Node unary() {
            boolean negate = false;
            while (accept("not", "!")) negate = !negate;
            Node n = primary();
            if (!negate) return n;
            return v -> !n.eval(v);
        }

        Node primary() {
            if (atEnd()) throw new FilterError("the filter ends where a field or \"(\" was expected",
                    tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).pos + tokens.get(tokens.size() - 1).text.length());
            if (!peek().string && peek().text.equals("(")) {
                if (depth >= MAX_DEPTH) {
                    throw new FilterError("parentheses nest deeper than " + Limit.FILTER_DEPTH.label(), peek().pos);
                }
                at++;
                depth++;
                Node n = or();
                if (!accept(")")) throw new FilterError("missing \")\"", atEnd() ? endPos() : peek().pos);
                depth--;
                return n;
            }
            Token ft = tokens.get(at++);
            FieldDef f = ft.string ? null : FieldRegistry.get(ft.text);
            if (f == null) throw new FilterError("\"" + ft.text + "\" is neither a field nor a protocol name.", ft.pos);
            if (atEnd() || isJoiner(peek())) {
                return v -> !v.values(f).isEmpty() && (f.type() != FieldType.BOOL || v.values(f).stream().anyMatch(x -> (Long) x != 0));
            }
            Token op = tokens.get(at++);
            String o = op.text.toLowerCase(Locale.ROOT);
            if (f.type() == FieldType.PROTOCOL) throw new FilterError("\"" + f.name() + "\" is a protocol: it cannot be compared", op.pos);
            if (!f.type().hasValue()) throw new FilterError("\"" + f.name() + "\" has no value: test its presence only", op.pos);
            if (o.equals("in")) return in(f, op);
            if (atEnd()) throw new FilterError("a value is missing after \"" + op.text + "\"", endPos());
            Token val = tokens.get(at++);
            return compare(f, o, op, val);
        }

        private int endPos() {
            Token last = tokens.get(tokens.size() - 1);
            return last.pos + last.text.length();
        }

        private static boolean isJoiner(Token t) {
            if (t.string) return false;
            String s = t.text.toLowerCase(Locale.ROOT);
            return s.equals("and") || s.equals("or") || s.equals("&&") || s.equals("||") || s.equals(")");
        }

        private Node in(FieldDef f, Token op) {
            if (!accept("{")) throw new FilterError("\"in\" needs a set in braces, e.g. {20, 21, 40000..40100}", atEnd() ? endPos() : peek().pos);
            List<Node> alts = new ArrayList<>();
            while (!accept("}")) {
                if (atEnd()) throw new FilterError("missing \"}\"", endPos());
                if (accept(",")) continue;
                Token val = tokens.get(at++);
                int dots = val.text.indexOf("..");
                if (!val.string && f.type() == FieldType.UINT && dots > 0) {
                    long lo = number(new Token(val.text.substring(0, dots), val.pos, false));
                    long hi = number(new Token(val.text.substring(dots + 2), val.pos + dots + 2, false));
                    alts.add(v -> v.values(f).stream().anyMatch(x -> (Long) x >= lo && (Long) x <= hi));
                } else {
                    alts.add(compare(f, "==", op, val));
                }
            }
            return v -> {
                for (Node n : alts) if (n.eval(v)) return true;
                return false;
            };
        }

        private Node compare(FieldDef f, String o, Token opTok, Token val) {
            String op = switch (o) {
                case "==", "eq", "===" -> "==";
                case "!=", "ne", "!==" -> "!=";
                case "<", "lt" -> "<";
                case ">", "gt" -> ">";
                case "<=", "le" -> "<=";
                case ">=", "ge" -> ">=";
                case "contains" -> "contains";
                case "matches", "~" -> "matches";
                default -> throw new FilterError("\"" + opTok.text + "\" is not an operator", opTok.pos);
            };
            if (op.equals("!=")) {
                Node eq = compare(f, "==", opTok, val);
                return v -> !eq.eval(v);
            }
            switch (f.type()) {
                case UINT, BOOL -> {
                    if (op.equals("contains") || op.equals("matches")) {
                        throw new FilterError("\"" + f.name() + "\" is a number: \"" + op + "\" needs a text field", opTok.pos);
                    }
                    long n = f.type() == FieldType.BOOL ? bool(val) : number(val);
                    return v -> {
                        for (Object x : v.values(f)) if (cmp(Long.compare((Long) x, n), op)) return true;
                        return false;
                    };
                }
                case DOUBLE -> {
                    double d;
                    try {
                        d = Double.parseDouble(val.text);
                    } catch (NumberFormatException e) {
                        throw new FilterError("\"" + val.text + "\" is not a number", val.pos);
                    }
                    return v -> {
                        for (Object x : v.values(f)) if (cmp(Double.compare((Double) x, d), op)) return true;
                        return false;
                    };
                }
                case IP -> {
                    if (!op.equals("==")) throw new FilterError("addresses compare with == or != only", opTok.pos);
                    String s = val.text;
                    int slash = s.indexOf('/');
                    IpAddr a = IpAddr.parse(slash < 0 ? s : s.substring(0, slash));
                    if (a == null) throw new FilterError("\"" + s + "\" is not a valid IP address", val.pos);
                    int bits = a.v6() ? 128 : 32;
                    if (slash >= 0) {
                        try {
                            bits = Ascii.parseInt(s.substring(slash + 1));
                        } catch (NumberFormatException e) {
                            bits = -1;
                        }
                        if (bits < 0 || bits > (a.v6() ? 128 : 32)) throw new FilterError("bad prefix length in \"" + s + "\"", val.pos);
                    }
                    int prefix = bits;
                    return v -> {
                        for (Object x : v.values(f)) if (inPrefix((IpAddr) x, a, prefix)) return true;
                        return false;
                    };
                }
                case ETHER -> {
                    if (!op.equals("==")) throw new FilterError("link-layer addresses compare with == or != only", opTok.pos);
                    String s = val.text.toLowerCase(Locale.ROOT).replace('-', ':');
                    return v -> v.values(f).contains(s);
                }
                case STRING -> {
                    String s = val.text;
                    if (op.equals("matches")) {
                        // RE2, not java.util.regex: matching is linear in the text, whatever the pattern.
                        Pattern p;
                        try {
                            p = Pattern.compile(s, Pattern.CASE_INSENSITIVE);
                        } catch (PatternSyntaxException e) {
                            // RE2/J writes CASE_INSENSITIVE as a "(?i)" prefix into the part it quotes.
                            String part = e.getPattern() != null && e.getPattern().startsWith("(?i)") && !s.startsWith("(?i)")
                                    ? e.getPattern().substring(4) : e.getPattern();
                            throw new FilterError("bad regular expression: " + e.getDescription() + ": `" + part + "`"
                                    + (s.matches(".*(\\\\[1-9]|\\(\\?[=!<]).*") ? " (backreferences and lookaround are not supported)" : ""), val.pos);
                        }
                        return v -> v.values(f).stream().anyMatch(x -> p.matcher((String) x).find());
                    }
                    if (op.equals("contains")) return v -> v.values(f).stream().anyMatch(x -> ((String) x).contains(s));
                    return v -> {
                        for (Object x : v.values(f)) if (cmp(((String) x).compareTo(s), op)) return true;
                        return false;
                    };
                }
                default -> throw new FilterError("\"" + f.name() + "\" cannot be compared", opTok.pos);
            }
        }

        private static boolean cmp(int c, String op) {
            return switch (op) {
                case "==" -> c == 0;
                case "<" -> c < 0;
                case ">" -> c > 0;
                case "<=" -> c <= 0;
                case ">=" -> c >= 0;
                default -> false;
            };
        }

        private static long number(Token t) {
            try {
                String s = t.text.toLowerCase(Locale.ROOT);
                if (s.startsWith("0x")) {
                    if (!s.substring(2).chars().allMatch(Ascii::isHexDigit)) throw new NumberFormatException(s);
                    return Long.parseLong(s.substring(2), 16);
                }
                // Signed fields exist (tcp.window_size_scalefactor is -1 when unknown, as in Wireshark).
                return s.startsWith("-") ? -Ascii.parseLong(s.substring(1)) : Ascii.parseLong(s);
            } catch (NumberFormatException e) {
                throw new FilterError("\"" + t.text + "\" is not a valid number", t.pos);
            }
        }

        private static long bool(Token t) {
            return switch (t.text.toLowerCase(Locale.ROOT)) {
                case "1", "true" -> 1;
                case "0", "false" -> 0;
                default -> throw new FilterError("\"" + t.text + "\" is not a boolean (1, 0, true, false)", t.pos);
            };
        }
    }

    static boolean inPrefix(IpAddr x, IpAddr net, int bits) {
        if (x.v6() != net.v6()) return false;
        if (!x.v6()) {
            long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
            return (x.lo() & mask) == (net.lo() & mask);
        }
        if (bits <= 64) {
            long m = bits == 0 ? 0 : -1L << (64 - bits);
            return (x.hi() & m) == (net.hi() & m);
        }
        long m = bits == 128 ? -1L : -1L << (128 - bits);
        return x.hi() == net.hi() && (x.lo() & m) == (net.lo() & m);
    }
}

package org.ftpscope.filter;

import org.ftpscope.capture.Limit;
import org.ftpscope.decode.IpAddr;
import org.ftpscope.fields.FieldDef;
import org.ftpscope.fields.FieldRegistry;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A compiled display filter in Wireshark 4.0's language (docs/fields.md, "The display filter
 * language", says what is and is not supported). As in tshark 4.0.17, on a field with several
 * values ({@code ip.addr}, {@code tcp.port}): {@code == < > <= >= contains matches in} hold if any
 * value does, {@code !=} if every value differs, {@code ===} if every value is equal, {@code !==}
 * ({@code ~=}) if any value differs; every comparison is false when the field is absent, so
 * {@code a != b} is not {@code !(a == b)}. A field's name alone tests its presence, whatever its value.
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
            if (!p.atEnd()) throw p.unexpected(p.peek());
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

    /** An operand's values for one frame; empty when it is absent. */
    @FunctionalInterface
    private interface Values {
        List<Object> of(FieldValues v);
    }

    @FunctionalInterface
    private interface Pred {
        boolean test(Object fieldValue, Object other);
    }

    private static final class FilterError extends RuntimeException {
        final int pos;

        FilterError(String m, int pos) {
            super(m, null, false, false);
            this.pos = pos;
        }
    }

    // ---- tokens ----

    private enum Tk { WORD, STRING, CHAR, PUNCT, OP }

    /**
     * One token: {@code text} is the decoded value of a string, {@code source} what was typed;
     * {@code bytes} a string's bytes (its escapes may name any byte) or a character constant's one.
     */
    private record Token(Tk kind, String text, String source, int pos, int end, byte[] bytes) {
        boolean is(Tk k, String s) { return kind == k && text.equals(s); }

        boolean isPunct(String s) { return is(Tk.PUNCT, s); }

        boolean isWord(String s) { return is(Tk.WORD, s); }
    }

    /** Longest first, so "===" is not read as "==" then "=". */
    private static final String[] OPERATORS = {"===", "!==", "==", "!=", "<=", ">=", "&&", "||", "~=", "<", ">", "&", "~", "!", "=", "|"};
    private static final String PUNCTUATION = "(){}[],";

    private static boolean wordChar(char c) {
        return !Character.isWhitespace(c) && "(){}[],\"'!=<>&|~".indexOf(c) < 0;
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) { i++; continue; }
            int start = i;
            if (c == '"' || (c == 'r' && i + 1 < s.length() && s.charAt(i + 1) == '"')) {
                i = string(s, i, out);
            } else if (c == '\'') {
                i = character(s, i, out);
            } else if (PUNCTUATION.indexOf(c) >= 0) {
                out.add(new Token(Tk.PUNCT, String.valueOf(c), String.valueOf(c), start, start + 1, null));
                i++;
            } else if (c == '.' && i + 1 < s.length() && s.charAt(i + 1) == '.') {
                out.add(new Token(Tk.PUNCT, "..", "..", start, start + 2, null));
                i += 2;
            } else if ("=<>&|~!".indexOf(c) >= 0) {
                String op = null;
                for (String o : OPERATORS) {
                    if (s.startsWith(o, i)) { op = o; break; }
                }
                out.add(new Token(Tk.OP, op, op, start, start + op.length(), null));
                i += op.length();
            } else {
                // A word: a field, a number, an address, a keyword. ".." ends it (a range: 1..2, "US".."UZ").
                while (i < s.length() && wordChar(s.charAt(i)) && !(s.charAt(i) == '.' && i + 1 < s.length() && s.charAt(i + 1) == '.')) i++;
                String w = s.substring(start, i);
                out.add(new Token(Tk.WORD, w, w, start, i, null));
            }
        }
        return out;
    }

    /**
     * A quoted string, as Wireshark 4.0 reads it: {@code \a \b \f \n \r \t \v \\ \" \'}, {@code \xhh}
     * (one or two hex digits) and {@code \ooo} (one to three octal digits) name a byte, {@code \\uXXXX}
     * and {@code \\UXXXXXXXX} a character; any other escape is refused. {@code r"…"} keeps every
     * backslash. The bytes are read as UTF-8 (the text of FTP lines).
     */
    private static int string(String s, int start, List<Token> out) {
        boolean raw = s.charAt(start) == 'r';
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int close = decode(s, start + (raw ? 2 : 1), '"', raw, b, start, "unterminated string");
        byte[] bytes = b.toByteArray();
        out.add(new Token(Tk.STRING, new String(bytes, StandardCharsets.UTF_8), s.substring(start, close + 1), start, close + 1, bytes));
        return close + 1;
    }

    /** A character constant, {@code 'A'}, {@code '\x15'}, {@code '\025'}, {@code '\n'}: a number (its byte). */
    private static int character(String s, int start, List<Token> out) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int close = decode(s, start + 1, '\'', false, b, start, "unterminated character constant");
        String src = s.substring(start, close + 1);
        if (b.size() == 0) throw new FilterError("empty character constant", start);
        if (b.size() != 1) throw new FilterError(src + " is too long to be a valid character constant (one byte)", start);
        out.add(new Token(Tk.CHAR, src, src, start, close + 1, b.toByteArray()));
        return close + 1;
    }

    /** Decodes up to the closing quote into {@code b}; returns the closing quote's index. */
    private static int decode(String s, int i, char quote, boolean raw, ByteArrayOutputStream b, int start, String unterminated) {
        while (true) {
            if (i >= s.length()) throw new FilterError(unterminated, start);
            char c = s.charAt(i);
            if (c == quote) return i;
            if (c != '\\') {
                int cp = s.codePointAt(i);
                utf8(b, cp);
                i += Character.charCount(cp);
                continue;
            }
            if (i + 1 >= s.length()) throw new FilterError(unterminated, start);
            char e = s.charAt(i + 1);
            if (raw) {
                // In a raw string a backslash stays, and the character after it cannot end the string.
                b.write('\\');
                int cp = s.codePointAt(i + 1);
                utf8(b, cp);
                i += 1 + Character.charCount(cp);
                continue;
            }
            int esc = i;
            i += 2;
            switch (e) {
                case 'a' -> b.write(7);
                case 'b' -> b.write(8);
                case 'f' -> b.write(12);
                case 'n' -> b.write(10);
                case 'r' -> b.write(13);
                case 't' -> b.write(9);
                case 'v' -> b.write(11);
                case '\\', '"', '\'' -> b.write(e);
                case 'x' -> {
                    int n = 0, v = 0;
                    while (n < 2 && i < s.length() && isHex(s.charAt(i))) { v = v * 16 + Character.digit(s.charAt(i), 16); i++; n++; }
                    if (n == 0) throw new FilterError("\\x is not a valid character escape sequence (\\x41 is \"A\")", esc);
                    b.write(v);
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int v = e - '0', n = 1;
                    while (n < 3 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7') { v = v * 8 + s.charAt(i) - '0'; i++; n++; }
                    if (v > 255) throw new FilterError(s.substring(esc, i) + " is larger than 255", esc);
                    b.write(v);
                }
                case 'u', 'U' -> {
                    int digits = e == 'u' ? 4 : 8, n = 0;
                    long v = 0;
                    while (n < digits && i < s.length() && isHex(s.charAt(i))) { v = v * 16 + Character.digit(s.charAt(i), 16); i++; n++; }
                    // C's rule, which Wireshark follows: no control or basic character, no surrogate.
                    if (n < digits || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) || (v < 0xA0 && v != 0x24 && v != 0x40 && v != 0x60)) {
                        throw new FilterError(s.substring(esc, i) + " is not a valid universal character name", esc);
                    }
                    utf8(b, (int) v);
                }
                default -> throw new FilterError("\\" + e + " is not a valid character escape sequence"
                        + (Character.isLetterOrDigit(e) || ".()[]{}|*+?^$".indexOf(e) >= 0
                                ? " (a regular expression's \\" + e + " is written \"\\\\" + e + "\" or r\"\\" + e + "\")" : ""), esc);
            }
        }
    }

    private static void utf8(ByteArrayOutputStream b, int cp) {
        byte[] e = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        b.write(e, 0, e.length);
    }

    private static boolean isHex(char c) { return Character.digit(c, 16) >= 0 && c < 128; }

    // ---- values ----

    /** What an operand holds, which decides how a literal beside it is read and how values compare. */
    private enum Kind { INT, BOOL, TIME, IP, ETHER, STRING, BYTES, PROTOCOL, NONE, LABEL }

    /** A literal no value equals or orders against (a negative number beside an unsigned field): only != holds. */
    private static final Object INCOMPARABLE = new Object();

    /** An address literal with its prefix length (32 or 128 when none was given). */
    private record IpNet(IpAddr addr, int bits) {}

    /** Order of two values of one kind: negative, 0, positive, or INC when they cannot be compared. */
    private static final int INC = Integer.MIN_VALUE;

    private static int order(Kind k, Object a, Object b) {
        if (a == INCOMPARABLE || b == INCOMPARABLE) return INC;
        return switch (k) {
            case INT -> Long.compare((Long) a, (Long) b);
            case BOOL -> Integer.compare((Long) a != 0 ? 1 : 0, (Long) b != 0 ? 1 : 0);
            case TIME -> {
                double x = (Double) a, y = (Double) b;
                yield x < y ? -1 : x > y ? 1 : 0;
            }
            case IP -> ipOrder(a, b);
            case ETHER -> Arrays.compareUnsigned(etherBytes(a), etherBytes(b));
            case STRING -> codePointOrder((String) a, (String) b);
            case BYTES -> Arrays.compareUnsigned((byte[]) a, (byte[]) b);
            default -> INC;
        };
    }

    /** Addresses compare within the shorter prefix of the two (as Wireshark's netmask compare); v4 and v6 not at all. */
    private static int ipOrder(Object a, Object b) {
        IpAddr x = a instanceof IpNet n ? n.addr() : (IpAddr) a, y = b instanceof IpNet n ? n.addr() : (IpAddr) b;
        if (x.v6() != y.v6()) return INC;
        int full = x.v6() ? 128 : 32;
        int bits = Math.min(a instanceof IpNet n ? n.bits() : full, b instanceof IpNet n ? n.bits() : full);
        if (!x.v6()) {
            long m = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
            return Long.compare(x.lo() & m, y.lo() & m);
        }
        long mh = bits >= 64 ? -1L : bits == 0 ? 0 : -1L << (64 - bits);
        long ml = bits <= 64 ? 0 : bits == 128 ? -1L : -1L << (128 - bits);
        int c = Long.compareUnsigned(x.hi() & mh, y.hi() & mh);
        return c != 0 ? c : Long.compareUnsigned(x.lo() & ml, y.lo() & ml);
    }

    /** UTF-8 byte order, which is code point order (String.compareTo is UTF-16 order). */
    private static int codePointOrder(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i), y = b.codePointAt(j);
            if (x != y) return x < y ? -1 : 1;
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static byte[] etherBytes(Object x) {
        if (x instanceof byte[] b) return b;
        String s = (String) x;
        ByteArrayOutputStream b = new ByteArrayOutputStream(6);
        for (int i = 0; i + 1 < s.length(); ) {
            if (!isHex(s.charAt(i))) { i++; continue; }
            b.write(Character.digit(s.charAt(i), 16) * 16 + Character.digit(s.charAt(i + 1), 16));
            i += 2;
        }
        return b.toByteArray();
    }

    /** A value as bytes, for slices and for {@code contains} on bytes. */
    private static byte[] bytesOf(Kind k, Object x) {
        return switch (k) {
            case STRING -> ((String) x).getBytes(StandardCharsets.UTF_8);
            case IP -> ((IpAddr) x).bytes();
            case ETHER -> etherBytes(x);
            default -> (byte[]) x;
        };
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    /** The operators, by what they test; {@code all} is the quantifier over a field's values. */
    private enum Op { EQ, NE, LT, GT, LE, GE, CONTAINS, MATCHES }

    private record Operator(Op op, boolean all, String text) {}

    private static Operator operator(Token t) {
        if (t.kind() != Tk.OP && t.kind() != Tk.WORD) return null;
        return switch (t.text()) {
            case "==", "eq", "any_eq" -> new Operator(Op.EQ, false, t.text());
            case "===", "all_eq" -> new Operator(Op.EQ, true, t.text());
            case "!=", "ne", "all_ne" -> new Operator(Op.NE, true, t.text());
            case "!==", "~=", "any_ne" -> new Operator(Op.NE, false, t.text());
            case "<", "lt" -> new Operator(Op.LT, false, t.text());
            case ">", "gt" -> new Operator(Op.GT, false, t.text());
            case "<=", "le" -> new Operator(Op.LE, false, t.text());
            case ">=", "ge" -> new Operator(Op.GE, false, t.text());
            case "contains" -> new Operator(Op.CONTAINS, false, t.text());
            case "matches", "~" -> new Operator(Op.MATCHES, false, t.text());
            default -> null;
        };
    }

    private static boolean holds(Op op, int c) {
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c != INC && c < 0;
            case GT -> c != INC && c > 0;
            case LE -> c != INC && c <= 0;
            case GE -> c != INC && c >= 0;
            default -> false;
        };
    }

    /** The language's words, lower-case only; none is a value (FilterText quotes a value that is one). */
    static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "eq", "ne", "lt", "gt", "le", "ge", "contains",
            "matches", "any_eq", "all_eq", "any_ne", "all_ne", "bitwise_and", "any", "all");
    private static final Set<String> FUNCTIONS = Set.of("len", "count", "upper", "lower");

    /** One side of a test: a field (maybe sliced, masked or given to a function), or a literal to read as the other side says. */
    private static final class Operand {
        final Kind kind;
        final Values values;
        /** The literal's token, or null for a field. */
        final Token literal;
        /** The field when the operand is a plain field (not sliced, masked or a function's value). */
        final FieldDef field;
        final String text;
        final int pos;
        final boolean function, masked;
        final WiresharkTypes.Int intType;
        final WiresharkTypes.Family family;

        Operand(Kind kind, Values values, Token literal, FieldDef field, String text, int pos, boolean function, boolean masked,
                WiresharkTypes.Int intType, WiresharkTypes.Family family) {
            this.kind = kind;
            this.values = values;
            this.literal = literal;
            this.field = field;
            this.text = text;
            this.pos = pos;
            this.function = function;
            this.masked = masked;
            this.intType = intType;
            this.family = family;
        }

        static Operand literal(Token t) { return new Operand(null, null, t, null, t.source(), t.pos(), false, false, null, null); }

        static Operand field(FieldDef f, Token t) {
            Kind k = switch (f.type()) {
                case PROTOCOL -> Kind.PROTOCOL;
                case NONE -> Kind.NONE;
                case UINT -> Kind.INT;
                case BOOL -> WiresharkTypes.label(f) ? Kind.LABEL : Kind.BOOL;
                case IP -> Kind.IP;
                case ETHER -> Kind.ETHER;
                case STRING -> Kind.STRING;
                case DOUBLE -> Kind.TIME;
            };
            return new Operand(k, v -> v.values(f), null, f, f.name(), t.pos(), false, false,
                    k == Kind.INT ? WiresharkTypes.intType(f) : null, k == Kind.IP ? WiresharkTypes.family(f) : null);
        }

        Operand derived(Kind k, Values vs, String text, boolean function, boolean masked, WiresharkTypes.Int it) {
            return new Operand(k, vs, null, null, text, pos, function, masked, it, k == Kind.IP ? family : null);
        }
    }

    // ---- parser ----

    private static final class Parser {
        private static final int MAX_DEPTH = Limit.FILTER_DEPTH.intValue();
        private final List<Token> tokens;
        private int at;

        Parser(List<Token> tokens) { this.tokens = tokens; }

        boolean atEnd() { return at >= tokens.size(); }

        Token peek() { return tokens.get(at); }

        private Token peek(int ahead) { return at + ahead < tokens.size() ? tokens.get(at + ahead) : null; }

        /** Accepts the next token if it is one of these words or operators, spelt exactly (keywords are lower-case). */
        private boolean accept(String... words) {
            if (atEnd() || peek().kind() == Tk.STRING || peek().kind() == Tk.CHAR) return false;
            for (String w : words) {
                if (peek().text().equals(w)) {
                    at++;
                    return true;
                }
            }
            return false;
        }

        private int endPos() { return tokens.get(tokens.size() - 1).end(); }

        FilterError unexpected(Token t) {
            String hint = keywordHint(t);
            return new FilterError("unexpected \"" + t.text() + "\"" + hint, t.pos());
        }

        private static String keywordHint(Token t) {
            if (t.kind() != Tk.WORD) return "";
            String low = t.text().toLowerCase(java.util.Locale.ROOT);
            return !low.equals(t.text()) && KEYWORDS.contains(low) ? " (keywords are lower-case: \"" + low + "\")" : "";
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
            if (atEnd()) throw new FilterError("the filter ends where a field or \"(\" was expected", tokens.isEmpty() ? 0 : endPos());
            if (peek().isPunct("(")) {
                if (depth >= MAX_DEPTH) {
                    throw new FilterError("parentheses nest deeper than " + Limit.FILTER_DEPTH.label(), peek().pos());
                }
                at++;
                depth++;
                Node n = or();
                if (!accept(")")) throw new FilterError("missing \")\"", atEnd() ? endPos() : peek().pos());
                depth--;
                return n;
            }
            return relation();
        }

        private static boolean isJoiner(Token t) {
            return t.isPunct(")") || t.is(Tk.OP, "&&") || t.is(Tk.OP, "||") || t.isWord("and") || t.isWord("or");
        }

        /** A test: a field alone (present), or a comparison, or a set membership; "any"/"all" before it says which values must hold. */
        private Node relation() {
            Boolean quantifier = null;
            Token first = peek();
            if ((first.isWord("any") || first.isWord("all")) && peek(1) != null && peek(1).kind() == Tk.WORD) {
                quantifier = first.isWord("all");
                at++;
            }
            Operand l = operand(true);
            if (l.literal != null) {
                Token t = l.literal;
                if (t.kind() == Tk.WORD) throw new FilterError(unknownName(t), t.pos());
                throw new FilterError("a test starts with a field or a function, not " + t.source(), t.pos());
            }
            if (atEnd() || isJoiner(peek())) {
                if (quantifier != null) throw new FilterError("\"" + first.text() + "\" needs a comparison after it", atEnd() ? endPos() : peek().pos());
                return presence(l);
            }
            Token opTok = peek();
            if (opTok.isWord("in") || (opTok.isWord("not") && peek(1) != null && peek(1).isWord("in"))) {
                boolean not = opTok.isWord("not");
                at += not ? 2 : 1;
                Node in = in(l, opTok, quantifier != null && quantifier);
                return not ? v -> !in.eval(v) : in;
            }
            Operator op = operator(opTok);
            if (op == null) {
                String hint = keywordHint(opTok);
                throw new FilterError("\"" + opTok.text() + "\" is not an operator" + hint, opTok.pos());
            }
            at++;
            if (atEnd()) throw new FilterError("a value is missing after \"" + opTok.text() + "\"", endPos());
            Operand r = operand(false);
            boolean all = quantifier != null ? quantifier : op.all();
            return compare(l, op.op(), opTok, r, all);
        }

        private static String unknownName(Token t) {
            String w = t.text();
            char c0 = w.charAt(0);
            if (!(Character.isLetter(c0) || c0 == '_')) {
                return "a test starts with a field or a function, not \"" + w + "\"";
            }
            FieldDef f = FieldRegistry.get(w);
            String low = w.toLowerCase(java.util.Locale.ROOT);
            if (f != null) return "\"" + w + "\" is neither a field nor a protocol name (names are lower-case: \"" + f.name() + "\")";
            if (KEYWORDS.contains(low) && !low.equals(w)) return "\"" + w + "\" is neither a field nor a protocol name (keywords are lower-case: \"" + low + "\")";
            return "\"" + w + "\" is neither a field nor a protocol name.";
        }

        /** A field, sliced or masked; a function of a field; or a literal, read later as the other side says. */
        private Operand operand(boolean lhs) {
            Token t = peek();
            if (t.kind() == Tk.WORD) {
                FieldDef f = FieldRegistry.get(t.text());
                if (f == null && peek(1) != null && peek(1).isPunct("(")) return function();
                if (f != null && f.name().equals(t.text())) {
                    at++;
                    Operand o = Operand.field(f, t);
                    while (!atEnd() && peek().isPunct("[")) o = slice(o);
                    while (!atEnd() && (peek().is(Tk.OP, "&") || peek().isWord("bitwise_and"))) o = mask(o);
                    return o;
                }
                if (!lhs && KEYWORDS.contains(t.text())) throw new FilterError("\"" + t.text() + "\" was unexpected where a value was expected", t.pos());
            }
            if (t.kind() == Tk.PUNCT || t.kind() == Tk.OP) {
                throw new FilterError("\"" + t.text() + "\" was unexpected where " + (lhs ? "a field" : "a value") + " was expected", t.pos());
            }
            at++;
            return Operand.literal(t);
        }

        private Operand function() {
            Token name = tokens.get(at);
            if (!FUNCTIONS.contains(name.text())) {
                throw new FilterError("\"" + name.text() + "\" is neither a field nor a function (functions: len, count, upper, lower)", name.pos());
            }
            at += 2;
            Token arg = atEnd() ? null : peek();
            FieldDef f = arg == null || arg.kind() != Tk.WORD ? null : FieldRegistry.get(arg.text());
            if (f == null || !f.name().equals(arg.text())) {
                throw new FilterError("only a field can be the parameter of " + name.text() + "()", arg == null ? endPos() : arg.pos());
            }
            at++;
            if (atEnd() || !peek().isPunct(")")) {
                throw new FilterError("only a field can be the parameter of " + name.text() + "() (missing \")\"?)", atEnd() ? endPos() : peek().pos());
            }
            at++;
            Operand o = Operand.field(f, name); // its position is the function's
            String text = name.text() + "(" + f.name() + ")";
            Operand r = switch (name.text()) {
                case "count" -> {
                    if (o.kind == Kind.PROTOCOL) {
                        throw new FilterError("count() of a protocol is not supported: ftpscope keeps one occurrence of \"" + f.name() + "\" per frame", arg.pos());
                    }
                    Values vs = o.values;
                    yield o.derived(Kind.INT, v -> {
                        List<Object> a = vs.of(v);
                        return a.isEmpty() ? List.of() : List.of((long) a.size());
                    }, text, true, false, WiresharkTypes.Int.UINT32);
                }
                case "len" -> {
                    Kind k = o.kind;
                    if (k == Kind.PROTOCOL || k == Kind.NONE || k == Kind.LABEL) {
                        throw new FilterError("len() of \"" + f.name() + "\" is not supported: it has no value whose length ftpscope knows", arg.pos());
                    }
                    Values vs = o.values;
                    long width = k == Kind.INT ? o.intType.bytes : 0;
                    yield o.derived(Kind.INT, v -> {
                        List<Object> a = vs.of(v);
                        if (a.isEmpty()) return a;
                        List<Object> out = new ArrayList<>(a.size());
                        for (Object x : a) {
                            out.add(switch (k) {
                                case STRING -> (long) ((String) x).getBytes(StandardCharsets.UTF_8).length;
                                case IP -> ((IpAddr) x).v6() ? 16L : 4L;
                                case ETHER -> 6L;
                                // As tshark: an integer's length is its type's, a boolean's and a time's 0.
                                default -> width;
                            });
                        }
                        return out;
                    }, text, true, false, WiresharkTypes.Int.UINT32);
                }
                default -> {
                    if (o.kind != Kind.STRING) throw new FilterError(name.text() + "() needs a text field", arg.pos());
                    boolean upper = name.text().equals("upper");
                    Values vs = o.values;
                    yield o.derived(Kind.STRING, v -> {
                        List<Object> a = vs.of(v);
                        if (a.isEmpty()) return a;
                        List<Object> out = new ArrayList<>(a.size());
                        for (Object x : a) out.add(asciiCase((String) x, upper));
                        return out;
                    }, text, true, false, null);
                }
            };
            return r;
        }

        /** {@code field[0:2]}, {@code [1-3]}, {@code [-1]}, {@code [2:]}, {@code [:2]}, {@code [0:2,4]}: bytes of a text, address or byte value. */
        private Operand slice(Operand o) {
            Token open = tokens.get(at++);
            switch (o.kind) {
                case PROTOCOL -> throw new FilterError("\"" + o.text + "\" is a protocol: ftpscope cannot slice its bytes", open.pos());
                case INT, BOOL -> throw new FilterError("\"" + o.text + "\" is a number and cannot be sliced into a sequence of bytes", open.pos());
                case TIME -> throw new FilterError("\"" + o.text + "\" is a time and cannot be sliced into a sequence of bytes", open.pos());
                case NONE, LABEL -> throw new FilterError("\"" + o.text + "\" has no value: test its presence only", open.pos());
                default -> { }
            }
            List<int[]> ranges = new ArrayList<>();
            StringBuilder spec = new StringBuilder();
            int specPos = atEnd() ? endPos() : peek().pos();
            while (true) {
                if (atEnd()) throw new FilterError("missing \"]\"", endPos());
                Token t = tokens.get(at++);
                if (t.isPunct("]") || t.isPunct(",")) {
                    ranges.add(range(spec.toString(), specPos));
                    spec.setLength(0);
                    if (t.isPunct("]")) break;
                    specPos = atEnd() ? endPos() : peek().pos();
                    continue;
                }
                if (t.kind() != Tk.WORD) throw new FilterError("\"" + t.text() + "\" was unexpected in a range", t.pos());
                spec.append(t.text());
            }
            int[][] rs = ranges.toArray(int[][]::new);
            Kind k = o.kind;
            Values vs = o.values;
            String text = o.text + "[" + "…" + "]";
            return o.derived(Kind.BYTES, v -> {
                List<Object> a = vs.of(v);
                if (a.isEmpty()) return a;
                List<Object> out = new ArrayList<>(a.size());
                for (Object x : a) {
                    byte[] s = cut(bytesOf(k, x), rs);
                    if (s != null) out.add(s);
                }
                return out;
            }, text, false, false, null);
        }

        private static final java.util.regex.Pattern START_LENGTH = java.util.regex.Pattern.compile("(-?[0-9]*):(-?[0-9]+)"),
                START_END = java.util.regex.Pattern.compile("(-?[0-9]+)-(-?[0-9]+)"),
                TO_END = java.util.regex.Pattern.compile("(-?[0-9]+):"), ONE = java.util.regex.Pattern.compile("-?[0-9]+");

        /** One range as {start, length or -1 for "to the end", end inclusive or MIN_VALUE}. */
        private static int[] range(String s, int pos) {
            java.util.regex.Matcher m;
            try {
                if ((m = START_LENGTH.matcher(s)).matches()) {
                    int start = m.group(1).isEmpty() ? 0 : Integer.parseInt(m.group(1)), len = Integer.parseInt(m.group(2));
                    if (len <= 0) throw new FilterError("Range " + s + " isn't valid because length " + len + " isn't positive", pos);
                    return new int[] {start, len, Integer.MIN_VALUE};
                }
                if ((m = START_END.matcher(s)).matches()) {
                    int start = Integer.parseInt(m.group(1)), end = Integer.parseInt(m.group(2));
                    if (start >= 0 && end >= 0 && end < start) throw new FilterError("Range " + s + " isn't valid: its end is before its start", pos);
                    return new int[] {start, 0, end};
                }
                if ((m = TO_END.matcher(s)).matches()) {
                    return new int[] {Integer.parseInt(m.group(1)), -1, Integer.MIN_VALUE};
                }
                if (ONE.matcher(s).matches()) {
                    return new int[] {Integer.parseInt(s), 1, Integer.MIN_VALUE};
                }
            } catch (NumberFormatException e) {
                // too long to be an offset
            }
            throw new FilterError("\"[" + s + "]\" is not a valid range (e.g. [0:2], [1-3], [-1], [2:])", pos);
        }

        private static byte[] cut(byte[] b, int[][] ranges) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int[] r : ranges) {
                int n = b.length;
                int s = r[0] < 0 ? n + r[0] : r[0];
                int e = r[2] != Integer.MIN_VALUE ? (r[2] < 0 ? n + r[2] : r[2]) + 1 : r[1] < 0 ? n : s + r[1];
                if (s < 0 || s >= n || e > n || e <= s) return null;
                out.write(b, s, e - s);
            }
            return out.toByteArray();
        }

        /** {@code tcp.flags & 0x02}: each value and-ed with a number; alone, a test that some result is not 0. */
        private Operand mask(Operand o) {
            Token amp = tokens.get(at++);
            if (o.kind != Kind.INT && o.kind != Kind.BOOL) {
                throw new FilterError("\"" + amp.text() + "\" needs a number field on its left, not \"" + o.text + "\"", amp.pos());
            }
            if (atEnd()) throw new FilterError("a value is missing after \"" + amp.text() + "\"", endPos());
            Token m = tokens.get(at++);
            WiresharkTypes.Int it = o.kind == Kind.INT ? o.intType : WiresharkTypes.Int.UINT8;
            Object c = intConstant(m, it, o.text);
            long mask = c == INCOMPARABLE ? 0 : (Long) c;
            Values vs = o.values;
            return o.derived(Kind.INT, v -> {
                List<Object> a = vs.of(v);
                if (a.isEmpty()) return a;
                List<Object> out = new ArrayList<>(a.size());
                for (Object x : a) out.add((Long) x & mask);
                return out;
            }, o.text + " & " + m.source(), false, true, it);
        }

        private static Node presence(Operand l) {
            if (l.function) throw new FilterError("\"" + l.text + "\" is a value, not a test: compare it, e.g. " + l.text + " > 0", l.pos);
            Values vs = l.values;
            if (l.masked) {
                return v -> {
                    for (Object x : vs.of(v)) if ((Long) x != 0) return true;
                    return false;
                };
            }
            return v -> !vs.of(v).isEmpty();
        }

        /** Whether a field of this kind can be compared at all (else why not, at the operator). */
        private static void comparable(Operand l, Token opTok) {
            switch (l.kind) {
                case PROTOCOL -> throw new FilterError("\"" + l.text + "\" is a protocol: it cannot be compared", opTok.pos());
                case NONE -> throw new FilterError("\"" + l.text + "\" has no value: test its presence only", opTok.pos());
                case LABEL -> throw new FilterError("\"" + l.text + "\" is a label (Wireshark's FT_NONE): test its presence only", opTok.pos());
                default -> { }
            }
        }

        private Node compare(Operand l, Op op, Token opTok, Operand r, boolean all) {
            comparable(l, opTok);
            Kind k = l.kind;
            Pred p;
            if (op == Op.MATCHES) {
                if (k != Kind.STRING && k != Kind.BYTES) throw notText(l, opTok);
                if (r.literal == null || r.literal.kind() != Tk.STRING) {
                    throw new FilterError("\"" + opTok.text() + "\" needs a quoted string (a regular expression) on its right", r.pos);
                }
                Pattern re = regex(r.literal);
                p = k == Kind.STRING ? (x, c) -> re.matcher((String) x).find()
                        : (x, c) -> re.matcher(new String((byte[]) x, StandardCharsets.ISO_8859_1)).find();
                return relation(l, null, re, p, all);
            }
            if (op == Op.CONTAINS) {
                if (k == Kind.STRING) {
                    // As tshark: a string contains no empty string (bytes do).
                    p = (x, c) -> !((String) c).isEmpty() && ((String) x).contains((String) c);
                } else if (k == Kind.BYTES || k == Kind.ETHER) {
                    p = (x, c) -> indexOf(bytesOf(k, x), c instanceof byte[] b ? b : bytesOf(k, c)) >= 0;
                } else {
                    throw notText(l, opTok);
                }
            } else {
                p = (x, c) -> holds(op, order(k, x, c));
            }
            if (r.literal != null) {
                Object c = constant(l, r.literal, op);
                if (k == Kind.INT && c instanceof Long n) p = intPred(op, n); // the common case, without the general order
                return relation(l, null, c, p, all);
            }
            comparable(r, opTok);
            compatible(l, r);
            return relation(l, r, null, p, all);
        }

        private static Pred intPred(Op op, long n) {
            return switch (op) {
                case EQ -> (x, c) -> (Long) x == n;
                case NE -> (x, c) -> (Long) x != n;
                case LT -> (x, c) -> (Long) x < n;
                case GT -> (x, c) -> (Long) x > n;
                case LE -> (x, c) -> (Long) x <= n;
                default -> (x, c) -> (Long) x >= n;
            };
        }

        private static FilterError notText(Operand l, Token opTok) {
            String what = switch (l.kind) {
                case INT, BOOL -> "a number";
                case TIME -> "a time";
                case IP -> "an address";
                case ETHER -> "a link-layer address";
                default -> "not text";
            };
            return new FilterError("\"" + l.text + "\" is " + what + ": \"" + opTok.text() + "\" needs a text field", opTok.pos());
        }

        private static void compatible(Operand l, Operand r) {
            boolean ok = l.kind == r.kind && (l.kind != Kind.IP || l.family == r.family
                    || l.family == WiresharkTypes.Family.ANY || r.family == WiresharkTypes.Family.ANY);
            if (!ok) throw new FilterError("\"" + l.text + "\" and \"" + r.text + "\" are not of compatible types", r.pos);
        }

        /** Any (or all) of the left values against the constant, or against any (all) of the right values. */
        private static Node relation(Operand l, Operand r, Object constant, Pred p, boolean all) {
            Values lv = l.values;
            if (r == null) {
                if (all) {
                    return v -> {
                        List<Object> a = lv.of(v);
                        if (a.isEmpty()) return false;
                        for (Object x : a) if (!p.test(x, constant)) return false;
                        return true;
                    };
                }
                return v -> {
                    for (Object x : lv.of(v)) if (p.test(x, constant)) return true;
                    return false;
                };
            }
            Values rv = r.values;
            return v -> {
                List<Object> a = lv.of(v);
                if (a.isEmpty()) return false;
                List<Object> b = rv.of(v);
                if (b.isEmpty()) return false;
                for (Object x : a) {
                    for (Object y : b) {
                        boolean h = p.test(x, y);
                        if (all && !h) return false;
                        if (!all && h) return true;
                    }
                }
                return all;
            };
        }

        /** {@code field in {a, b, lo..hi}}: some (with "all": every) value of the field is one of them. */
        private Node in(Operand l, Token opTok, boolean all) {
            if (l.field == null) throw new FilterError("only a field may be tested for membership in a set, not \"" + l.text + "\"", l.pos);
            comparable(l, opTok);
            if (!accept("{")) throw new FilterError("\"in\" needs a set in braces, e.g. {20, 21, 40000..40100}", atEnd() ? endPos() : peek().pos());
            Kind k = l.kind;
            List<Values> los = new ArrayList<>(), his = new ArrayList<>();
            while (true) {
                if (atEnd()) throw new FilterError("missing \"}\"", endPos());
                if (peek().isPunct("}")) throw new FilterError("\"}\" was unexpected: a set needs an element here", peek().pos());
                Values lo = element(l, opTok), hi = lo;
                if (!atEnd() && peek().isPunct("..")) {
                    at++;
                    if (atEnd()) throw new FilterError("a range ends after \"..\"", endPos());
                    hi = element(l, opTok);
                }
                los.add(lo);
                his.add(hi == lo ? null : hi);
                if (atEnd()) throw new FilterError("missing \"}\"", endPos());
                if (accept("}")) break;
                if (accept(",")) continue;
                throw new FilterError("\"" + peek().text() + "\" was unexpected: set elements are separated by commas, e.g. {20, 21}", peek().pos());
            }
            Values[] lo = los.toArray(Values[]::new), hi = his.toArray(Values[]::new);
            Values lv = l.values;
            return v -> {
                List<Object> a = lv.of(v);
                if (a.isEmpty()) return false;
                for (Object x : a) {
                    boolean member = false;
                    for (int i = 0; i < lo.length && !member; i++) {
                        if (hi[i] == null) {
                            for (Object y : lo[i].of(v)) if (order(k, x, y) == 0) { member = true; break; }
                        } else {
                            for (Object y : lo[i].of(v)) {
                                int c = order(k, x, y);
                                if (c == INC || c < 0) continue;
                                for (Object z : hi[i].of(v)) {
                                    int d = order(k, x, z);
                                    if (d != INC && d <= 0) { member = true; break; }
                                }
                                if (member) break;
                            }
                        }
                    }
                    if (all && !member) return false;
                    if (!all && member) return true;
                }
                return all;
            };
        }

        private Values element(Operand l, Token opTok) {
            Operand e = operand(false);
            if (e.literal != null) {
                List<Object> c = List.of(constant(l, e.literal, Op.EQ));
                return v -> c;
            }
            comparable(e, opTok);
            compatible(l, e);
            return e.values;
        }

        // ---- literals, read as the field beside them says ----

        private static Object constant(Operand l, Token t, Op op) {
            return switch (l.kind) {
                case INT -> intConstant(t, l.intType, l.text);
                case BOOL -> boolConstant(t, l.text);
                case TIME -> timeConstant(t, l.text);
                case IP -> ipConstant(t, l);
                case ETHER -> op == Op.CONTAINS ? bytesConstant(t, false) : etherConstant(t, l.text);
                case STRING -> t.kind() == Tk.CHAR ? String.valueOf((char) (t.bytes()[0] & 0xFF)) : t.text();
                case BYTES -> bytesConstant(t, true);
                default -> throw new FilterError("\"" + l.text + "\" cannot be compared", t.pos());
            };
        }

        private static FilterError quoted(Token t, String field, String takes) {
            return new FilterError(t.source() + " is a string: " + field + " takes " + takes + ", written without quotes", t.pos());
        }

        /**
         * An integer as Wireshark 4.0 reads it: decimal, {@code 0x} hex, {@code 0b} binary, a leading 0 octal
         * ({@code 025} is 21), or a character constant; refused beyond the field's type.
         */
        static Object intConstant(Token t, WiresharkTypes.Int type, String field) {
            if (t.kind() == Tk.STRING) throw quoted(t, field, "a number");
            long n;
            if (t.kind() == Tk.CHAR) {
                n = t.bytes()[0] & 0xFF;
            } else {
                n = parseInteger(t);
            }
            if (n > type.max) throw new FilterError("\"" + t.source() + "\" too big for this field, maximum " + type.max, t.pos());
            // tshark: a negative number beside an unsigned field equals and orders against none of its values.
            if (n < 0 && !type.signed()) return INCOMPARABLE;
            if (n < type.min) throw new FilterError("\"" + t.source() + "\" too small for this field, minimum " + type.min, t.pos());
            return n;
        }

        /** Long.MAX_VALUE (or MIN) when the number is larger than any field. */
        private static long parseInteger(Token t) {
            String s = t.text();
            boolean neg = s.startsWith("-");
            String d = neg ? s.substring(1) : s;
            int radix = 10;
            if (d.length() > 2 && d.charAt(0) == '0' && (d.charAt(1) == 'x' || d.charAt(1) == 'X')) {
                radix = 16;
                d = d.substring(2);
            } else if (d.length() > 2 && d.charAt(0) == '0' && (d.charAt(1) == 'b' || d.charAt(1) == 'B')) {
                radix = 2;
                d = d.substring(2);
            } else if (d.length() > 1 && d.charAt(0) == '0') {
                radix = 8;
                d = d.substring(1);
            }
            if (d.isEmpty()) throw new FilterError("\"" + t.text() + "\" is not a valid number", t.pos());
            long n = 0;
            boolean huge = false;
            for (int i = 0; i < d.length(); i++) {
                char c = d.charAt(i);
                int v = c < 128 ? Character.digit(c, radix) : -1;
                if (v < 0) throw new FilterError("\"" + t.text() + "\" is not a valid number", t.pos());
                if (n > (Long.MAX_VALUE - v) / radix) huge = true;
                else n = n * radix + v;
            }
            // Larger than any field's type: reported as too big (or too small) by the caller.
            if (huge) n = Long.MAX_VALUE;
            return neg ? -n : n;
        }

        private static Object boolConstant(Token t, String field) {
            if (t.kind() == Tk.STRING) throw quoted(t, field, "a boolean (1, 0, true, false)");
            if (t.kind() == Tk.CHAR) return (t.bytes()[0] & 0xFF) != 0 ? 1L : 0L;
            String s = t.text().toLowerCase(java.util.Locale.ROOT);
            if (s.equals("true")) return 1L;
            if (s.equals("false")) return 0L;
            try {
                // As tshark: any number, 0 is false and every other true.
                return parseInteger(t) != 0 ? 1L : 0L;
            } catch (FilterError e) {
                throw new FilterError("\"" + t.text() + "\" is not a boolean (1, 0, true, false)", t.pos());
            }
        }

        private static final java.util.regex.Pattern TIME = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

        private static Object timeConstant(Token t, String field) {
            if (t.kind() == Tk.STRING) throw quoted(t, field, "a time in seconds");
            if (t.kind() != Tk.WORD || !TIME.matcher(t.text()).matches()) {
                throw new FilterError("\"" + t.text() + "\" is not a valid time (seconds, e.g. 1.5)", t.pos());
            }
            return Double.parseDouble(t.text());
        }

        private static Object ipConstant(Token t, Operand l) {
            if (t.kind() == Tk.STRING) throw quoted(t, l.text, "an address");
            String s = t.text();
            int slash = s.indexOf('/');
            String addr = slash < 0 ? s : s.substring(0, slash);
            IpAddr a = t.kind() == Tk.WORD ? IpAddr.parse(addr) : null;
            if (a == null) throw new FilterError("\"" + s + "\" is not a valid IP address", t.pos());
            // InetAddress reads ::ffff:a.b.c.d as IPv4; as an IPv6 literal it is the mapped address.
            if (!a.v6() && addr.indexOf(':') >= 0) a = IpAddr.v6(0, 0xFFFF00000000L | a.lo());
            if (l.family == WiresharkTypes.Family.V4 && a.v6()) {
                throw new FilterError("\"" + s + "\" is not an IPv4 address: " + l.text + " holds IPv4 addresses" + ipv6Twin(l.text), t.pos());
            }
            if (l.family == WiresharkTypes.Family.V6 && !a.v6()) {
                throw new FilterError("\"" + s + "\" is not an IPv6 address: " + l.text + " holds IPv6 addresses" + ipv4Twin(l.text), t.pos());
            }
            int bits = a.v6() ? 128 : 32;
            if (slash >= 0) {
                String p = s.substring(slash + 1);
                bits = p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9') ? -1 : Integer.parseInt(p);
                if (bits < 0 || bits > (a.v6() ? 128 : 32)) throw new FilterError("bad prefix length in \"" + s + "\"", t.pos());
            }
            return new IpNet(a, bits);
        }

        private static String ipv6Twin(String f) {
            return f.startsWith("ip.") ? " (use ipv6." + f.substring(3) + ")" : "";
        }

        private static String ipv4Twin(String f) {
            return f.startsWith("ipv6.") ? " (use ip." + f.substring(5) + ")" : "";
        }

        private static Object etherConstant(Token t, String field) {
            if (t.kind() == Tk.STRING) throw quoted(t, field, "a MAC address");
            byte[] b = t.kind() == Tk.WORD ? parseBytes(t.text()) : null;
            if (b == null || b.length != 6) {
                throw new FilterError("\"" + t.text() + "\" is not a valid Ethernet address (6 bytes: 00:1a:2b:3c:4d:5e, 00-1a-…, 001a.2b3c.4d5e or 001a2b3c4d5e)", t.pos());
            }
            StringBuilder sb = new StringBuilder(17);
            for (byte x : b) sb.append(sb.length() == 0 ? "" : ":").append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
            return sb.toString();
        }

        private static byte[] bytesConstant(Token t, boolean stringsToo) {
            if (t.kind() == Tk.STRING) {
                if (!stringsToo) throw new FilterError(t.source() + " is a string: a link-layer address takes bytes (ab:38), written without quotes", t.pos());
                return t.bytes();
            }
            if (t.kind() == Tk.CHAR) return t.bytes();
            byte[] b = parseBytes(t.text());
            if (b == null) throw new FilterError("\"" + t.text() + "\" is not a valid byte string (e.g. 55:53, 5553, 0x55 or \"US\")", t.pos());
            return b;
        }

        /** Hex bytes: {@code 0x55}, {@code 55:53}, {@code 55-53}, {@code 5553.4552}, {@code 55534552}; null if not. */
        static byte[] parseBytes(String s) {
            if (s.length() >= 3 && s.length() <= 4 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')
                    && s.substring(2).chars().allMatch(c -> isHex((char) c))) {
                return new byte[] {(byte) Integer.parseInt(s.substring(2), 16)};
            }
            char sep = 0;
            for (char c : new char[] {':', '-', '.'}) {
                if (s.indexOf(c) >= 0) {
                    if (sep != 0) return null;
                    sep = c;
                }
            }
            String[] groups = sep == 0 ? new String[] {s} : s.split(java.util.regex.Pattern.quote(String.valueOf(sep)), -1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (String g : groups) {
                boolean ok = sep == '.' || sep == 0 ? g.length() >= 2 && g.length() % 2 == 0 : g.length() == 2;
                if (!ok || !g.chars().allMatch(c -> isHex((char) c))) return null;
                for (int i = 0; i < g.length(); i += 2) out.write(Integer.parseInt(g.substring(i, i + 2), 16));
            }
            return out.toByteArray();
        }

        /** RE2, not java.util.regex: matching is linear in the text, whatever the pattern; case-insensitive as tshark's. */
        private static Pattern regex(Token val) {
            String s = val.text();
            try {
                return Pattern.compile(s, Pattern.CASE_INSENSITIVE);
            } catch (PatternSyntaxException e) {
                // RE2/J writes CASE_INSENSITIVE as a "(?i)" prefix into the part it quotes.
                String part = e.getPattern() != null && e.getPattern().startsWith("(?i)") && !s.startsWith("(?i)")
                        ? e.getPattern().substring(4) : e.getPattern();
                throw new FilterError("bad regular expression: " + e.getDescription() + ": `" + part + "`"
                        + (s.matches(".*(\\\\[1-9]|\\(\\?[=!<]).*") ? " (backreferences and lookaround are not supported)" : ""), val.pos());
            }
        }

        private static String asciiCase(String s, boolean upper) {
            char[] c = s.toCharArray();
            for (int i = 0; i < c.length; i++) {
                if (upper && c[i] >= 'a' && c[i] <= 'z') c[i] -= 32;
                else if (!upper && c[i] >= 'A' && c[i] <= 'Z') c[i] += 32;
            }
            return new String(c);
        }
    }

    static boolean inPrefix(IpAddr x, IpAddr net, int bits) {
        return x.v6() == net.v6() && ipOrder(x, new IpNet(net, bits)) == 0;
    }
}

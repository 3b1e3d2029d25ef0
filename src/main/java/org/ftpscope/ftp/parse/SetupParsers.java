package org.ftpscope.ftp.parse;

import org.ftpscope.decode.Ascii;
import org.ftpscope.decode.IpAddr;
import org.ftpscope.ftp.model.DataMode;
import org.ftpscope.ftp.model.SetupAddress;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure parsers for data-channel setups: PASV's 227 and PORT (RFC 959), EPSV's 229 and EPRT
 * (RFC 2428), LPSV's 228 and LPRT (RFC 1639). Out-of-range numbers are rejected with a reason,
 * never wrapped into a plausible address.
 */
public final class SetupParsers {
    private static final Pattern SIX_NUMBERS = Pattern.compile(
            "(-?\\d+)\\s*,\\s*(-?\\d+)\\s*,\\s*(-?\\d+)\\s*,\\s*(-?\\d+)\\s*,\\s*(-?\\d+)\\s*,\\s*(-?\\d+)");
    private static final Pattern LONG_NUMBERS = Pattern.compile("-?\\d+(\\s*,\\s*-?\\d+){4,}");

    private SetupParsers() {}

    /** The setup {@code text} names, read as {@code mode}'s reply text (passive modes) or argument (active ones). */
    public static Parsed<SetupAddress> parse(DataMode mode, String text) {
        return switch (mode) {
            case PASV -> passive(text);
            case EPSV -> extendedPassive(text);
            case LPSV -> longPassive(text);
            case PORT -> port(text);
            case EPRT -> extendedPort(text);
            case LPRT -> longPort(text);
        };
    }

    /** 227 reply text: the first six comma-separated numbers anywhere in it. */
    public static Parsed<SetupAddress> passive(String text) {
        if (text == null) return Parsed.invalid("no reply text");
        Matcher m = SIX_NUMBERS.matcher(text);
        if (!m.find()) return Parsed.invalid("no h1,h2,h3,h4,p1,p2 in the reply");
        return hostPort(m, "227 reply");
    }

    /** PORT argument {@code h1,h2,h3,h4,p1,p2}. */
    public static Parsed<SetupAddress> port(String arg) {
        if (arg == null) return Parsed.invalid("no PORT argument");
        Matcher m = SIX_NUMBERS.matcher(arg.trim());
        if (!m.matches()) return Parsed.invalid("PORT argument is not h1,h2,h3,h4,p1,p2");
        return hostPort(m, "PORT");
    }

    private static Parsed<SetupAddress> hostPort(Matcher m, String what) {
        int[] n = new int[6];
        for (int i = 0; i < 6; i++) {
            long v;
            try {
                v = Long.parseLong(m.group(i + 1));
            } catch (NumberFormatException e) {
                return Parsed.invalid(what + ": number " + m.group(i + 1) + " is out of range 0-255");
            }
            if (v < 0 || v > 255) return Parsed.invalid(what + ": number " + v + " is out of range 0-255");
            n[i] = (int) v;
        }
        int port = n[4] * 256 + n[5];
        return Parsed.ok(new SetupAddress(IpAddr.v4(n[0], n[1], n[2], n[3]), port, portMath(n[4], n[5])));
    }

    /**
     * Where the address and the port are written in a 227 reply or PORT argument:
     * {ipStart, ipEnd, portStart, portEnd} as char indexes, or null.
     */
    public static int[] hostPortSpans(String text) {
        if (text == null) return null;
        Matcher m = SIX_NUMBERS.matcher(text);
        if (!m.find()) return null;
        return new int[] {m.start(1), m.end(4), m.start(5), m.end(6)};
    }

    public static String portMath(int p1, int p2) { return p1 + "*256+" + p2 + " = " + (p1 * 256 + p2); }

    /** The formula of a {@link #portMath} ("156*256+90"), or null where the port was written as a plain number. */
    public static String formula(String portMath) {
        int eq = portMath.indexOf(" =");
        return portMath.contains("*") && eq > 0 ? portMath.substring(0, eq) : null;
    }

    /** 229 reply text: {@code (<d><d><d>port<d>)} with any delimiter character. */
    public static Parsed<SetupAddress> extendedPassive(String text) {
        if (text == null) return Parsed.invalid("no reply text");
        int open = text.indexOf('(');
        if (open < 0 || open + 5 > text.length()) return Parsed.invalid("no (|||port|) in the reply");
        char d = text.charAt(open + 1);
        if (text.charAt(open + 2) != d || text.charAt(open + 3) != d) {
            return Parsed.invalid("229 reply: expected three '" + d + "' delimiters before the port");
        }
        int end = text.indexOf(d, open + 4);
        if (end < 0) return Parsed.invalid("229 reply: the port is not closed by '" + d + "'");
        Integer port = portNumber(text.substring(open + 4, end));
        if (port == null) return Parsed.invalid("229 reply: port '" + text.substring(open + 4, end) + "' is not 1-65535");
        return Parsed.ok(new SetupAddress(null, port, Integer.toString(port)));
    }

    /** EPRT argument {@code <d>af<d>address<d>port<d>}. */
    public static Parsed<SetupAddress> extendedPort(String arg) {
        if (arg == null) return Parsed.invalid("no EPRT argument");
        String a = arg.trim();
        if (a.length() < 7) return Parsed.invalid("EPRT argument too short");
        char d = a.charAt(0);
        String[] parts = a.substring(1).split(Pattern.quote(String.valueOf(d)), -1);
        if (parts.length != 4 || !parts[3].isEmpty()) {
            return Parsed.invalid("EPRT argument is not " + d + "af" + d + "address" + d + "port" + d);
        }
        IpAddr ip = IpAddr.parse(parts[1]);
        if (parts[0].equals("1") && (ip == null || ip.v6())) return Parsed.invalid("EPRT: '" + parts[1] + "' is not an IPv4 address");
        if (parts[0].equals("2") && (ip == null || !ip.v6())) return Parsed.invalid("EPRT: '" + parts[1] + "' is not an IPv6 address");
        if (!parts[0].equals("1") && !parts[0].equals("2")) return Parsed.invalid("EPRT: unknown address family " + parts[0]);
        Integer port = portNumber(parts[2]);
        if (port == null) return Parsed.invalid("EPRT: port '" + parts[2] + "' is not 1-65535");
        return Parsed.ok(new SetupAddress(ip, port, Integer.toString(port)));
    }

    /** 228 reply text (RFC 1639): {@code (af,hal,h1,…,pal,p1,p2)}. */
    public static Parsed<SetupAddress> longPassive(String text) {
        if (text == null) return Parsed.invalid("no reply text");
        Matcher m = LONG_NUMBERS.matcher(text);
        if (!m.find()) return Parsed.invalid("no long address in the 228 reply");
        return longAddress(m.group(), "228 reply");
    }

    /** LPRT argument (RFC 1639). */
    public static Parsed<SetupAddress> longPort(String arg) {
        if (arg == null) return Parsed.invalid("no LPRT argument");
        return longAddress(arg.trim(), "LPRT");
    }

    private static Parsed<SetupAddress> longAddress(String s, String what) {
        String[] p = s.split("\\s*,\\s*");
        // "," splits into nothing at all (found by fuzzing: LPRT ,)
        if (p.length < 2) return Parsed.invalid(what + ": expected comma-separated numbers");
        int[] n = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            try {
                String t = p[i].trim();
                long v = t.startsWith("-") ? -Ascii.parseLong(t.substring(1)) : Ascii.parseLong(t);
                if (v < 0 || v > 255) return Parsed.invalid(what + ": number " + v + " is out of range 0-255");
                n[i] = (int) v;
            } catch (NumberFormatException e) {
                return Parsed.invalid(what + ": '" + p[i] + "' is not a number");
            }
        }
        int af = n[0], hal = n.length > 1 ? n[1] : -1;
        if (!((af == 4 && hal == 4) || (af == 6 && hal == 16))) {
            return Parsed.invalid(what + ": address family " + af + " with length " + hal + " is not IPv4 (4,4) or IPv6 (6,16)");
        }
        if (n.length != 2 + hal + 3 || n[2 + hal] != 2) {
            return Parsed.invalid(what + ": expected " + (2 + hal + 3) + " numbers ending in a 2-byte port");
        }
        byte[] b = new byte[hal];
        for (int i = 0; i < hal; i++) b[i] = (byte) n[2 + i];
        IpAddr ip = IpAddr.of(b, 0, hal == 16);
        int p1 = n[3 + hal], p2 = n[4 + hal];
        return Parsed.ok(new SetupAddress(ip, p1 * 256 + p2, portMath(p1, p2)));
    }

    private static Integer portNumber(String s) {
        // ASCII only: Character.isDigit and parseInt take Arabic-Indic and full-width digits too.
        if (s.length() > 5 || !Ascii.allDigits(s)) return null;
        int v = Integer.parseInt(s);
        return v >= 1 && v <= 65535 ? v : null;
    }
}

package org.ftpscope.present;

import org.ftpscope.decode.DetailNode;
import org.ftpscope.decode.PayloadDissector;
import org.ftpscope.fields.ExpertFields;
import org.ftpscope.fields.FieldDef;
import org.ftpscope.fields.FtpDataFields;
import org.ftpscope.fields.FtpFields;
import org.ftpscope.ftp.model.DataSetup;
import org.ftpscope.ftp.model.SetupAddress;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.ftp.parse.Parsed;
import org.ftpscope.ftp.parse.ReplyAssembler;
import org.ftpscope.ftp.parse.ReplyCodes;
import org.ftpscope.ftp.parse.SetupParsers;

import java.nio.charset.StandardCharsets;

/**
 * The FTP part of a frame's detail tree (Wireshark's field names), one node per line with its
 * exact bytes, and for setups the decoded address and the port math.
 */
final class FtpTree {
    private FtpTree() {}

    static PayloadDissector control(boolean request) {
        return (root, b, off, len) -> {
            DetailNode.Builder ftp = root.add("File Transfer Protocol (FTP)", FtpFields.FTP, null, off, len);
            int end = off + len;
            for (int start = off; start < end; ) {
                int nl = start;
                while (nl < end && b[nl] != '\n') nl++;
                int lineEnd = Math.min(end, nl + 1);
                int textEnd = nl;
                if (textEnd > start && b[textEnd - 1] == '\r') textEnd--;
                String shown = FrameViews.printable(new String(b, start, lineEnd - start, StandardCharsets.UTF_8));
                DetailNode.Builder n = ftp.add(shown, request ? FtpFields.REQUEST : FtpFields.RESPONSE, "1", start, lineEnd - start);
                if (request) request(n, b, start, textEnd);
                else response(n, b, start, textEnd);
                start = lineEnd;
            }
        };
    }

    /*
     * Byte ranges are counted in the line's bytes, never by encoding the decoded text again: a byte that is
     * no UTF-8 becomes U+FFFD, three bytes in UTF-8, so "CWD \xe9t\xe9" would claim 7 bytes of argument for 3.
     * A space (0x20) is never part of a multi-byte sequence, so the text before and after it decodes alone.
     */

    private static void request(DetailNode.Builder n, byte[] b, int at, int end) {
        int sp = at;
        while (sp < end && b[sp] != ' ') sp++;
        String verb = new String(b, at, sp - at, StandardCharsets.UTF_8);
        n.add("Request command: " + verb, FtpFields.REQUEST_COMMAND, verb, at, sp - at);
        if (sp == end) return;
        int argAt = sp + 1, argBytes = end - argAt;
        String arg = new String(b, argAt, argBytes, StandardCharsets.UTF_8);
        String upper = verb.toUpperCase(java.util.Locale.ROOT);
        n.add("Request arg: " + arg, FtpFields.REQUEST_ARG, arg, argAt, argBytes);
        switch (upper) {
            case "PORT" -> setup(n, SetupParsers.port(arg), arg, b, argAt, argBytes, FtpFields.ACTIVE_CIP, FtpFields.ACTIVE_PORT);
            case "EPRT" -> setup(n, SetupParsers.extendedPort(arg), arg, b, argAt, argBytes, FtpFields.EPRT_IP, FtpFields.EPRT_PORT);
            case "LPRT" -> setup(n, SetupParsers.longPort(arg), arg, b, argAt, argBytes, FtpFields.LPRT_IP, FtpFields.LPRT_PORT);
            default -> { }
        }
    }

    private static void response(DetailNode.Builder n, byte[] b, int at, int end) {
        String line = new String(b, at, end - at, StandardCharsets.UTF_8);
        int code = ReplyAssembler.code(line);
        if (code < 0) {
            // An empty continuation line of a multi-line reply carries nothing to filter on.
            if (line.isEmpty()) return;
            n.add("Response arg: " + line, FtpFields.RESPONSE_ARG, line, at, end - at);
            return;
        }
        // The code is three ASCII digits: three bytes; the argument starts after the fourth.
        n.add("Response code: " + ReplyCodes.describe(code) + " (" + code + ")", FtpFields.RESPONSE_CODE,
                Integer.toString(code), at, 3);
        if (end - at <= 4) return;
        int argAt = at + 4, argBytes = end - argAt;
        String arg = new String(b, argAt, argBytes, StandardCharsets.UTF_8);
        n.add("Response arg: " + arg, FtpFields.RESPONSE_ARG, arg, argAt, argBytes);
        switch (code) {
            case 227 -> setup(n, SetupParsers.passive(arg), arg, b, argAt, argBytes, FtpFields.PASSIVE_IP, FtpFields.PASSIVE_PORT);
            case 229 -> setup(n, SetupParsers.extendedPassive(arg), arg, b, argAt, argBytes, null, FtpFields.EPSV_PORT);
            case 228 -> setup(n, SetupParsers.longPassive(arg), arg, b, argAt, argBytes, FtpFields.LPSV_IP, FtpFields.LPSV_PORT);
            default -> { }
        }
    }

    /** The address and port of a setup; {@code ipField} null when the form carries no address (EPSV). */
    private static void setup(DetailNode.Builder n, Parsed<SetupAddress> parsed, String arg, byte[] b, int argAt, int argBytes,
                              FieldDef ipField, FieldDef portField) {
        if (parsed instanceof Parsed.Invalid<SetupAddress> bad) {
            n.add("[Malformed: " + bad.reason() + "]", ExpertFields.MALFORMED, null, argAt, argBytes);
            return;
        }
        SetupAddress a = ((Parsed.Ok<SetupAddress>) parsed).value();
        // Highlight just the numbers, as Wireshark does: "198,51,100,21" and "156,93".
        int ipAt = argAt, ipLen = argBytes, portAt = argAt, portLen = argBytes;
        int[] spans = portField == FtpFields.PASSIVE_PORT || portField == FtpFields.ACTIVE_PORT
                ? SetupParsers.hostPortSpans(arg) : null;
        if (spans != null) {
            ipAt = argAt + byteOffset(b, argAt, argBytes, arg, spans[0]);
            ipLen = argAt + byteOffset(b, argAt, argBytes, arg, spans[1]) - ipAt;
            portAt = argAt + byteOffset(b, argAt, argBytes, arg, spans[2]);
            portLen = argAt + byteOffset(b, argAt, argBytes, arg, spans[3]) - portAt;
        } else {
            String port = Integer.toString(a.port());
            int i = arg.lastIndexOf(port);
            if (i >= 0) {
                portAt = argAt + byteOffset(b, argAt, argBytes, arg, i);
                portLen = port.length();
            }
        }
        if (a.ip() != null && ipField != null) {
            FieldDef field = ipField == FtpFields.EPRT_IP && a.ip().v6() ? FtpFields.EPRT_IPV6 : ipField;
            n.add(field.label() + ": " + a.ip(), field, a.ip().toString(), ipAt, ipLen);
        }
        String formula = SetupParsers.formula(a.portMath());
        String math = formula == null ? "" : " (" + formula + ")";
        n.add(portField.label() + ": " + a.port() + math, portField, Integer.toString(a.port()), portAt, portLen);
    }

    /**
     * Where, in the {@code len} bytes at {@code b[off]} that decode to {@code text}, the text's first
     * {@code chars} chars end: {@code chars} itself when all is ASCII; otherwise the bytes the UTF-8
     * decoder consumed for them (a byte that is no UTF-8 is one char, U+FFFD, of one byte).
     */
    static int byteOffset(byte[] b, int off, int len, String text, int chars) {
        if (text.length() == len) return chars; // one byte per char: ASCII (a longer sequence makes fewer chars)
        java.nio.charset.CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(b, off, len);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(1);
        for (int done = 0; done < chars && in.hasRemaining(); ) {
            // One char at a time.
            out.clear().limit(1);
            dec.decode(in, out, true);
            if (out.position() == 0) {
                // No room for the next char: a supplementary character (two chars), or a bad sequence whose
                // lead byte announces four bytes. The longest run of at most 4 bytes that decodes to just
                // the next char(s) is it.
                int pos = in.position();
                String want = text.substring(done, Math.min(text.length(),
                        done + (Character.isHighSurrogate(text.charAt(done)) ? 2 : 1)));
                int run = -1;
                for (int m = 1; m <= Math.min(4, off + len - pos); m++) {
                    if (new String(b, pos, m, StandardCharsets.UTF_8).equals(want)) run = m;
                }
                if (run < 0) break;
                in.position(pos + run);
                dec.reset();
                done += want.length();
                continue;
            }
            done += out.position();
        }
        return in.position() - off;
    }

    /** FTP-DATA: what the data connection belongs to. */
    static PayloadDissector data(DataSetup setup, Transfer t) {
        return (root, b, off, len) -> {
            DetailNode.Builder d = root.add("FTP Data (" + len + " bytes data)", FtpDataFields.FTP_DATA, null, off, len);
            if (setup != null && setup.endpointKnown()) {
                d.add("[Setup frame: " + setup.setupFrame() + "]", FtpDataFields.SETUP_FRAME, Integer.toString(setup.setupFrame()), -1, 0);
                d.add("[Setup method: " + setup.mode() + "]", FtpDataFields.SETUP_METHOD, setup.mode().name(), -1, 0);
                d.add("[Data port: " + setup.advertised().port() + " = " + setup.portMath() + "]", FtpDataFields.PORT,
                        Integer.toString(setup.advertised().port()), -1, 0);
            }
            if (t != null) {
                String cmd = t.command() + (t.arg().isEmpty() ? "" : " " + t.arg());
                d.add("[Command: " + cmd + "]", FtpDataFields.COMMAND, cmd, -1, 0);
                d.add("[Command frame: " + t.commandFrame() + "]", FtpDataFields.COMMAND_FRAME, Integer.toString(t.commandFrame()), -1, 0);
                if (!t.path().isEmpty()) d.add("[File: " + t.path() + "]", FtpDataFields.FILE, t.path(), -1, 0);
            }
            d.add("Data (" + len + " bytes)", FtpDataFields.DATA, null, off, len);
        };
    }
}

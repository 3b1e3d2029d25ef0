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
                String line = new String(b, start, textEnd - start, StandardCharsets.UTF_8);
                String shown = FrameViews.printable(new String(b, start, lineEnd - start, StandardCharsets.UTF_8));
                DetailNode.Builder n = ftp.add(shown, request ? FtpFields.REQUEST : FtpFields.RESPONSE, "1", start, lineEnd - start);
                if (request) request(n, line, start);
                else response(n, line, start);
                start = lineEnd;
            }
        };
    }

    private static void request(DetailNode.Builder n, String line, int at) {
        int sp = line.indexOf(' ');
        String verb = sp < 0 ? line : line.substring(0, sp);
        String arg = sp < 0 ? "" : line.substring(sp + 1);
        int verbBytes = verb.getBytes(StandardCharsets.UTF_8).length;
        n.add("Request command: " + verb, FtpFields.REQUEST_COMMAND, verb, at, verbBytes);
        if (sp < 0) return;
        int argAt = at + verbBytes + 1;
        int argBytes = arg.getBytes(StandardCharsets.UTF_8).length;
        String upper = verb.toUpperCase(java.util.Locale.ROOT);
        n.add("Request arg: " + arg, FtpFields.REQUEST_ARG, arg, argAt, argBytes);
        switch (upper) {
            case "PORT" -> setup(n, SetupParsers.port(arg), arg, argAt, argBytes, FtpFields.ACTIVE_CIP, FtpFields.ACTIVE_PORT);
            case "EPRT" -> setup(n, SetupParsers.extendedPort(arg), arg, argAt, argBytes, FtpFields.EPRT_IP, FtpFields.EPRT_PORT);
            case "LPRT" -> setup(n, SetupParsers.longPort(arg), arg, argAt, argBytes, FtpFields.LPRT_IP, FtpFields.LPRT_PORT);
            default -> { }
        }
    }

    private static void response(DetailNode.Builder n, String line, int at) {
        int code = ReplyAssembler.code(line);
        if (code < 0) {
            // An empty continuation line of a multi-line reply carries nothing to filter on.
            if (line.isEmpty()) return;
            n.add("Response arg: " + line, FtpFields.RESPONSE_ARG, line, at, line.getBytes(StandardCharsets.UTF_8).length);
            return;
        }
        n.add("Response code: " + ReplyCodes.describe(code) + " (" + code + ")", FtpFields.RESPONSE_CODE,
                Integer.toString(code), at, 3);
        if (line.length() <= 4) return;
        String arg = line.substring(4);
        int argAt = at + 4, argBytes = arg.getBytes(StandardCharsets.UTF_8).length;
        n.add("Response arg: " + arg, FtpFields.RESPONSE_ARG, arg, argAt, argBytes);
        switch (code) {
            case 227 -> setup(n, SetupParsers.passive(arg), arg, argAt, argBytes, FtpFields.PASSIVE_IP, FtpFields.PASSIVE_PORT);
            case 229 -> setup(n, SetupParsers.extendedPassive(arg), arg, argAt, argBytes, null, FtpFields.EPSV_PORT);
            case 228 -> setup(n, SetupParsers.longPassive(arg), arg, argAt, argBytes, FtpFields.LPSV_IP, FtpFields.LPSV_PORT);
            default -> { }
        }
    }

    /** The address and port of a setup; {@code ipField} null when the form carries no address (EPSV). */
    private static void setup(DetailNode.Builder n, Parsed<SetupAddress> parsed, String arg, int argAt, int argBytes,
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
            ipAt = argAt + utf8Length(arg.substring(0, spans[0]));
            ipLen = spans[1] - spans[0];
            portAt = argAt + utf8Length(arg.substring(0, spans[2]));
            portLen = spans[3] - spans[2];
        } else {
            String port = Integer.toString(a.port());
            int i = arg.lastIndexOf(port);
            if (i >= 0) {
                portAt = argAt + utf8Length(arg.substring(0, i));
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

    private static int utf8Length(String s) { return s.getBytes(StandardCharsets.UTF_8).length; }

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

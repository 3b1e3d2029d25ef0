package org.ftpscope.fields;

import java.util.List;

import static org.ftpscope.fields.FieldType.*;

/** The FTP control channel (Wireshark's names; {@code lprt}/{@code lpsv} and {@code session} are ftpscope's). */
public final class FtpFields {
    private static final FieldGroup G = FieldGroup.protocol("ftp", "File Transfer Protocol (FTP)");
    public static final FieldDef FTP = G.protocol();
    public static final FieldDef REQUEST = G.field("ftp.request", BOOL, "Request", "A line sent by the client");
    public static final FieldDef RESPONSE = G.field("ftp.response", BOOL, "Response", "A line sent by the server");
    public static final FieldDef REQUEST_COMMAND = G.field("ftp.request.command", STRING, "Request command");
    public static final FieldDef REQUEST_ARG = G.field("ftp.request.arg", STRING, "Request arg");
    public static final FieldDef RESPONSE_CODE = G.field("ftp.response.code", UINT, "Response code");
    public static final FieldDef RESPONSE_ARG = G.field("ftp.response.arg", STRING, "Response arg",
            "The text after the code, or a whole continuation line of a multi-line reply");
    public static final FieldDef PASSIVE_IP = G.field("ftp.passive.ip", IP, "Passive IP address", "The address of a 227 reply");
    public static final FieldDef PASSIVE_PORT = G.field("ftp.passive.port", UINT, "Passive port", "The port of a 227 reply (p1*256+p2)");
    public static final FieldDef ACTIVE_CIP = G.field("ftp.active.cip", IP, "Active IP address", "The address of a PORT command");
    public static final FieldDef ACTIVE_PORT = G.field("ftp.active.port", UINT, "Active port", "The port of a PORT command (p1*256+p2)");
    public static final FieldDef EPRT_IP = G.field("ftp.eprt.ip", IP, "Extended active IP address", "The IPv4 address of an EPRT command");
    public static final FieldDef EPRT_IPV6 = G.field("ftp.eprt.ipv6", IP, "Extended active IPv6 address", "The IPv6 address of an EPRT command");
    public static final FieldDef EPRT_PORT = G.field("ftp.eprt.port", UINT, "Extended active port");
    public static final FieldDef LPRT_IP = G.field("ftp.lprt.ip", IP, "Long active IP address", "The address of an LPRT command (RFC 1639); not in Wireshark");
    public static final FieldDef LPRT_PORT = G.field("ftp.lprt.port", UINT, "Long active port", "The port of an LPRT command; not in Wireshark");
    public static final FieldDef EPSV_PORT = G.field("ftp.epsv.port", UINT, "Extended passive port", "The port of a 229 reply");
    public static final FieldDef LPSV_IP = G.field("ftp.lpsv.ip", IP, "Long passive IP address", "The address of a 228 reply (RFC 1639); not in Wireshark");
    public static final FieldDef LPSV_PORT = G.field("ftp.lpsv.port", UINT, "Long passive port", "The port of a 228 reply; not in Wireshark");
    public static final FieldDef SESSION = G.field("ftp.session", UINT, "FTP session",
            "ftpscope's session number of the control connection, on all its frames (TLS and empty ACKs too); not a line of the tree");

    private FtpFields() {}

    public static List<FieldDef> all() { return G.all(); }
}

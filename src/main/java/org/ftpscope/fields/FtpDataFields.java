package org.ftpscope.fields;

import java.util.List;

import static org.ftpscope.fields.FieldType.*;

/** What ftpscope's analysis knows of a data connection, shown on each of its frames with payload. */
public final class FtpDataFields {
    private static final FieldGroup G = FieldGroup.protocol("ftp-data", "FTP Data");
    public static final FieldDef FTP_DATA = G.protocol();
    public static final FieldDef SETUP_FRAME = G.field("ftp-data.setup-frame", UINT, "Setup frame", "The frame of the reply or command that announced the connection");
    public static final FieldDef SETUP_METHOD = G.field("ftp-data.setup-method", STRING, "Setup method", "PORT, PASV, EPRT, EPSV, LPRT or LPSV");
    public static final FieldDef PORT = G.field("ftp-data.port", UINT, "Data port", "The announced port; ftpscope's, not in Wireshark");
    public static final FieldDef COMMAND = G.field("ftp-data.command", STRING, "Command", "The command the data answers, with its argument");
    public static final FieldDef COMMAND_FRAME = G.field("ftp-data.command-frame", UINT, "Command frame");
    public static final FieldDef FILE = G.field("ftp-data.file", STRING, "File", "The path the command names; ftpscope's, not in Wireshark");
    public static final FieldDef DATA = G.field("ftp-data.data", NONE, "Data", "The payload bytes");

    private FtpDataFields() {}

    public static List<FieldDef> all() { return G.all(); }
}

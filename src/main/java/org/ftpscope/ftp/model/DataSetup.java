package org.ftpscope.ftp.model;

import org.ftpscope.decode.Endpoint;

/**
 * One PASV/EPSV/LPSV reply or PORT/EPRT/LPRT command, as understood, and the connection that
 * followed it.
 *
 * @param commandFrame the PASV/PORT… command's frame
 * @param setupFrame   the frame that fixed the endpoint: the 227/229/228 reply in passive
 *                     modes, the PORT/EPRT/LPRT command in active ones
 * @param advertised   the endpoint it names (EPSV: the control server's address and the port)
 * @param portMath     e.g. {@code 158*256+67 = 40515}
 * @param replyCode    the server's reply to the setup command (-1 when none was seen)
 * @param data         the connection that claimed this setup, or null when none did
 * @param inferred     null when the endpoint was read from the setup line; otherwise why and how it
 *                     was inferred (the line was cut: the next connection between the two hosts is
 *                     taken, and {@code advertised} is that connection's endpoint, null when none came)
 * @param foreignConnections connections to the setup's port from a host that is not the expected
 *                     connector (a passive port taken by a third host): never the transfer
 */
public record DataSetup(int id, DataMode mode, int commandFrame, int setupFrame, Endpoint advertised,
                        String portMath, String text, int replyCode, int replyFrame, DataConnection data,
                        String inferred, java.util.List<ForeignConnection> foreignConnections) {
    public DataSetup {
        foreignConnections = java.util.List.copyOf(foreignConnections);
    }

    /** False for an inferred setup no connection came for: its address and port are not in the capture. */
    public boolean endpointKnown() { return advertised != null; }

    /** The advertised endpoint as text, or why it is not known. */
    public String advertisedText() {
        return advertised != null ? advertised.toString() : "(address and port not in the capture: the line was cut)";
    }
}

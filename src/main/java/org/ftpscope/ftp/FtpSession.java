package org.ftpscope.ftp;

import org.ftpscope.decode.Endpoint;

import java.util.List;

/**
 * One FTP control connection and everything tied to it.
 *
 * @param password the PASS argument, or null; reports mask it unless asked not to
 * @param tlsFrame the frame of the 234 reply after which the control channel is opaque, 0 if none
 */
public record FtpSession(int id, Endpoint client, Endpoint server, int controlStream, int firstFrame,
                         int lastFrame, long startNanos, long endNanos, String user, String password,
                         LoginOutcome login, boolean tls, int tlsFrame, List<CommandRecord> commands,
                         List<DataSetup> setups, List<Transfer> transfers) {
    public FtpSession {
        commands = List.copyOf(commands);
        setups = List.copyOf(setups);
        transfers = List.copyOf(transfers);
    }
}

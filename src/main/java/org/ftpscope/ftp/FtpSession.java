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

    /*
     * A session is one conversation in one capture: identity, not the record's deep comparison of
     * every command and transfer, which the app's session list ran on each selection change
     * (~40 ms of the FX thread per change on the 1 GB capture).
     */
    @Override
    public boolean equals(Object o) { return this == o; }

    @Override
    public int hashCode() { return System.identityHashCode(this); }
}

package org.ftpscope.ftp.model;

import org.ftpscope.decode.Endpoint;

import java.util.List;

/**
 * One FTP control connection and everything tied to it.
 *
 * @param password the PASS argument, or null; reports mask it unless asked not to
 * @param user      the USER argument, else the user a 331 reply names, else null (unknown: e.g. the
 *                  session started before the capture)
 * @param tls       whether the server accepted AUTH and the client's bytes after it were not cleartext
 * @param tlsFrame  the frame of the 234 reply to AUTH, 0 if none
 * @param tlsRanges the frames whose control bytes were TLS records (several runs after CCC)
 * @param userSource "USER", "331" (named by the 331 reply) or null
 */
public record FtpSession(int id, Endpoint client, Endpoint server, int controlStream, int firstFrame,
                         int lastFrame, long startNanos, long endNanos, String user, String password,
                         LoginOutcome login, boolean tls, int tlsFrame, List<CommandRecord> commands,
                         List<DataSetup> setups, List<Transfer> transfers, List<FrameRange> tlsRanges,
                         String userSource) {
    public FtpSession {
        commands = List.copyOf(commands);
        setups = List.copyOf(setups);
        transfers = List.copyOf(transfers);
        tlsRanges = List.copyOf(tlsRanges);
    }

    /** Whether a frame of the control connection carried TLS records rather than FTP lines. */
    public boolean encryptedAt(int frame) {
        for (FrameRange r : tlsRanges) if (r.contains(frame)) return true;
        return false;
    }

    /** The user for messages: the name, or words saying it is not known. */
    public String userLabel() {
        if (user == null) return "(user unknown: no USER command or naming 331 reply in the capture)";
        return "331".equals(userSource) ? user + " (named by the 331 reply; USER is not in the capture)" : user;
    }

    /*
     * A session is one conversation in one capture: identity, not the record's deep comparison of
     * every command and transfer, which the app's session list would run on each selection change.
     */
    @Override
    public boolean equals(Object o) { return this == o; }

    @Override
    public int hashCode() { return System.identityHashCode(this); }
}

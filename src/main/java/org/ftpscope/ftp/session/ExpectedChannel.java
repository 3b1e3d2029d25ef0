package org.ftpscope.ftp.session;

import org.ftpscope.decode.Endpoint;
import org.ftpscope.decode.IpAddr;
import org.ftpscope.ftp.model.DataMode;

/**
 * A data connection announced on a control channel and not yet seen, as in Zeek's
 * {@code ftp_data_expected}: one plain entry with an expiry.
 *
 * @param connector   the host expected to open the connection: the control client for passive
 *                    modes, the control server for active ones
 * @param advertised  the endpoint named by the setup; for EPSV (no address) the control
 *                    server's address with the advertised port
 * @param controlPeer the same port on the address of the control connection's other end — where
 *                    clients that ignore the advertised address (curl, Python ftplib) connect
 * @param setupId     identifies the setup within its session (index in the session's setups)
 */
public record ExpectedChannel(int session, int setupId, DataMode mode, int setupFrame,
                              IpAddr connector, Endpoint advertised, Endpoint controlPeer, long expiresNanos) {

    /** Unmatched expectations are dropped after this long, as Zeek does with its expected connections. */
    public static final long LIFETIME_NANOS = 5L * 60 * 1_000_000_000L;

    public boolean targets(IpAddr ip, int port) {
        return port == advertised.port() && (ip.equals(advertised.ip()) || ip.equals(controlPeer.ip()));
    }
}

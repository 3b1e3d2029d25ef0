package org.ftpscope.ftp.findings;

import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.tcp.TcpStream;

import java.util.List;

/**
 * A finished session and what the rules need that the session value does not keep.
 *
 * @param control           its control connection
 * @param controlFindings   what reading the control bytes found (gaps, cut or malformed lines, TLS,
 *                          unparsable setups): raised where the bytes are read, listed first
 * @param failedLoginFrames the 530 replies to PASS (or USER)
 * @param failedUsers       the users those logins named
 * @param passFrame         the PASS command's frame, 0 if none
 * @param passBeforeTls     whether PASS crossed in cleartext (not inside TLS)
 */
public record SessionFacts(FtpSession session, TcpStream control, List<Finding> controlFindings,
                           List<Integer> failedLoginFrames, List<String> failedUsers, int passFrame,
                           boolean passBeforeTls) {
    public SessionFacts {
        controlFindings = List.copyOf(controlFindings);
        failedLoginFrames = List.copyOf(failedLoginFrames);
        failedUsers = List.copyOf(failedUsers);
    }
}

package org.ftpscope.ftp.findings;

import org.ftpscope.ftp.model.FtpSession;

import java.util.List;

/** {@code login-failed}: the server rejected the login of one connection (530), once or many times. */
public final class LoginFailedRule implements SessionRule {
    @Override
    public void find(SessionFacts facts, CaptureFacts capture, List<Finding> out) {
        FtpSession s = facts.session();
        if (!facts.failedLoginFrames().isEmpty()) {
            int n = facts.failedLoginFrames().size();
            String users = String.join(", ", facts.failedUsers().stream().distinct().limit(10).toList());
            String msg = n == 1
                    ? "The server rejected the login" + (users.isEmpty() ? "" : " of \"" + users + "\"") + " (530)."
                    : n + " failed login attempts on one connection (users: " + users
                      + ") — this looks like password guessing.";
            out.add(new Finding(FindingKind.LOGIN_FAILED, FindingKind.LOGIN_FAILED.severity(), s.id(),
                    facts.failedLoginFrames().get(0), msg, facts.failedLoginFrames()));
        }
    }
}

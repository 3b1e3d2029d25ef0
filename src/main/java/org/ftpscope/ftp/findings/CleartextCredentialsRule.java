package org.ftpscope.ftp.findings;

import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.Severity;

import java.util.List;

/** {@code cleartext-credentials}: a password that crossed the network unencrypted. */
public final class CleartextCredentialsRule implements SessionRule {
    @Override
    public void find(SessionFacts facts, CaptureFacts capture, List<Finding> out) {
        FtpSession s = facts.session();
        if (s.password() != null && facts.passBeforeTls()) {
            boolean anonymous = s.user() != null
                    && (s.user().equalsIgnoreCase("anonymous") || s.user().equalsIgnoreCase("ftp"));
            String msg = anonymous
                    ? "Anonymous login: the \"password\" (usually an e-mail address) crossed the network in cleartext."
                    : (s.user() == null ? "A client whose user is unknown (no USER command or naming 331 reply in the capture)"
                       : "User \"" + s.user() + "\"" + ("331".equals(s.userSource()) ? " (named by the 331 reply)" : "")) + " sent the password in cleartext (PASS, frame " + facts.passFrame()
                      + "); anyone on the path can read it.";
            out.add(new Finding(FindingKind.CLEARTEXT_CREDENTIALS,
                    anonymous ? Severity.INFO : Severity.WARNING, s.id(), facts.passFrame(), msg, List.of()));
        }
    }
}

package org.ftpscope.ftp.findings;

/** A finding rule that reads session state on purpose: LayeringTest proves its rule catches it. */
public final class LayerRuleProbe {
    private LayerRuleProbe() {}

    public static Object state() { return new org.ftpscope.ftp.session.FtpAnalyzer(false); }
}

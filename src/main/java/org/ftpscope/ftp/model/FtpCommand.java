package org.ftpscope.ftp.model;

import java.util.Locale;
import java.util.Set;

/**
 * A command line from the client.
 *
 * @param verb upper-cased for matching; {@link #sentVerb} keeps the case as sent
 * @param arg  everything after the first space, exactly as sent ("" when none)
 */
public record FtpCommand(String verb, String sentVerb, String arg, boolean known, int frame, long nanos) {
    /** RFC 959, 2228, 2389, 2428, 2640, 3659, 1639, 7151 and the X* variants of RFC 775. */
    public static final Set<String> KNOWN = Set.of(
            "USER", "PASS", "ACCT", "CWD", "CDUP", "SMNT", "QUIT", "REIN", "PORT", "PASV", "TYPE", "STRU",
            "MODE", "RETR", "STOR", "STOU", "APPE", "ALLO", "REST", "RNFR", "RNTO", "ABOR", "DELE", "RMD", "MKD",
            "PWD", "LIST", "NLST", "SITE", "SYST", "STAT", "HELP", "NOOP", "FEAT", "OPTS", "AUTH", "PBSZ", "PROT",
            "CCC", "ADAT", "MIC", "CONF", "ENC", "EPRT", "EPSV", "LPRT", "LPSV", "MDTM", "SIZE", "MLSD", "MLST",
            "LANG", "HOST", "XPWD", "XCWD", "XMKD", "XRMD", "XCUP", "CLNT", "MFMT", "MFCT", "MFF", "AVBL", "CSID",
            "DSIZ", "HASH", "RANG", "THMB", "XCRC", "XMD5", "XSHA1", "XSHA256");

    /**
     * Whether a line cut after {@code verb} (upper case) still names its verb whole: a known verb
     * that no longer known verb begins with ({@code RETR}, {@code PWD}; not {@code XSHA}, {@code STO}).
     */
    public static boolean wholeVerb(String verb) {
        if (!KNOWN.contains(verb)) return false;
        for (String v : KNOWN) if (v.length() > verb.length() && v.startsWith(verb)) return false;
        return true;
    }

    /** Parses one line (without its line end). */
    public static FtpCommand parse(String line, int frame, long nanos) {
        int sp = line.indexOf(' ');
        String sent = sp < 0 ? line : line.substring(0, sp);
        String arg = sp < 0 ? "" : line.substring(sp + 1);
        String verb = sent.toUpperCase(Locale.ROOT);
        return new FtpCommand(verb, sent, arg, KNOWN.contains(verb), frame, nanos);
    }

    /** The argument with leading list options ({@code -la}) removed, as a path-taking LIST/NLST means it. */
    public String pathArgument() {
        String a = arg.trim();
        if ((verb.equals("LIST") || verb.equals("NLST")) && a.startsWith("-")) {
            int sp = a.indexOf(' ');
            a = sp < 0 ? "" : a.substring(sp + 1).trim();
        }
        return a;
    }
}

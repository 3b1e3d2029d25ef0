package org.ftpscope.ftp.parse;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which replies each command can be answered with: RFC 959 §5.4's command-reply sequences,
 * extended by RFC 2228 (AUTH, ADAT, PBSZ, PROT, CCC, MIC/CONF/ENC), 2389 (FEAT, OPTS), 2428 (EPRT,
 * EPSV), 1639 (LPRT, LPSV), 3659 (SIZE, MDTM, MLST, MLSD, REST STREAM), 4217 (AUTH TLS), 2640
 * (LANG) and 7151 (HOST). Used to resynchronise pairing after a lost reply: a positive reply that
 * a command cannot get belongs to a later command.
 *
 * <p>Errors (4xx, 5xx) and protected replies (6xx) fit every command: servers send 421, 500, 502,
 * 503, 530, 550 … to anything, so an error says nothing about which command it answers.
 */
public final class ReplyExpectations {
    private ReplyExpectations() {}

    /** How a reply fits a command waiting for it. */
    public enum Fit {
        /** A 1xx the command can get; the command keeps waiting for its completion. */
        PRELIMINARY,
        /** A completion (2xx, 3xx, or an error) the command can get in its state. */
        COMPLETION,
        /**
         * A transfer's 2xx completion without its 1xx having been seen: plausible only when the 1xx
         * is missing from the capture.
         */
        COMPLETION_WITHOUT_PRELIMINARY,
        /** A positive reply the command can never get (a 250 to PASV, a 227 to RETR). */
        NO
    }

    private record Rule(Set<Integer> preliminary, Set<Integer> afterPreliminary, Set<Integer> positive) {}

    private static final Set<Integer> TRANSFER_PRELIMINARY = Set.of(110, 125, 150);
    private static final Set<Integer> TRANSFER_DONE = Set.of(226, 250);
    private static final Map<String, Rule> RULES = new HashMap<>();

    private static void simple(Set<Integer> positive, String... verbs) {
        for (String v : verbs) RULES.put(v, new Rule(Set.of(), Set.of(), positive));
    }

    static {
        // RFC 959 §5.4
        simple(Set.of(230, 331, 332), "USER");
        simple(Set.of(230, 202, 332), "PASS");
        simple(Set.of(230, 202), "ACCT");
        simple(Set.of(250, 200), "CWD", "XCWD"); // 200: some servers (e.g. Serv-U) answer CWD so
        simple(Set.of(200, 250), "CDUP", "XCUP"); // RFC 959 lists 200, servers often send 250
        simple(Set.of(202, 250), "SMNT");
        RULES.put("REIN", new Rule(Set.of(120), Set.of(220), Set.of(220)));
        simple(Set.of(221), "QUIT");
        simple(Set.of(200), "PORT", "MODE", "TYPE", "STRU", "PBSZ", "PROT", "CCC", "EPRT", "LPRT", "LANG", "CLNT");
        simple(Set.of(227), "PASV");
        simple(Set.of(229), "EPSV");
        simple(Set.of(228), "LPSV");
        simple(Set.of(200, 202), "ALLO");
        simple(Set.of(350), "REST", "RNFR");
        for (String v : new String[] {"STOR", "STOU", "RETR", "LIST", "NLST", "APPE", "MLSD"}) {
            RULES.put(v, new Rule(TRANSFER_PRELIMINARY, TRANSFER_DONE, Set.of()));
        }
        simple(Set.of(250), "RNTO", "DELE", "RMD", "XRMD");
        simple(Set.of(257, 250), "MKD", "XMKD"); // 250: some servers answer MKD so
        simple(Set.of(257), "PWD", "XPWD");
        simple(Set.of(225, 226), "ABOR");
        simple(Set.of(215), "SYST");
        simple(Set.of(211, 212, 213), "STAT");
        simple(Set.of(211, 214), "HELP");
        simple(Set.of(200), "NOOP");
        // RFC 2228, RFC 4217
        simple(Set.of(234, 334), "AUTH");
        simple(Set.of(235, 335), "ADAT");
        simple(Set.of(), "MIC", "CONF", "ENC"); // answered by 63x protected replies or errors
        // RFC 2389
        simple(Set.of(211), "FEAT");
        simple(Set.of(200, 202), "OPTS");
        // RFC 3659 and common extensions answered with a file status
        simple(Set.of(213), "SIZE", "MDTM", "MFMT", "MFCT", "MFF", "AVBL", "HASH", "DSIZ");
        simple(Set.of(250), "MLST");
        simple(Set.of(213, 250), "XCRC", "XMD5", "XSHA1", "XSHA256");
        // RFC 7151
        RULES.put("HOST", new Rule(Set.of(120), Set.of(220), Set.of(220)));

    // SITE has no rule: its sub-commands (CHMOD, HELP, UMASK …) are answered with any 2xx.
    }

    /** Whether the verb has a rule; unknown verbs fit every reply. */
    public static boolean known(String verb) { return RULES.containsKey(verb); }

    /**
     * How {@code code} fits {@code verb}, given whether a 1xx for it was already seen.
     * Unknown verbs and malformed codes (-1) fit as completions: nothing is known against them.
     */
    public static Fit fit(String verb, boolean preliminarySeen, int code) {
        Rule r = RULES.get(verb);
        boolean error = code >= 400 || code < 100;
        if (r == null || error) return code >= 100 && code < 200 ? Fit.PRELIMINARY : Fit.COMPLETION;
        if (code < 200) {
            if (r.preliminary.contains(code)) return Fit.PRELIMINARY;
            return Fit.NO;
        }
        if (r.afterPreliminary.contains(code)) {
            if (preliminarySeen) return Fit.COMPLETION;
            return r.positive.contains(code) ? Fit.COMPLETION : Fit.COMPLETION_WITHOUT_PRELIMINARY;
        }
        if (r.positive.contains(code) && !(preliminarySeen && !r.afterPreliminary.isEmpty())) return Fit.COMPLETION;
        return Fit.NO;
    }
}

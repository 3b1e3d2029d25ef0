package org.ftpscope.ftp.parse;

import org.ftpscope.ftp.parse.ReplyExpectations.Fit;
import org.junit.jupiter.api.Test;

import static org.ftpscope.ftp.parse.ReplyExpectations.fit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-command reply table against RFC 959 §5.4 and its successors. */
class ReplyExpectationsTest {

    @Test
    void transferCommandsTakePreliminariesThenTheirCompletion() {
        // RFC 959 §5.4: RETR 125, 150 (110) 226, 250 425, 426, 451 450, 550 500, 501, 421, 530
        for (String v : new String[] {"RETR", "STOR", "STOU", "APPE", "LIST", "NLST", "MLSD"}) {
            assertEquals(Fit.PRELIMINARY, fit(v, false, 150), v);
            assertEquals(Fit.PRELIMINARY, fit(v, false, 125), v);
            assertEquals(Fit.PRELIMINARY, fit(v, true, 110), v);
            assertEquals(Fit.COMPLETION, fit(v, true, 226), v);
            assertEquals(Fit.COMPLETION, fit(v, true, 250), v);
            assertEquals(Fit.COMPLETION_WITHOUT_PRELIMINARY, fit(v, false, 226), v);
            assertEquals(Fit.COMPLETION, fit(v, false, 550), v);
            assertEquals(Fit.COMPLETION, fit(v, true, 426), v);
            assertEquals(Fit.COMPLETION, fit(v, false, 425), v); // vsftpd's "425 Use PORT or PASV first."
            assertEquals(Fit.NO, fit(v, true, 200), v);
            assertEquals(Fit.NO, fit(v, false, 227), v);
            assertEquals(Fit.NO, fit(v, true, 213), v);
        }
    }

    @Test
    void positiveRepliesOnlyFitTheirCommands() {
        assertEquals(Fit.COMPLETION, fit("PASV", false, 227));
        assertEquals(Fit.NO, fit("PASV", false, 229));
        assertEquals(Fit.NO, fit("PASV", false, 250));
        assertEquals(Fit.COMPLETION, fit("EPSV", false, 229));
        assertEquals(Fit.COMPLETION, fit("LPSV", false, 228));
        assertEquals(Fit.COMPLETION, fit("CWD", false, 250));
        assertEquals(Fit.NO, fit("CWD", false, 257));
        assertEquals(Fit.COMPLETION, fit("PWD", false, 257));
        assertEquals(Fit.NO, fit("PWD", false, 250));
        assertEquals(Fit.COMPLETION, fit("TYPE", false, 200));
        assertEquals(Fit.NO, fit("TYPE", false, 150));
        assertEquals(Fit.COMPLETION, fit("USER", false, 331));
        assertEquals(Fit.COMPLETION, fit("USER", false, 230));
        assertEquals(Fit.NO, fit("PASS", false, 331));
        assertEquals(Fit.COMPLETION, fit("REST", false, 350));
        assertEquals(Fit.COMPLETION, fit("RNFR", false, 350));
        assertEquals(Fit.COMPLETION, fit("RNTO", false, 250));
        assertEquals(Fit.COMPLETION, fit("QUIT", false, 221));
        assertEquals(Fit.COMPLETION, fit("SYST", false, 215));
        assertEquals(Fit.COMPLETION, fit("FEAT", false, 211));
        assertEquals(Fit.COMPLETION, fit("ABOR", false, 226));
        assertEquals(Fit.COMPLETION, fit("ABOR", false, 225));
    }

    @Test
    void securityAndExtensionCommands() {
        assertEquals(Fit.COMPLETION, fit("AUTH", false, 234)); // RFC 4217 §4
        assertEquals(Fit.COMPLETION, fit("AUTH", false, 334)); // RFC 2228 ADAT follows
        assertEquals(Fit.NO, fit("AUTH", false, 200));
        assertEquals(Fit.COMPLETION, fit("CCC", false, 200)); // RFC 2228 §5.3
        assertEquals(Fit.COMPLETION, fit("PBSZ", false, 200));
        assertEquals(Fit.COMPLETION, fit("PROT", false, 200));
        assertEquals(Fit.COMPLETION, fit("ADAT", false, 235));
        assertEquals(Fit.COMPLETION, fit("EPRT", false, 200)); // RFC 2428
        assertEquals(Fit.COMPLETION, fit("EPRT", false, 522));
        assertEquals(Fit.COMPLETION, fit("SIZE", false, 213)); // RFC 3659
        assertEquals(Fit.COMPLETION, fit("MDTM", false, 213));
        assertEquals(Fit.NO, fit("SIZE", false, 250));
        assertEquals(Fit.COMPLETION, fit("MLST", false, 250));
        assertEquals(Fit.COMPLETION, fit("HOST", false, 220)); // RFC 7151
    }

    @Test
    void errorsAndUnknownVerbsFitAnything() {
        for (int code : new int[] {421, 450, 500, 501, 502, 503, 504, 530, 550, 631, -1}) {
            assertEquals(Fit.COMPLETION, fit("PASV", false, code), "PASV " + code);
            assertEquals(Fit.COMPLETION, fit("NOOP", false, code), "NOOP " + code);
        }
        assertTrue(ReplyExpectations.known("RETR"));
        assertFalse(ReplyExpectations.known("SITE"));
        assertFalse(ReplyExpectations.known("XYZZY"));
        assertEquals(Fit.COMPLETION, fit("XYZZY", false, 250));
        assertEquals(Fit.COMPLETION, fit("SITE", false, 200));
    }
}

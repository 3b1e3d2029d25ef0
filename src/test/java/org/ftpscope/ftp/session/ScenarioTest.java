package org.ftpscope.ftp.session;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.findings.FindingKind;
import org.ftpscope.ftp.model.CommandRecord;
import org.ftpscope.ftp.model.DataMode;
import org.ftpscope.ftp.model.DataSetup;
import org.ftpscope.ftp.model.DataState;
import org.ftpscope.ftp.model.FirewallSummary;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.LoginOutcome;
import org.ftpscope.ftp.model.Outcome;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.ftp.model.TransferDirection;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One real capture per behaviour: the setups, data connections and findings the analysis must
 * report, with frame numbers checked against tshark 4.0.17 and, for the Zeek traces, Zeek's logs.
 */
class ScenarioTest {

    private static Analysis analyze(Path p) throws Exception { return Analyzer.analyze(p); }

    private static List<Finding> findings(Analysis a, FindingKind k) {
        return a.findings().stream().filter(f -> f.kind() == k).toList();
    }

    private static Set<FindingKind> kinds(Analysis a) {
        return a.findings().stream().map(Finding::kind).collect(Collectors.toSet());
    }

    @Test
    void passiveCurlSession() throws Exception {
        try (Analysis a = analyze(TestCaptures.sample("pasv-curl.pcap"))) {
            assertEquals(2, a.sessions().size());
            FtpSession s = a.sessions().get(0);
            assertEquals("ftpuser", s.user());
            assertEquals(LoginOutcome.SUCCEEDED, s.login());
            Transfer list = s.transfers().get(0);
            assertEquals("LIST", list.command());
            assertEquals(DataMode.PASV, list.mode());
            assertEquals(20, list.setup().setupFrame()); // tshark: frame 20 is the 227 reply
            assertEquals("156*256+93 = 40029", list.setup().portMath());
            assertEquals(1, list.data().stream());
            assertTrue(list.data().usedAdvertisedAddress());
            assertEquals(TransferDirection.LISTING, list.direction());
            Transfer retr = s.transfers().get(1);
            assertEquals("/pub/notes-48k.txt", retr.path());
            assertEquals(48000, retr.expectedBytes());
            assertEquals(48000, retr.bytes());
            assertEquals(226, retr.replyCode());
            assertEquals(TransferDirection.UPLOAD, a.sessions().get(1).transfers().get(0).direction());
            // Clean traffic: only the cleartext password is worth saying.
            assertEquals(Set.of(FindingKind.CLEARTEXT_CREDENTIALS), kinds(a));
            // Reply time of PASV (frame 19 → 20): 0.589 ms in tshark's ftp.response timestamps.
            CommandRecord pasv = s.commands().stream().filter(c -> "PASV".equals(c.command())).findFirst().orElseThrow();
            assertEquals(19, pasv.frame());
            assertEquals(0.589, pasv.replyMillis(), 0.001);
        }
    }

    @Test
    void natWrongPassiveAddress() throws Exception {
        try (Analysis a = analyze(TestCaptures.sample("nat-wrong-pasv-address.pcap"))) {
            List<Finding> mismatch = findings(a, FindingKind.PASV_ADDRESS_MISMATCH);
            assertEquals(List.of(18, 53, 84, 127, 166), mismatch.stream().map(Finding::frame).toList());
            // curl (frame 18) ignored 10.10.10.21 and used the control connection's address…
            assertTrue(mismatch.get(0).message().contains("ignored it and connected to the control connection's address"),
                    mismatch.get(0).message());
            Transfer curl = a.sessions().get(0).transfers().get(0);
            assertEquals("10.10.10.21", curl.setup().advertised().ip().toString());
            assertFalse(curl.data().usedAdvertisedAddress());
            assertEquals("198.51.100.21:40026", curl.data().server().toString());
            assertTrue(curl.complete());
            // …the trusting clients tried 10.10.10.21 and got no answer (SYNs 85-90, 128-133, 167-172).
            assertTrue(mismatch.get(2).message().contains("connected to the advertised address"), mismatch.get(2).message());
            List<Finding> blocked = findings(a, FindingKind.DATA_CONNECTION_BLOCKED);
            assertEquals(List.of(85, 128, 167), blocked.stream().map(Finding::frame).toList());
            assertTrue(blocked.get(0).message().contains("10.10.10.21:40005"), blocked.get(0).message());
            assertTrue(blocked.get(0).message().contains("sent 5 times"), blocked.get(0).message());
        }
    }

    @Test
    void firewallDropsThePassivePort() throws Exception {
        try (Analysis a = analyze(TestCaptures.sample("firewall-blocks-pasv.pcap"))) {
            assertEquals(2, a.sessions().size());
            assertEquals(LoginOutcome.SUCCEEDED, a.sessions().get(0).login());
            List<Finding> blocked = findings(a, FindingKind.DATA_CONNECTION_BLOCKED);
            assertEquals(List.of(19, 47), blocked.stream().map(Finding::frame).toList());
            DataSetup epsv = a.sessions().get(0).setups().get(0);
            assertEquals(DataMode.EPSV, epsv.mode());
            assertEquals(DataState.UNANSWERED, epsv.data().state());
            assertEquals(5, epsv.data().synCount());
            FirewallSummary fw = a.ftp().firewall().get(0);
            // curl's EPSV (40089) timed out; it retried with PASV (frame 26, 40076) and gave up without connecting.
            DataSetup retry = a.sessions().get(0).setups().get(1);
            assertEquals(DataMode.PASV, retry.mode());
            assertEquals(26, retry.setupFrame());
            assertNull(retry.data());
            assertEquals(Set.of(40089, 40076, 40045), Set.copyOf(fw.passivePorts()));
            assertTrue(fw.iptablesRules().contains(
                    "iptables -A INPUT -p tcp -d 198.51.100.21 --dport 40045:40089 -m conntrack --ctstate NEW,ESTABLISHED -j ACCEPT"));
        }
        try (Analysis a = analyze(TestCaptures.sample("firewall-rejects-pasv.pcap"))) {
            assertEquals(List.of(20, 24, 45), findings(a, FindingKind.DATA_CONNECTION_REFUSED).stream().map(Finding::frame).toList());
            assertTrue(findings(a, FindingKind.DATA_CONNECTION_BLOCKED).isEmpty());
        }
    }

    @Test
    void bounceAndPrivilegedPorts() throws Exception {
        try (Analysis a = analyze(TestCaptures.sample("bounce-port.pcap"))) {
            assertEquals(List.of(12, 17, 23, 64), findings(a, FindingKind.BOUNCE_ATTEMPT).stream().map(Finding::frame).toList());
            assertTrue(findings(a, FindingKind.BOUNCE_ATTEMPT).get(0).message().contains("203.0.113.5:4444"));
            assertTrue(findings(a, FindingKind.BOUNCE_ATTEMPT).get(0).message().contains("500, refusing it"));
            assertEquals(List.of(19, 21), findings(a, FindingKind.PRIVILEGED_DATA_PORT).stream().map(Finding::frame).toList());
            // PORT 999,0,2,10,17,92 is rejected, not wrapped into an address.
            Finding invalid = findings(a, FindingKind.INVALID_SETUP_REPLY).get(0);
            assertEquals(25, invalid.frame());
            assertTrue(invalid.message().contains("number 999 is out of range 0-255"));
            // The one valid PORT: LIST over a connection the server opened from an ephemeral port (not 20).
            Transfer list = a.sessions().get(0).transfers().stream().filter(t -> t.command().equals("LIST")).findFirst().orElseThrow();
            assertEquals(DataMode.PORT, list.mode());
            assertEquals("198.51.100.21:44395", list.data().client().toString());
            assertFalse(list.data().sourcePort20());
        }
    }

    @Test
    void activeModeFromPort20() throws Exception {
        try (Analysis a = analyze(TestCaptures.sample("active-port.pcap"))) {
            Transfer list = a.sessions().get(0).transfers().get(0);
            assertEquals(DataMode.PORT, list.mode());
            assertEquals(17, list.setup().setupFrame());
            assertEquals("160*256+119 = 41079", list.setup().portMath());
            assertEquals(22, list.data().synFrame());
            assertEquals("198.51.100.21:20", list.data().client().toString());
            assertTrue(list.data().sourcePort20());
            assertEquals(Set.of(20), Set.copyOf(a.ftp().firewall().get(0).activeSourcePorts()));
        }
    }

    @Test
    void ipv6ExtendedModes() throws Exception {
        try (Analysis a = analyze(TestCaptures.sample("ipv6-eprt-epsv.pcap"))) {
            List<DataMode> modes = a.sessions().stream().flatMap(s -> s.transfers().stream()).map(Transfer::mode).toList();
            assertTrue(modes.contains(DataMode.EPSV) && modes.contains(DataMode.EPRT), modes.toString());
            Transfer eprt = a.sessions().stream().flatMap(s -> s.transfers().stream())
                    .filter(t -> t.mode() == DataMode.EPRT).findFirst().orElseThrow();
            assertTrue(eprt.setup().advertised().ip().v6());
            assertEquals("2001:db8:1::10", eprt.setup().advertised().ip().toString());
        }
    }

    @Test
    void zeekIpv4TraceAgreesWithZeeksFtpLog() throws Exception {
        // Zeek ipv4.ftp.log: PASV → 199.233.217.249:56666 and :56667, PORT → 141.142.220.235:33582 and :37835,
        // RETR robots.txt of 77 bytes twice.
        try (Analysis a = analyze(TestCaptures.zeek("ipv4.pcap"))) {
            FtpSession s = a.sessions().get(0);
            assertEquals("anonymous", s.user());
            assertEquals(List.of(56666, 56667, 33582, 37835), s.setups().stream().map(d -> d.advertised().port()).toList());
            assertEquals("221*256+90 = 56666", s.setups().get(0).portMath());
            assertEquals("131*256+46 = 33582", s.setups().get(2).portMath());
            List<Transfer> retr = s.transfers().stream().filter(t -> t.command().equals("RETR")).toList();
            assertEquals(2, retr.size());
            for (Transfer t : retr) {
                assertEquals(77, t.bytes());
                assertEquals(77, t.expectedBytes());
                assertTrue(t.complete());
            }
            // tshark misses the PORT data connections (its ftp-data.setup-frame is absent on frames 63 and 82);
            // ftpscope ties them to their PORT commands.
            assertEquals(DataMode.PORT, a.transferOnStream(3).mode());
        }
    }

    @Test
    void zeekMalformedReplies() throws Exception {
        // Zeek logs PASV, SYST and RETR here with the stale "230 PASS OK"; the real replies are malformed.
        try (Analysis a = analyze(TestCaptures.zeek("ftp-invalid-reply-code.pcap"))) {
            CommandRecord pasv = a.sessions().get(0).commands().stream().filter(c -> "PASV".equals(c.command())).findFirst().orElseThrow();
            assertEquals(-1, pasv.replyCode());
            assertEquals("99 PASV invalid", pasv.replyText());
            assertEquals(16, pasv.replyFrame());
            assertEquals(16, findings(a, FindingKind.MALFORMED_CONTROL).get(0).frame());
        }
        try (Analysis a = analyze(TestCaptures.zeek("ftp-missing-reply-code.pcap"))) {
            CommandRecord syst = a.sessions().get(0).commands().stream().filter(c -> "SYST".equals(c.command())).findFirst().orElseThrow();
            assertEquals(-1, syst.replyCode());
            assertEquals("SYST not supported", syst.replyText());
        }
        try (Analysis a = analyze(TestCaptures.zeek("ftp-missing-space-after-reply-code.pcap"))) {
            CommandRecord retr = a.sessions().get(0).commands().stream().filter(c -> "RETR".equals(c.command())).findFirst().orElseThrow();
            assertEquals(230, retr.replyCode());
            assertEquals("_no_space", retr.replyText());
            assertEquals(16, findings(a, FindingKind.MALFORMED_CONTROL).get(0).frame());
        }
    }

    @Test
    void multiLineReplies() throws Exception {
        try (Analysis a = analyze(TestCaptures.zeek("ftp-password-pass-command.pcap"))) {
            CommandRecord greeting = a.sessions().get(0).commands().get(0);
            assertNull(greeting.command());
            assertEquals(220, greeting.replyCode());
            assertEquals(2, greeting.finalReply().lines().size()); // FileZilla Server 1.9.1's two-line 220
            assertEquals(LoginOutcome.FAILED, a.sessions().get(0).login());
            assertEquals(11, findings(a, FindingKind.LOGIN_FAILED).get(0).frame());
        }
        try (Analysis a = analyze(TestCaptures.sample("multiline-replies.pcap"))) {
            FtpSession s = a.sessions().get(0);
            CommandRecord greeting = s.commands().get(0);
            assertEquals(8, greeting.finalReply().lines().size()); // banner_file of 8 lines incl. "220-220 …"
            CommandRecord feat = s.commands().stream().filter(c -> "FEAT".equals(c.command())).findFirst().orElseThrow();
            assertEquals(211, feat.replyCode());
            assertTrue(feat.finalReply().lines().size() > 3);
            // The commands after the multi-line replies still pair with their own replies.
            CommandRecord syst = s.commands().stream().filter(c -> "SYST".equals(c.command())).findFirst().orElseThrow();
            assertEquals(215, syst.replyCode());
            assertEquals(86, syst.replyFrame());
        }
    }

    @Test
    void authTlsTurnsTheControlChannelOpaque() throws Exception {
        try (Analysis a = analyze(TestCaptures.sample("auth-tls.pcap"))) {
            assertEquals(List.of(8, 143, 222), a.sessions().stream().map(FtpSession::tlsFrame).toList());
            assertTrue(a.sessions().stream().allMatch(FtpSession::tls));
            assertEquals(3, findings(a, FindingKind.TLS_CONTROL_CHANNEL).size());
            assertTrue(findings(a, FindingKind.CLEARTEXT_CREDENTIALS).isEmpty(), "the password went inside TLS");
        }
        try (Analysis a = analyze(TestCaptures.zeek("ftp-auth-tls.pcap"))) {
            assertEquals(21, a.sessions().get(0).tlsFrame());
        }
    }

    @Test
    void bruteForceAcrossConnections() throws Exception {
        // Zeek's notice: "192.168.56.1 had 20 failed logins on 1 FTP server in 0m37s" (it fires at its threshold of
        // 20); the capture holds 30 connections with one failed login each, which ftpscope reports in full.
        try (Analysis a = analyze(TestCaptures.zeek("bruteforce.pcap"))) {
            assertEquals(30, findings(a, FindingKind.LOGIN_FAILED).size());
            Finding bf = findings(a, FindingKind.BRUTE_FORCE).get(0);
            assertEquals(30, bf.frames().size());
            assertTrue(bf.message().startsWith("30 failed logins from 192.168.56.1 to 192.168.56.101 in 30 connections"));
        }
    }

    @Test
    void restAbortAndListingsInALongSession() throws Exception {
        try (Analysis a = analyze(TestCaptures.sample("long-session.pcap"))) {
            FtpSession s = a.sessions().get(0);
            Predicate<Transfer> medium = t -> t.path().equals("/pub/medium-120k.bin");
            Transfer rest = s.transfers().stream().filter(medium).findFirst().orElseThrow();
            assertEquals(100000, rest.restOffset());
            assertEquals(20000, rest.bytes());
            assertEquals(20000, rest.expectedBytes());
            assertTrue(rest.complete());
            Transfer aborted = s.transfers().stream().filter(t -> t.path().equals("/pub/large-300k.bin")).findFirst().orElseThrow();
            assertEquals(426, aborted.replyCode());
            assertEquals(Outcome.FAILED, aborted.outcome());
            assertFalse(aborted.complete());
            Transfer appe = s.transfers().stream().filter(t -> t.command().equals("APPE")).findFirst().orElseThrow();
            assertEquals("/upload/newdir/a.txt", appe.path());
            assertEquals(1500, appe.bytes());
        }
    }

    @Test
    void concurrentSessionsKeepTheirOwnDataConnections() throws Exception {
        try (Analysis a = analyze(TestCaptures.sample("concurrent-clients.pcap"))) {
            assertEquals(4, a.sessions().size());
            for (FtpSession s : a.sessions()) {
                for (Transfer t : s.transfers()) {
                    // Passive data connections come from the session's own client.
                    assertEquals(s.client().ip(), t.data().client().ip(), "session " + s.id());
                    assertTrue(t.complete(), t.path());
                }
            }
        }
    }

    @Test
    void snaplenCaptureSaysSo() throws Exception {
        try (Analysis a = analyze(TestCaptures.sample("snaplen-96.pcap"))) {
            Finding f = findings(a, FindingKind.CAPTURE_TRUNCATED).get(0);
            assertEquals(-1, f.session());
            assertTrue(f.message().startsWith("41 frames were cut"), f.message());
        }
    }

    @Test
    void ftpOnAnotherPortIsFoundByContent() throws Exception {
        try (Analysis a = analyze(TestCaptures.zeek("globus-url-copy.pcap"))) {
            assertEquals(1, a.sessions().size());
            assertEquals(2811, a.sessions().get(0).server().port());
            assertEquals("AUTH", a.sessions().get(0).commands().get(1).command());
        }
    }
}

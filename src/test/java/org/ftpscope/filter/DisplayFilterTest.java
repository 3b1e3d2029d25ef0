package org.ftpscope.filter;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Filters evaluated on real captures; each expected frame list is tshark 4.0.17's for the same filter. */
class DisplayFilterTest {
    private static Analysis curl, lossy;

    @BeforeAll
    static void load() throws Exception {
        curl = Analyzer.analyze(TestCaptures.sample("pasv-curl.pcap"));
        lossy = Analyzer.analyze(TestCaptures.sample("lossy-transfers.pcap"));
    }

    @AfterAll
    static void close() throws Exception {
        curl.close();
        lossy.close();
    }

    private static int[] run(Analysis a, String filter) {
        DisplayFilter.Result r = DisplayFilter.compile(filter);
        assertInstanceOf(DisplayFilter.Result.Compiled.class, r, filter);
        return AnalysisFields.matching(a, ((DisplayFilter.Result.Compiled) r).filter());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "tcp.flags.syn == 1 && tcp.flags.ack == 0; 3,21,37,107,125",
        "ftp.passive.port; 20,36,124",
        "ftp.request.command == PASV; 19,35,123",
        "ftp.response.code >= 200 and ftp.response.code < 300 and frame.number < 20; 6,13,16,18",
        "ftp.passive.port == 40070; 36",
        "ftp.response.arg matches \"^Entering\"; 20,36,124",
        "arp or icmpv6; 1,2",
    })
    void curlCaptureMatchesTshark(String filter, String frames) {
        int[] want = Arrays.stream(frames.split(",")).mapToInt(Integer::parseInt).toArray();
        assertArrayEquals(want, run(curl, filter));
    }

    @Test
    void countsMatchTshark() {
        assertEquals(49, run(curl, "ftp-data").length);
        assertEquals(45, run(curl, "ftp").length);
        assertEquals(47, run(curl, "!(tcp.port == 21) && tcp.len > 1000").length);
        assertEquals(76, run(curl, "ip.addr == 198.51.100.0/24 and tcp.port in {21, 40029}").length);
        assertEquals(8, run(curl, "tcp.port in {40000..40050}").length);
        assertEquals(23, run(curl, "tcp.stream == 2 and tcp.len == 0").length);
        assertEquals(189, run(lossy, "tcp.analysis.retransmission").length);
        assertEquals(336, run(lossy, "tcp.analysis.flags && !tcp.analysis.duplicate_ack").length);
        assertEquals(83, run(lossy, "tcp.analysis.out_of_order or tcp.analysis.lost_segment").length);
        assertEquals(curl.capture().frameCount(), run(curl, "").length);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "tcp.prt == 21; 0; \"tcp.prt\" is neither a field nor a protocol name.",
        "ip.addr == foo; 11; \"foo\" is not a valid IP address",
        "(tcp.port == 21; 15; missing \")\"",
        "tcp.port == ; 11; a value is missing after \"==\"",
        "tcp.port contains 2; 9; \"tcp.port\" is a number: \"contains\" needs a text field",
        "ftp == 1; 4; \"ftp\" is a protocol: it cannot be compared",
        "tcp.port == 21 21; 15; unexpected \"21\"",
        "tcp.port == \u0662\u0661; 12; \"\u0662\u0661\" is not a valid number",
        "tcp.port == \uff12\uff11; 12; \"\uff12\uff11\" is not a valid number",
        "ftp.request.command matches \"(\"; 28; bad regular expression: missing closing ): `(`",
        "ftp.request.arg matches \"(a)\\\\1\"; 24; bad regular expression: invalid escape sequence: `\\1` (backreferences and lookaround are not supported)",
        "ftp.request.arg matches \"(?=a)\"; 24; bad regular expression: invalid or unsupported Perl syntax: `(?=` (backreferences and lookaround are not supported)",
    })
    void invalidFiltersSayWhatAndWhere(String filter, int position, String message) {
        DisplayFilter.Result r = DisplayFilter.compile(filter);
        DisplayFilter.Result.Invalid bad = assertInstanceOf(DisplayFilter.Result.Invalid.class, r);
        assertEquals(message, bad.message());
        assertEquals(position, bad.position());
    }

    @Test
    void nestingUpToTheDepthLimitCompilesAndOneMoreIsRefused() {
        int depth = org.ftpscope.capture.Limit.FILTER_DEPTH.intValue();
        assertEquals(run(curl, "ftp").length, run(curl, "(".repeat(depth) + "ftp" + ")".repeat(depth)).length);
        DisplayFilter.Result.Invalid bad = assertInstanceOf(DisplayFilter.Result.Invalid.class,
                DisplayFilter.compile("!(".repeat(depth + 1) + "ftp" + ")".repeat(depth + 1)));
        assertEquals("parentheses nest deeper than limit FILTER_DEPTH (256 nesting depth of a display filter)", bad.message());
        assertEquals(2 * depth + 1, bad.position());
    }

    @Test
    void longChainsOfOrAndAndNotCostNoStack() {
        StringBuilder or = new StringBuilder("tcp.port == 0");
        for (int i = 1; i < 100_000; i++) or.append(" || tcp.port == ").append(i);
        assertEquals(run(curl, "tcp.port in {0..99999}").length, run(curl, or.toString()).length);
        assertEquals(167, run(curl, or.toString()).length); // tshark -Y tcp: 167 frames
        String and = String.join(" && ", java.util.Collections.nCopies(100_000, "!udp"));
        assertEquals(run(curl, "!udp").length, run(curl, and).length);
        assertEquals(run(curl, "tcp").length, run(curl, "!".repeat(100_000) + "tcp").length);
        assertEquals(run(curl, "!tcp").length, run(curl, "not ".repeat(100_001) + "tcp").length);
    }
}

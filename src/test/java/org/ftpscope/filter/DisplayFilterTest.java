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
    private static Analysis curl, lossy, active, vlan, v6;

    @BeforeAll
    static void load() throws Exception {
        curl = Analyzer.analyze(TestCaptures.sample("pasv-curl.pcap"));
        lossy = Analyzer.analyze(TestCaptures.sample("lossy-transfers.pcap"));
        active = Analyzer.analyze(TestCaptures.sample("active-port.pcap"));
        vlan = Analyzer.analyze(TestCaptures.sample("vlan.pcap"));
        v6 = Analyzer.analyze(TestCaptures.sample("ipv6-eprt-epsv.pcap"));
    }

    @AfterAll
    static void close() throws Exception {
        for (Analysis a : new Analysis[] {curl, lossy, active, vlan, v6}) a.close();
    }

    private static Analysis sample(String name) {
        return switch (name) {
            case "active" -> active;
            case "vlan" -> vlan;
            case "v6" -> v6;
            case "lossy" -> lossy;
            default -> curl;
        };
    }

    /** "4,8,11-14" as frame numbers; "-" for none. */
    private static int[] frames(String ranges) {
        if (ranges.equals("-")) return new int[0];
        return Arrays.stream(ranges.split(",")).flatMapToInt(r -> {
            int dash = r.indexOf('-');
            return dash < 0 ? java.util.stream.IntStream.of(Integer.parseInt(r))
                    : java.util.stream.IntStream.rangeClosed(Integer.parseInt(r.substring(0, dash)), Integer.parseInt(r.substring(dash + 1)));
        }).toArray();
    }

    /**
     * The audit's silent wrong answers (/tmp/audit-1), each with tshark 4.0.17's frames for the same filter
     * on the same sample: active-port (224 frames), vlan (57: two ARP, then TCP), ipv6-eprt-epsv (208, no IPv4).
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
        // 1. != is "every value differs", false where the field is absent; !== and ~= "some value differs".
        "active; ftp.response.code != 200; 4,8,11,14,16,25,31,38,43,49,52,59,63,66,69,71,80,109,112,119,123,132,135,137,140,143,145,"
                + "152,158,163,165,167,169,171,173,175,177,179,186,192,200,214,217,219,221",
        "v6; ip.addr != 192.0.2.10; -",
        "v6; ipv6.addr != 2001:db8:1::10; 1-2,4-5",
        "v6; ipv6.addr !== 2001:db8:1::10; 1-208",
        "vlan; tcp.port != 21; 21-23,28-32,37-39,46-50",
        "vlan; tcp.srcport != 21 && tcp.dstport != 21; 21-23,28-32,37-39,46-50",
        "vlan; !(tcp.port == 21); 1-2,21-23,28-32,37-39,46-50",
        "vlan; tcp.port !== 21; 3-57",
        "vlan; tcp.port ~= 21; 3-57",
        "vlan; tcp.port any_ne 21; 3-57",
        "vlan; tcp.port all_ne 21; 21-23,28-32,37-39,46-50",
        "vlan; any tcp.port != 21; 3-57",
        // 2. A field's name alone is "present", not "set".
        "vlan; tcp.flags.syn; 3-57",
        "vlan; !tcp.flags.syn; 1-2",
        "vlan; tcp.flags.syn == 1; 3-4,21-22,37-38",
        "vlan; tcp.flags.syn == 2; 3-4,21-22,37-38",
        "vlan; ip.flags.mf; 3-57",
        "active; ip.flags.mf; 1-224",
        "active; !tcp.flags.syn; -",
        // 3. === is "every value equal".
        "vlan; tcp.port === 21; -",
        "active; ip.addr === 192.0.2.10; -",
        "vlan; tcp.srcport === 21; 4,6,9-10,12-13,15-16,18,20,25,27,33,36,41,43,45,51,54-55,57",
        "vlan; all tcp.port == 21; -",
        // 4. A leading 0 is octal.
        "active; tcp.port == 025; 1-21,25,31-39,43,49-76,80,109-148,152,158-182,186,192-196,200,214-224",
        "active; frame.number in {010..012}; 8-10",
        "active; frame.number in {010 .. 012}; 8-10",
        "active; tcp.port == 0b10101; 1-21,25,31-39,43,49-76,80,109-148,152,158-182,186,192-196,200,214-224",
        "active; tcp.port == '\\x15'; 1-21,25,31-39,43,49-76,80,109-148,152,158-182,186,192-196,200,214-224",
        // 5. \xhh and \ooo escapes, in == and in matches; r"…" keeps backslashes.
        "active; ftp.request.command == \"\\x55SER\"; 6,61,136",
        "active; ftp.request.command == \"\\125SER\"; 6,61,136",
        "active; ftp.request.command matches \"^\\x55S\"; 6,61,136",
        "active; ftp.request.command == r\"USER\"; 6,61,136",
        // 6. MAC addresses without separators, with dots or dashes.
        "active; eth.src == caabab38aaae && frame.number < 12; 2,4,7-8,10-11",
        "active; eth.src == caab.ab38.aaae && frame.number < 12; 2,4,7-8,10-11",
        "active; eth.src == CA-AB-AB-38-AA-AE && frame.number < 12; 2,4,7-8,10-11",
        // 7. String ranges in a set.
        "active; ftp.request.command in {\"US\"..\"UZ\"}; 6,61,136",
        "active; ftp.request.command in {US .. UZ}; 6,61,136",
        // 8. A string contains no empty string.
        "active; ftp.request.command contains \"\"; -",
    })
    void theAuditsWrongAnswersAreTsharks(String sample, String filter, String want) {
        assertArrayEquals(frames(want), run(sample(sample), filter), filter);
    }

    /** Filters ftpscope refused before; tshark 4.0.17's frames for each. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
        "vlan; tcp.port not in {21}; 1-2,21-23,28-32,37-39,46-50",
        "v6; ipv6.addr not in {2001:db8:1::10}; 1-2,4-5",
        "active; ftp.response.code in {200 .. 299} && frame.number < 40; 4,11,14,16,18,20,31,34,36,38",
        "active; frame.time_relative in {0.5 .. 2}; 140-224",
        "vlan; tcp.flags & 0x02; 3-4,21-22,37-38",
        "vlan; tcp.flags & 0x12 == 0x12; 4,22,38",
        "vlan; tcp.flags bitwise_and 2; 3-4,21-22,37-38",
        "vlan; tcp.srcport < tcp.dstport; 4,6,9-10,12-13,15-16,18,20,22,25,27-28,30,32-33,36,38,41,43,45-46,48,50-51,54-55,57",
        "vlan; ip.addr != ip.src; -",
        "vlan; ip.addr !== ip.src; 3-57",
        "active; tcp.srcport == tcp.dstport; -",
        "active; frame.cap_len < frame.len; -",
        "active; len(ftp.request.command) != 4; 12,15,67,70,141,144,174",
        "active; count(ip.addr) == 2 && frame.number < 4; 1-3",
        "active; upper(ftp.request.command) == \"user\" || lower(ftp.request.command) == \"user\"; 6,61,136",
        "active; ftp.request.command[1-2] == \"SE\"; 6,61,136",
        "active; ftp.request.command[-1] == 52; 6,39,61,76,136,182,196",
        "active; ftp.request.command[0:2] == 55:53; 6,61,136",
        "active; ftp.request.command[0:10] == \"USER\"; -",
    })
    void filtersRefusedBeforeAreTsharks(String sample, String filter, String want) {
        assertArrayEquals(frames(want), run(sample(sample), filter), filter);
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
        assertRefused(filter, position, message);
    }

    /** Filters tshark 4.0.17 refuses, which ftpscope accepted before. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "ip.addr == 2001:db8::1; 11; \"2001:db8::1\" is not an IPv4 address: ip.addr holds IPv4 addresses (use ipv6.addr)",
        "ipv6.src == 192.0.2.10; 12; \"192.0.2.10\" is not an IPv6 address: ipv6.src holds IPv6 addresses (use ip.src)",
        "tcp.port == 65536; 12; \"65536\" too big for this field, maximum 65535",
        "tcp.port == 0x10000; 12; \"0x10000\" too big for this field, maximum 65535",
        "tcp.seq == 4294967296; 11; \"4294967296\" too big for this field, maximum 4294967295",
        "ip.ttl in {1..256}; 14; \"256\" too big for this field, maximum 255",
        "tcp.port == 08; 12; \"08\" is not a valid number",
        "tcp.port == \"21\"; 12; \"21\" is a string: tcp.port takes a number, written without quotes",
        "TCP.PORT == 21; 0; \"TCP.PORT\" is neither a field nor a protocol name (names are lower-case: \"tcp.port\")",
        "tcp.port == 21 AND tcp.len > 0; 15; unexpected \"AND\" (keywords are lower-case: \"and\")",
        "tcp.port EQ 21; 9; \"EQ\" is not an operator (keywords are lower-case: \"eq\")",
        "tcp.port in {20 21}; 16; \"21\" was unexpected: set elements are separated by commas, e.g. {20, 21}",
        "tcp.port in {}; 13; \"}\" was unexpected: a set needs an element here",
        "ftp.request.command == \"U\\SER\"; 25; \\S is not a valid character escape sequence (a regular expression's \\S is written \"\\\\S\" or r\"\\S\")",
        "ftp.request.command == \"\\777\"; 24; \\777 is larger than 255",
        "frame.time_relative < 1e-3; 22; \"1e-3\" is not a valid time (seconds, e.g. 1.5)",
        "eth.src == ca:ab-ab:38:aa:ae; 11; \"ca:ab-ab:38:aa:ae\" is not a valid Ethernet address (6 bytes: 00:1a:2b:3c:4d:5e, 00-1a-…, 001a.2b3c.4d5e or 001a2b3c4d5e)",
        "tcp.analysis.retransmission == 1; 28; \"tcp.analysis.retransmission\" is a label (Wireshark's FT_NONE): test its presence only",
        "tcp.port == ip.src; 12; \"tcp.port\" and \"ip.src\" are not of compatible types",
        "len(ftp.request.command); 0; \"len(ftp.request.command)\" is a value, not a test: compare it, e.g. len(ftp.request.command) > 0",
        "tcp.port[0] == 0; 8; \"tcp.port\" is a number and cannot be sliced into a sequence of bytes",
        "21 == tcp.port; 0; a test starts with a field or a function, not \"21\"",
        "ftp.request.command matches USER; 28; \"matches\" needs a quoted string (a regular expression) on its right",
        "ftp.request.command == and; 23; \"and\" was unexpected where a value was expected",
    })
    void filtersTsharkRefusesAreRefused(String filter, int position, String message) {
        assertRefused(filter, position, message);
    }

    private static void assertRefused(String filter, int position, String message) {
        DisplayFilter.Result r = DisplayFilter.compile(filter);
        DisplayFilter.Result.Invalid bad = assertInstanceOf(DisplayFilter.Result.Invalid.class, r, filter);
        assertEquals(message, bad.message(), filter);
        assertEquals(position, bad.position(), filter);
    }

    /** A field declared later gets its Wireshark width and family here, or its literals would be read as 32-bit / either family. */
    @Test
    void everyIntegerAndAddressFieldHasItsWiresharkType() {
        for (org.ftpscope.fields.FieldDef f : org.ftpscope.fields.FieldRegistry.all()) {
            if (f.type() == org.ftpscope.fields.FieldType.UINT) {
                org.junit.jupiter.api.Assertions.assertTrue(WiresharkTypes.knowsInt(f), f.name() + " has no width in WiresharkTypes");
                long max = WiresharkTypes.intType(f).max;
                assertInstanceOf(DisplayFilter.Result.Compiled.class, DisplayFilter.compile(f.name() + " == " + max), f.name());
                assertRefused(f.name() + " == " + (max + 1), f.name().length() + 4, "\"" + (max + 1) + "\" too big for this field, maximum " + max);
            }
            if (f.type() == org.ftpscope.fields.FieldType.IP) {
                org.junit.jupiter.api.Assertions.assertTrue(WiresharkTypes.knowsFamily(f), f.name() + " has no family in WiresharkTypes");
            }
        }
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
        // tcp.port is 16 bits: tshark refuses 65536 and above, so the chain wraps round.
        for (int i = 1; i < 100_000; i++) or.append(" || tcp.port == ").append(i % 65536);
        assertEquals(run(curl, "tcp.port in {0..65535}").length, run(curl, or.toString()).length);
        assertEquals(167, run(curl, or.toString()).length); // tshark -Y tcp: 167 frames
        String and = String.join(" && ", java.util.Collections.nCopies(100_000, "!udp"));
        assertEquals(run(curl, "!udp").length, run(curl, and).length);
        assertEquals(run(curl, "tcp").length, run(curl, "!".repeat(100_000) + "tcp").length);
        assertEquals(run(curl, "!tcp").length, run(curl, "not ".repeat(100_001) + "tcp").length);
    }
}

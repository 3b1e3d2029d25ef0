package org.ftpscope.filter;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.decode.DetailNode;
import org.ftpscope.fields.FtpFields;
import org.ftpscope.fields.TcpFields;
import org.ftpscope.present.FrameViews;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** What "Apply as Filter" writes for a node, and that it selects the frames tshark 4.0.17 selects. */
class FilterTextTest {
    @Test
    void valuesAreQuotedWhenTheyAreNotOneToken() {
        assertEquals("ftp.request.arg == \"a \\\"b\\\" c\\\\d\"",
                FilterText.of(new DetailNode("x", FtpFields.REQUEST_ARG, "a \"b\" c\\d", 0, 1, List.of())));
        assertEquals("tcp.options.nop", FilterText.of(new DetailNode("x", TcpFields.OPTIONS_NOP, null, 0, 1, List.of())));
        assertEquals(null, FilterText.of(new DetailNode("x", null, null, -1, 0, List.of())));
    }

    @Test
    void labelsAreWrittenBareAndValuesTheFilterWouldReadOtherwiseAreQuoted() {
        // tshark refuses tcp.analysis.retransmission == 1: a label is tested for presence only.
        assertEquals("tcp.analysis.retransmission",
                FilterText.of(new DetailNode("x", org.ftpscope.fields.TcpFields.ANALYSIS_RETRANSMISSION, "1", 0, 1, List.of())));
        // "ftp" alone is the protocol, "and" a keyword, "a..b" a range: each quoted, as a string.
        assertEquals("ftp.response.arg == \"ftp\"", FilterText.of(new DetailNode("x", FtpFields.RESPONSE_ARG, "ftp", 0, 1, List.of())));
        assertEquals("\"and\"", FilterText.quoteIfNeeded("and"));
        assertEquals("\"a..b\"", FilterText.quoteIfNeeded("a..b"));
        assertEquals("USER", FilterText.quoteIfNeeded("USER"));
    }

    @Test
    void multilineRepliesFilterTheirFrames() throws Exception {
        // multiline-replies.pcap frames 57 and 113 hold a reply line "ftp": Apply as Filter wrote
        // ftp.response.arg == ftp, which names the protocol (tshark refuses it); now it is quoted.
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("multiline-replies.pcap"))) {
            assertArrayEquals(new int[] {57, 113}, run(a, "ftp.response.arg == \"ftp\""));
        }
    }

    @Test
    void theEprtAddressOfTheIpv6SampleFiltersItsFrame() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("ipv6-eprt-epsv.pcap"))) {
            int[] eprt = run(a, "ftp.request.command == EPRT");
            assertArrayEquals(new int[] {125, 141, 180}, eprt);
            String text = FilterText.of(new FrameViews(a).tree(125).find("ftp.eprt.ipv6"));
            // Before the registry the app answered "ftp.eprt.ipv6 cannot be filtered on yet".
            assertEquals("ftp.eprt.ipv6 == 2001:db8:1::10", text);
            // tshark 4.0.17: the three EPRTs name the same address.
            assertArrayEquals(new int[] {125, 141, 180}, run(a, text));
        }
    }

    private static int[] run(Analysis a, String filter) {
        DisplayFilter.Result r = DisplayFilter.compile(filter);
        assertInstanceOf(DisplayFilter.Result.Compiled.class, r, filter);
        return AnalysisFields.matching(a, ((DisplayFilter.Result.Compiled) r).filter());
    }
}

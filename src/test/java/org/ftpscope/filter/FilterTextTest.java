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

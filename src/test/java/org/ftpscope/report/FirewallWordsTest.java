package org.ftpscope.report;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.present.FirewallText;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app's Findings view, the HTML and the Markdown report state the firewall summary in the same words (present/FirewallText). */
class FirewallWordsTest {
    @Test
    void oneSummaryThreeLayouts() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("nat-wrong-pasv-address.pcap"))) {
            String text = FirewallText.of(a.ftp().firewall());
            StringWriter h = new StringWriter(), m = new StringWriter();
            new HtmlReport().write(a, ReportSelection.ALL, h);
            new MarkdownReport().write(a, ReportSelection.ALL, m);
            assertTrue(text.contains("Server 198.51.100.21 (5 sessions)\n  Control ports: [21]\n  Passive ports seen: 40005–40038 (5 distinct)\n"
                    + "  Active-mode source ports: none\n"), text);
            assertTrue(text.contains("  Pin the passive range on the server:\n    vsftpd: pasv_min_port=40005 and pasv_max_port=40038\n"));
            assertTrue(h.toString().contains("<h3>Server 198.51.100.21 (5 sessions)</h3><table class=\"summary\"><tr><td>Control ports</td>"
                    + "<td>[21]</td></tr><tr><td>Passive ports seen</td><td>40005–40038 (5 distinct)</td></tr>"));
            assertTrue(h.toString().contains("<p>Pin the passive range on the server:</p><ul><li>vsftpd: pasv_min_port=40005 and pasv_max_port=40038</li>"));
            assertTrue(m.toString().contains("### Server 198\\.51\\.100\\.21 \\(5 sessions\\)\n\n- Control ports: \\[21\\]\n"
                    + "- Passive ports seen: 40005–40038 \\(5 distinct\\)\n"), m.toString());
            String rule = "iptables -A INPUT -p tcp -d 198.51.100.21 --dport 40005:40038 -m conntrack --ctstate NEW,ESTABLISHED -j ACCEPT";
            assertTrue(text.contains(rule) && h.toString().contains(rule) && m.toString().contains(rule));
        }
    }
}

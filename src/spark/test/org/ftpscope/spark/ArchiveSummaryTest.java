package org.ftpscope.spark;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchiveSummaryTest {
    @Test
    void everyCellFromACaptureIsEscaped() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("sessions", 3L);
        String html = ArchiveSummary.html(new ArchiveSummary.Data(counts, List.of(new ArchiveSummary.Table(
                "Most frequent findings", List.of("kind", "example"),
                List.of(List.of("TRANSFER_FAILED", "STOR <script>alert(1)</script>\u0007 & \"x\""))))));
        assertTrue(html.contains("<th>sessions</th><td>3</td>"), html);
        assertTrue(html.contains("STOR &lt;script&gt;alert(1)&lt;/script&gt;&#xfffd; &amp; &quot;x&quot;"), html);
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("default-src 'none'"), "no script runs even if escaping failed");
    }
}

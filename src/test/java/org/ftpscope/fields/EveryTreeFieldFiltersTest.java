package org.ftpscope.fields;

import org.ftpscope.decode.DetailNode;
import org.ftpscope.filter.AnalysisFields;
import org.ftpscope.filter.DisplayFilter;
import org.ftpscope.filter.FilterText;
import org.ftpscope.filter.TreeValues;
import org.ftpscope.ftp.Analysis;
import org.ftpscope.ftp.Analyzer;
import org.ftpscope.ftp.FrameViews;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every field node of the tree of every frame of every sample: its "Apply as Filter" text,
 * applied to that frame, matches it; and the fast path of a field agrees with the tree.
 */
class EveryTreeFieldFiltersTest {
    /** Fast-path fields that are no line of the tree (as tshark's hidden fields), so the tree cannot vouch for them. */
    private static final Set<String> NOT_IN_TREE = Set.of("arp", "icmp", "icmpv6", "udp", "udp.port", "ip.addr",
            "ipv6.addr", "tcp.port", "ftp.session");

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("samples"))) {
            return s.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyFieldNodeFiltersItsFrame(Path sample) throws Exception {
        List<String> failures = new ArrayList<>();
        int nodes = 0;
        try (Analysis a = Analyzer.analyze(sample)) {
            FrameViews views = new FrameViews(a);
            AnalysisFields values = new AnalysisFields(a);
            for (int f = 1; f <= a.capture().frameCount(); f++) {
                DetailNode tree = views.tree(f);
                values.at(f);
                List<DetailNode> fieldNodes = new ArrayList<>();
                tree.walk(n -> {
                    if (n.def() != null) fieldNodes.add(n);
                });
                for (DetailNode n : fieldNodes) {
                    nodes++;
                    assertTrue(FieldRegistry.get(n.field()) == n.def(), n.field() + " is not the registry's declaration");
                    String text = FilterText.of(n);
                    DisplayFilter.Result r = DisplayFilter.compile(text);
                    if (!(r instanceof DisplayFilter.Result.Compiled c)) {
                        failures.add("frame " + f + ": " + text + " does not compile: " + r);
                    } else if (!c.filter().matches(values)) {
                        failures.add("frame " + f + ": " + text + " does not match it (filter sees " + values.values(n.def()) + ")");
                    }
                }
                Map<FieldDef, List<Object>> inTree = TreeValues.of(tree);
                for (FieldDef d : FieldRegistry.all()) {
                    if (!AnalysisFields.hasFastPath(d) || NOT_IN_TREE.contains(d.name())) continue;
                    List<String> fast = sorted(values.values(d)), shown = sorted(inTree.getOrDefault(d, List.of()));
                    if (!fast.equals(shown)) failures.add("frame " + f + ": fast " + d + " = " + fast + ", tree " + shown);
                }
            }
        }
        assertTrue(nodes > 0, "no field nodes in " + sample);
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " failures in " + sample);
    }

    private static List<String> sorted(List<Object> v) {
        List<String> s = new ArrayList<>();
        for (Object o : v) s.add(String.valueOf(o));
        s.sort(null);
        return s;
    }

    @Test
    void everyDeclaredFieldIsRegisteredOnceAndCompiles() {
        Set<String> names = new TreeSet<>();
        for (FieldDef f : FieldRegistry.all()) {
            assertTrue(names.add(f.name()), f.name());
            assertInstanceOf(DisplayFilter.Result.Compiled.class, DisplayFilter.compile(f.name()), f.name());
        }
        assertEquals(150, names.size());
    }
}

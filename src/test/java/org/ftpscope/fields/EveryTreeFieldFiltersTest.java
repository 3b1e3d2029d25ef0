package org.ftpscope.fields;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.decode.DetailNode;
import org.ftpscope.filter.AnalysisFields;
import org.ftpscope.filter.DisplayFilter;
import org.ftpscope.filter.FilterText;
import org.ftpscope.filter.TreeValues;
import org.ftpscope.present.FrameViews;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

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

    /**
     * Where ftpscope and tshark 4.0.17 disagree, each with why (docs/fields.md has the same list).
     * {@code sample} "*" is every sample; {@code field} "ftp*" is ftp and every ftp.* field.
     * Every entry must still differ somewhere, so the list cannot outlive what it explains.
     */
    record Known(String sample, String field, String why) {
        boolean covers(String s, String f) {
            boolean sampleMatches = sample.equals("*") || sample.equals(s);
            return sampleMatches && (field.endsWith("*") ? f.equals(field.substring(0, field.length() - 1))
                    || f.startsWith(field.substring(0, field.length() - 1) + ".") : f.equals(field));
        }
    }

    static final List<Known> KNOWN = List.of(
        new Known("*", "tcp.analysis", "tshark adds SEQ/ACK analysis (RTT, bytes in flight) to nearly every frame; ftpscope only when a flag is set"),
        new Known("*", "ftp.request", "tshark sets ftp.request and ftp.response on every FTP frame, one of them 0; ftpscope marks each line by its direction only"),
        new Known("*", "ftp.response", "as ftp.request"),
        new Known("*", "ftp-data.command", "tshark names the control connection's latest command when the data frame is read (often TYPE I or REST); ftpscope the command the data answers"),
        new Known("*", "ftp-data.command-frame", "as ftp-data.command"),
        new Known("*", "ftp-data.setup-method", "tshark writes EPASV for EPSV (and names other commands as above); ftpscope the setup command's name"),
        new Known("*", "ftp-data", "ftpscope also finds data connections whose setup tshark did not tie to them (lost or cut setups, bounces, retransmitted replies)"),
        new Known("*", "ftp-data.setup-frame", "as ftp-data"),
        new Known("*", "frame.protocols", "tshark appends the payload's dissectors (data-text-lines, data) and those of an ICMP error's quoted headers"),
        new Known("*", "ip.version", "tshark's IPv6 dissector also sets ip.version = 6; ftpscope has ipv6.version only"),
        new Known("any-sll2.pcap", "frame.encap_type", "ftpscope shows the pcap link type (276 for Linux cooked v2); tshark its own encapsulation number (210)"),
        new Known("auth-then-cleartext.pcap", "ftp", "frame 19 is a lone CRLF ending the line before: tshark holds it for a reassembly that never completes, ftpscope shows it as an empty FTP line"),
        new Known("auth-tls.pcap", "ftp*", "tshark 4.0 keeps reading the control connection as FTP after AUTH TLS, so TLS records show as FTP commands"),
        new Known("ftps-blocked-pasv.pcap", "ftp*", "as auth-tls.pcap: tshark 4.0 reads the TLS records after AUTH SSL/TLS as FTP commands"),
        new Known("ftps-ssl-reuse.pcap", "ftp*", "as auth-tls.pcap: tshark 4.0 reads the TLS records after AUTH SSL/TLS as FTP commands"),
        new Known("ftps-tls12-cbc.pcap", "ftp*", "as auth-tls.pcap: tshark 4.0 reads the TLS records after AUTH SSL/TLS as FTP commands"),
        new Known("ftps-tls12-gcm.pcap", "ftp*", "as auth-tls.pcap: tshark 4.0 reads the TLS records after AUTH SSL/TLS as FTP commands"),
        new Known("ftps-tls13.pcap", "ftp*", "as auth-tls.pcap: tshark 4.0 reads the TLS records after AUTH SSL/TLS as FTP commands"),
        new Known("ftps-ccc.pcap", "ftp*", "as auth-tls.pcap until CCC: tshark reads the records after AUTH SSL as FTP commands; after CCC both dissect the cleartext FTP"),
        new Known("bounce-port.pcap", "ftp.active.cip", "PORT 999,0,2,10,17,92: tshark takes 999 modulo 256 (231.0.2.10); ftpscope says the argument is malformed"),
        new Known("bounce-port.pcap", "ftp.active.port", "as ftp.active.cip"),
        new Known("bounce-port.pcap", "_ws.malformed", "as ftp.active.cip"),
        new Known("hostile-names.pcap", "ftp.request.arg", "tshark reads FTP text as ASCII (each other byte a U+FFFD); ftpscope as UTF-8 (RFC 2640)"),
        new Known("hostile-names.pcap", "ftp.response.arg", "as ftp.request.arg"),
        new Known("lossy-transfers.pcap", "ftp*", "frame 631, a retransmitted 331 reply: tshark gives a retransmission's payload to no dissector, ftpscope shows it (marked as retransmission)"),
        new Known("multiline-replies.pcap", "ftp.response.arg", "tshark makes fields of a segment's first line only (the rest is text); ftpscope of every line of a multi-line reply"),
        new Known("nmap-bounce-scan.pcap", "ftp*", "the server listens on port 2121: tshark finds FTP by port 21 only, ftpscope by the dialogue"),
        new Known("port-to-21.pcap", "ftp*", "frame 25 is a data connection to port 21: tshark reads it as FTP by its port, ftpscope as the PORT's data (FTP-DATA)"),
        new Known("snaplen-96.pcap", "_ws.short", "ftpscope says so on every frame whose payload the snap length cut; tshark only where a dissector reads past the end"),
        new Known("snaplen-96.pcap", "_ws.malformed", "frame 18, a 227 reply cut mid-address: ftpscope says the argument is malformed, tshark shows what it has"));

    /** Frames whose every field differs for one reason, left out of the comparison. */
    static final Map<String, Set<Integer>> SKIPPED_FRAMES = Map.of(
        // tshark dissects the IP and TCP headers an ICMP error quotes; ftpscope shows the ICMP message only.
        "server-unreachable.pcap", Set.of(15));

    /** Which KNOWN entries a sample run used, so the last check can say which never differ. */
    private static final Set<Known> USED = java.util.concurrent.ConcurrentHashMap.newKeySet();

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

    /** What tshark 4.0.17 recorded for one sample: for each field it has, each value and the frames holding it. */
    record TsharkFields(int frames, Set<String> fields, Map<String, Map<Object, BitSet>> values) {
        static TsharkFields read(Path sample) throws IOException {
            Path tsv = Path.of("samples", "derived", "fields", sample.getFileName() + ".tsv.gz");
            assertTrue(Files.isRegularFile(tsv), tsv + " is missing: run sh samples/derive-fields.sh");
            try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(tsv)),
                    StandardCharsets.UTF_8))) {
                Matcher head = Pattern.compile("# tshark 4\\.0\\.17 PDML of .*, (\\d+) frames").matcher(r.readLine());
                assertTrue(head.matches(), tsv + " has no header");
                String fieldsLine = r.readLine();
                Set<String> fields = new TreeSet<>(List.of(fieldsLine.substring("# fields: ".length()).split(" ")));
                Map<String, Map<Object, BitSet>> values = new HashMap<>();
                for (String line; (line = r.readLine()) != null; ) {
                    String[] c = line.split("\t", -1);
                    FieldDef d = FieldRegistry.get(c[0]);
                    Object v = typed(d, unescape(c[1]));
                    BitSet frames = values.computeIfAbsent(c[0], k -> new HashMap<>()).computeIfAbsent(v, k -> new BitSet());
                    for (String range : c[2].split(",")) {
                        int dash = range.indexOf('-');
                        int from = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
                        frames.set(from, (dash < 0 ? from : Integer.parseInt(range.substring(dash + 1))) + 1);
                    }
                }
                return new TsharkFields(Integer.parseInt(head.group(1)), fields, values);
            }
        }

        private static String unescape(String s) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch == '\\' && i + 1 < s.length()) {
                    char e = s.charAt(++i);
                    sb.append(e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : e);
                } else {
                    sb.append(ch);
                }
            }
            return sb.toString();
        }
    }

    /** A value as the filter compares it; text that is not of the field's type stays text, so it shows as a difference. */
    private static Object typed(FieldDef d, String text) {
        Object v = TreeValues.value(d, text);
        return v == null ? "unreadable: " + text : v;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void fieldsMatchTheFramesTsharkMatches(Path sample) throws Exception {
        TsharkFields tshark = TsharkFields.read(sample);
        List<String> failures = new ArrayList<>();
        try (Analysis a = Analyzer.analyze(sample)) {
            assertEquals(tshark.frames(), a.capture().frameCount());
            List<FieldDef> fields = new ArrayList<>();
            for (String n : tshark.fields()) fields.add(FieldRegistry.get(n));
            Map<String, Map<Object, BitSet>> ours = new HashMap<>();
            AnalysisFields values = new AnalysisFields(a);
            for (int f = 1; f <= a.capture().frameCount(); f++) {
                values.at(f);
                for (FieldDef d : fields) {
                    for (Object v : values.values(d)) ours.computeIfAbsent(d.name(), k -> new HashMap<>()).computeIfAbsent(v, k -> new BitSet()).set(f);
                }
            }
            String name = sample.getFileName().toString();
            for (FieldDef d : fields) {
                Map<Object, BitSet> mine = ours.getOrDefault(d.name(), Map.of()), theirs = tshark.values().getOrDefault(d.name(), Map.of());
                for (int skip : SKIPPED_FRAMES.getOrDefault(name, Set.of())) {
                    for (BitSet b : mine.values()) b.clear(skip);
                    for (BitSet b : theirs.values()) b.clear(skip);
                }
                Set<Object> all = new java.util.HashSet<>(mine.keySet());
                all.addAll(theirs.keySet());
                List<String> diffs = new ArrayList<>();
                for (Object v : all) {
                    BitSet m = mine.getOrDefault(v, new BitSet()), t = theirs.getOrDefault(v, new BitSet());
                    if (!m.equals(t)) {
                        BitSet onlyMine = (BitSet) m.clone();
                        onlyMine.andNot(t);
                        BitSet onlyTheirs = (BitSet) t.clone();
                        onlyTheirs.andNot(m);
                        diffs.add(d.name() + (d.type().hasValue() ? " == " + v : "") + ": only ftpscope " + first(onlyMine)
                                + ", only tshark " + first(onlyTheirs));
                    }
                }
                if (diffs.isEmpty()) continue;
                Known why = KNOWN.stream().filter(k -> k.covers(name, d.name())).findFirst().orElse(null);
                if (why != null) USED.add(why);
                else failures.add(diffs.size() + " values differ, e.g. " + diffs.get(0));
            }
        }
        assertEquals(List.of(), failures, failures.size() + " fields differ from tshark in " + sample);
    }

    private static String first(BitSet b) {
        StringBuilder sb = new StringBuilder().append(b.cardinality()).append(" [");
        for (int i = b.nextSetBit(0), k = 0; i >= 0 && k < 5; i = b.nextSetBit(i + 1), k++) sb.append(k == 0 ? "" : ",").append(i);
        return sb.append(b.cardinality() > 5 ? ",…]" : "]").toString();
    }

    private static List<String> sorted(List<Object> v) {
        List<String> s = new ArrayList<>();
        for (Object o : v) s.add(String.valueOf(o));
        s.sort(null);
        return s;
    }

    /** Compares again the samples an unconfirmed entry names (those the parameterized runs did not yet), then asks that each differed. */
    @Test
    void everyKnownDifferenceStillDiffers() throws Exception {
        for (Path p : samples().toList()) {
            String name = p.getFileName().toString();
            if (KNOWN.stream().anyMatch(k -> !USED.contains(k) && (k.sample().equals("*") || k.sample().equals(name)))) {
                fieldsMatchTheFramesTsharkMatches(p);
            }
        }
        List<Known> unused = KNOWN.stream().filter(k -> !USED.contains(k)).toList();
        assertEquals(List.of(), unused, "known differences that no longer differ: remove them from KNOWN and docs/fields.md");
    }

    @Test
    void everyDeclaredFieldIsRegisteredOnceAndCompiles() {
        Set<String> names = new TreeSet<>();
        for (FieldDef f : FieldRegistry.all()) {
            assertTrue(names.add(f.name()), f.name());
            assertInstanceOf(DisplayFilter.Result.Compiled.class, DisplayFilter.compile(f.name()), f.name());
        }
        assertEquals(151, names.size());
    }
}

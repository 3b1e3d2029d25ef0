package org.ftpscope.oracle;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.filter.AnalysisFields;
import org.ftpscope.filter.DisplayFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code ftpscope frames CAPTURE -Y FILTER} selects the frames {@code tshark -r CAPTURE -Y FILTER} (4.0.17) selects,
 * and refuses the filters tshark refuses, for the filters of {@code filter/tshark-filters.tsv}: the language's
 * semantics (multi-valued fields under {@code != === !== in}, presence, literals, escapes, sets, functions, slices),
 * on samples whose dissection agrees with tshark's for the fields named. The file holds tshark's answers:
 * {@code -Doracle.tshark=true} checks them against the installed tshark (skipped when there is none),
 * {@code -Doracle.record=true} rewrites them from it.
 */
class FiltersMatchTsharkTest {
    static final Path FILE = Path.of("src", "test", "resources", "org", "ftpscope", "filter", "tshark-filters.tsv");
    private static final String REFUSED = "refused: ";

    record Row(String capture, String filter, String answer) {
        boolean refused() { return answer.startsWith(REFUSED); }
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) continue;
            String[] c = line.split("\t", -1);
            rows.add(new Row(c[0], c[1], c.length > 2 ? c[2] : ""));
        }
        return rows;
    }

    private static final Map<String, Analysis> LOADED = new HashMap<>();

    private static synchronized Analysis analysis(String capture) throws Exception {
        Analysis a = LOADED.get(capture);
        if (a == null) LOADED.put(capture, a = Analyzer.analyze(Path.of("samples", capture)));
        return a;
    }

    @AfterAll
    static void close() throws Exception {
        for (Analysis a : LOADED.values()) a.close();
        LOADED.clear();
    }

    @TestFactory
    List<DynamicTest> everyFilterAsTshark() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row r : rows()) {
            tests.add(DynamicTest.dynamicTest(r.capture() + ": " + r.filter(), () -> {
                DisplayFilter.Result c = DisplayFilter.compile(r.filter());
                if (r.refused()) {
                    assertInstanceOf(DisplayFilter.Result.Invalid.class, c, "tshark refuses it: " + r.answer());
                    return;
                }
                DisplayFilter.Result.Compiled ok = assertInstanceOf(DisplayFilter.Result.Compiled.class, c, r.filter());
                assertEquals(r.answer(), ranges(AnalysisFields.matching(analysis(r.capture()), ok.filter())), r.filter());
            }));
        }
        assertTrue(tests.size() > 150, "rows");
        return tests;
    }

    /** The recorded answers are what the installed tshark says (only with -Doracle.tshark=true or -Doracle.record=true). */
    @Test
    void recordedAnswersAreTsharks() throws Exception {
        boolean record = Boolean.getBoolean("oracle.record");
        assumeTrue(record || Boolean.getBoolean("oracle.tshark"), "-Doracle.tshark=true runs tshark on every row");
        assumeTrue(tsharkVersion().contains("TShark (Wireshark) 4.0.17"), "tshark 4.0.17 is not installed");
        List<String> lines = new ArrayList<>(), wrong = new ArrayList<>();
        for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
            String[] c = line.split("\t", -1);
            if (line.startsWith("#") || line.isBlank()) {
                lines.add(line);
                continue;
            }
            String answer = tshark(c[0], c[1]);
            lines.add(c[0] + "\t" + c[1] + "\t" + answer);
            if (c.length < 3 || !c[2].equals(answer)) wrong.add(c[0] + " " + c[1] + ": recorded " + (c.length < 3 ? "" : c[2]) + ", tshark " + answer);
        }
        if (record) Files.write(FILE, lines, StandardCharsets.UTF_8);
        else assertEquals(List.of(), wrong);
    }

    private static String tsharkVersion() {
        try {
            Process p = new ProcessBuilder("tshark", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    private static String tshark(String capture, String filter) throws Exception {
        Process p = new ProcessBuilder("tshark", "-r", Path.of("samples", capture).toString(), "-Y", filter, "-T", "fields", "-e", "frame.number")
                .start();
        byte[] err = p.getErrorStream().readAllBytes();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        if (p.exitValue() != 0) {
            String msg = new String(err, StandardCharsets.UTF_8).lines().filter(l -> !l.contains("Running as user")).findFirst().orElse("");
            return REFUSED + msg.replaceFirst("^tshark: ", "");
        }
        return ranges(out.lines().filter(l -> !l.isBlank()).mapToInt(Integer::parseInt).toArray());
    }

    /** 1,2,3,5,7,8 as "1-3,5,7-8"; no frame as "". */
    static String ranges(int[] frames) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < frames.length; ) {
            int j = i;
            while (j + 1 < frames.length && frames[j + 1] == frames[j] + 1) j++;
            if (sb.length() > 0) sb.append(',');
            sb.append(frames[i]);
            if (j > i) sb.append('-').append(frames[j]);
            i = j + 1;
        }
        return sb.toString();
    }
}

package org.ftpscope.bench;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.capture.CaptureFile;
import org.ftpscope.capture.FrameIndex;
import org.ftpscope.decode.PacketDecoder;
import org.ftpscope.decode.PacketInfo;
import org.ftpscope.filter.AnalysisFields;
import org.ftpscope.filter.DisplayFilter;
import org.ftpscope.ftp.model.Transfer;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The performance judge (issue: a 1 GB capture analysed in about a second). For each capture it
 * measures, in the same run and on the same machine:
 * <ul>
 *   <li>tshark's FTP pass ({@code -Y 'ftp || ftp-data' -T fields ...}) as a separate process;</li>
 *   <li>{@code ftpscope analyze} as a separate process under {@code -Xmx256m} (JVM start included);</li>
 *   <li>in this JVM: the reading pass alone, reading + decoding, the full analysis (every transfer's
 *   SHA-256 included), and display filters over all frames; peak heap of each.</li>
 * </ul>
 * Usage: {@code java -Xmx256m -cp target/ftpscope.jar org.ftpscope.bench.Benchmark [--runs N]
 * [--no-tshark] [--no-process] CAPTURE...}. Every figure is the median of N runs (default 3)
 * after one warm-up run.
 */
public final class Benchmark {
    static final String[] TSHARK = {"tshark", "-r", null, "-Y", "ftp || ftp-data", "-T", "fields",
            "-e", "frame.number", "-e", "ftp.request.command", "-e", "ftp.passive.port", "-e", "ftp-data.setup-frame"};
    static final String[] FILTERS = {"ftp || ftp-data", "tcp.analysis.retransmission || tcp.flags.reset == 1",
            "ftp.request.command == \"RETR\"", "tcp.stream in {1, 5, 9} and tcp.len > 1000"};

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = 3;
        boolean tshark = true, process = true;
        List<Path> captures = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--no-tshark" -> tshark = false;
                case "--no-process" -> process = false;
                default -> captures.add(Path.of(args[i]));
            }
        }
        if (captures.isEmpty()) {
            System.err.println("usage: Benchmark [--runs N] [--no-tshark] [--no-process] CAPTURE...");
            System.exit(1);
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "machine: %s, %d cores, %s %s, max heap %d MB%n",
                cpuModel(), rt.availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), rt.maxMemory() >> 20);
        if (tshark) System.out.println("tshark: " + tsharkVersion());
        for (Path c : captures) bench(c, runs, tshark, process);
    }

    private static void bench(Path capture, int runs, boolean tshark, boolean process) throws Exception {
        long size = Files.size(capture);
        double mb = size / 1e6;
        System.out.printf(Locale.ROOT, "%n== %s: %.1f MB%n", capture, mb);

        long[] read = new long[runs], decode = new long[runs], full = new long[runs];
        long readHeap = 0, decodeHeap = 0, fullHeap = 0;
        int frames = 0;
        for (int r = -1; r < runs; r++) {
            resetPeaks();
            long t0 = System.nanoTime();
            try (CaptureFile cf = CaptureFile.read(capture, null, null)) {
                frames = cf.frameCount();
            }
            long t1 = System.nanoTime();
            if (r >= 0) { read[r] = t1 - t0; readHeap = Math.max(readHeap, peakHeap()); }

            resetPeaks();
            PacketInfo info = new PacketInfo();
            long[] tcpFrames = {0};
            t0 = System.nanoTime();
            try (CaptureFile cf = CaptureFile.read(capture, (f, ts, link, orig, buf, off, cap) -> {
                PacketDecoder.decode(link, buf, off, cap, info);
                if (info.tcp) tcpFrames[0]++;
            }, null)) {
                t1 = System.nanoTime();
            }
            if (r >= 0) { decode[r] = t1 - t0; decodeHeap = Math.max(decodeHeap, peakHeap()); }
        }
        Analysis kept = null;
        int sessions = 0, transfers = 0;
        long transferred = 0;
        for (int r = -1; r < runs; r++) {
            if (kept != null) kept.close();
            kept = null;
            System.gc();
            resetPeaks();
            long t0 = System.nanoTime();
            Analysis a = Analyzer.analyze(capture);
            long t1 = System.nanoTime();
            sessions = a.sessions().size();
            transfers = 0;
            transferred = 0;
            for (var s : a.sessions()) {
                for (Transfer t : s.transfers()) {
                    transfers++;
                    transferred += Math.max(0, t.bytes());
                }
            }
            if (r >= 0) { full[r] = t1 - t0; fullHeap = Math.max(fullHeap, peakHeap()); }
            kept = a;
        }
        System.out.printf(Locale.ROOT, "frames %,d, FTP sessions %,d, transfers %,d (%,d bytes hashed)%n",
                frames, sessions, transfers, transferred);
        System.out.printf(Locale.ROOT, "frame index: %d bytes/frame (%.1f MB)%n", FrameIndex.bytesPerFrame(),
                frames * (double) FrameIndex.bytesPerFrame() / 1e6);
        line("read pass (frame index)", median(read), mb, frames, readHeap);
        line("read + decode", median(decode), mb, frames, decodeHeap);
        line("full analysis (in JVM)", median(full), mb, frames, fullHeap);

        for (String text : FILTERS) {
            DisplayFilter f = ((DisplayFilter.Result.Compiled) DisplayFilter.compile(text)).filter();
            long[] times = new long[runs];
            int matched = 0;
            for (int r = -1; r < runs; r++) {
                long t0 = System.nanoTime();
                matched = AnalysisFields.matching(kept, f).length;
                if (r >= 0) times[r] = System.nanoTime() - t0;
            }
            System.out.printf(Locale.ROOT, "filter %-55s %7.3f s  %,d of %,d frames%n", "'" + text + "'",
                    median(times) / 1e9, matched, frames);
        }
        kept.close();

        double ftpscopeProcess = Double.NaN, tsharkProcess = Double.NaN;
        if (process) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String jar = new File(Benchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
            Measured m = measure(runs, java, "-Xmx256m", "-cp", jar, "org.ftpscope.Main", "analyze", capture.toString());
            ftpscopeProcess = m.seconds;
            System.out.printf(Locale.ROOT, "ftpscope analyze (process, -Xmx256m)  %7.3f s  %7.0f MB/s  max RSS %s%n",
                    m.seconds, mb / m.seconds, m.rss());
        }
        if (tshark) {
            String[] cmd = TSHARK.clone();
            cmd[2] = capture.toString();
            Measured m = measure(Math.min(runs, 2), cmd);
            tsharkProcess = m.seconds;
            System.out.printf(Locale.ROOT, "tshark FTP pass (process)             %7.3f s  %7.0f MB/s  max RSS %s%n",
                    m.seconds, mb / m.seconds, m.rss());
        }
        if (process && tshark) {
            System.out.printf(Locale.ROOT, "ratio: ftpscope analyze is %.1fx faster than tshark (%.1fx for the in-JVM analysis)%n",
                    tsharkProcess / ftpscopeProcess, tsharkProcess / (median(full) / 1e9));
        }
    }

    private static void line(String what, long nanos, double mb, int frames, long heap) {
        double s = nanos / 1e9;
        System.out.printf(Locale.ROOT, "%-38s %7.3f s  %7.0f MB/s  %,11.0f frames/s  peak heap %d MB%n",
                what, s, mb / s, frames / s, heap >> 20);
    }

    record Measured(double seconds, long rssKb) {
        String rss() { return rssKb < 0 ? "?" : (rssKb >> 10) + " MB"; }
    }

    /** Wall time (median) of a command with its output discarded; peak RSS from GNU time when present. */
    static Measured measure(int runs, String... cmd) throws IOException, InterruptedException {
        boolean gnuTime = Files.isExecutable(Path.of("/usr/bin/time"));
        List<String> full = new ArrayList<>();
        if (gnuTime) full.addAll(List.of("/usr/bin/time", "-f", "%M"));
        full.addAll(Arrays.asList(cmd));
        long[] times = new long[runs];
        long rss = -1;
        for (int r = -1; r < runs; r++) {
            Path err = Files.createTempFile("bench-", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(err.toFile());
                long t0 = System.nanoTime();
                Process p = pb.start();
                int rc = p.waitFor();
                long t = System.nanoTime() - t0;
                List<String> lines = Files.readAllLines(err);
                if (rc != 0) throw new IOException(String.join(" ", cmd) + " exited " + rc + ": " + lines);
                if (r >= 0) times[r] = t;
                if (gnuTime && !lines.isEmpty()) {
                    try {
                        rss = Math.max(rss, Long.parseLong(lines.get(lines.size() - 1).trim()));
                    } catch (NumberFormatException ignored) {
                        // no RSS figure
                    }
                }
            } finally {
                Files.deleteIfExists(err);
            }
        }
        return new Measured(median(times) / 1e9, rss);
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peaks: an upper bound of the heap in use at any moment. */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }

    private static String cpuModel() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) return l.substring(l.indexOf(':') + 1).trim();
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String tsharkVersion() {
        try {
            Process p = new ProcessBuilder("tshark", "--version").redirectErrorStream(true).start();
            String first = new String(p.getInputStream().readAllBytes()).lines()
                    .filter(l -> l.startsWith("TShark")).findFirst().orElse("?");
            p.waitFor();
            return first;
        } catch (IOException | InterruptedException e) {
            return "not found (" + e.getMessage() + ")";
        }
    }

}

package org.ftpscope.ui;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import org.ftpscope.analysis.Analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The desktop app opening a capture, measured: first frames visible, frame list and analysis
 * complete, and the longest stall of the FX application thread while loading, filtering,
 * sorting and scrolling (an {@link AnimationTimer} notes the gap between consecutive pulses; the
 * FX thread runs a pulse every ~16 ms unless something blocks it).
 * Usage (a test-scope class, kept out of the shipped jar): {@code mvn -q test-compile}, then
 * {@code java -Xmx256m -cp target/ftpscope.jar:target/test-classes org.ftpscope.ui.UiBenchmark CAPTURE}
 * (needs a display; headless: under {@code xvfb-run}). Options (system properties):
 * {@code ftpscope.bench.loadOnly} stops after loading; {@code ftpscope.bench.idleMillis} is the
 * idle time before the open (2000); {@code ftpscope.bench.openFirst=OTHER} opens another capture
 * first, so the load measured is the session's second. On Linux it also prints the CPU each
 * thread used while loading and filtering, the JIT compiler and GC threads included.
 */
public final class UiBenchmark {
    private UiBenchmark() {}

    /** Gaps between FX pulses, for the phase being measured. Touched only on the FX thread. */
    private static final class PulseMonitor extends AnimationTimer {
        long last;
        long maxGap;
        long maxGapEnd;
        final java.util.List<String> longGaps = new java.util.ArrayList<>();
        int over100;
        int pulses;

        @Override
        public void handle(long now) {
            long t = System.nanoTime();
            if (last != 0) {
                long gap = t - last;
                if (gap > maxGap) {
                    maxGap = gap;
                    maxGapEnd = t;
                }
                if (gap > 100_000_000L) {
                    over100++;
                    // JVM uptime too: to match a stall with -Xlog:gc pauses or a profile.
                    longGaps.add(String.format(Locale.ROOT, "%.0f ms ending at %.3f s (JVM uptime %.3f s)", gap / 1e6,
                            (t - origin) / 1e9, uptimeMillis() / 1e3));
                }
            }
            last = t;
            pulses++;
        }

        long origin = System.nanoTime();

        void reset() {
            origin = System.nanoTime();
            longGaps.clear();
            last = 0;
            maxGap = 0;
            over100 = 0;
            pulses = 0;
        }
    }

    /**
     * Reads the capture once before the window opens, so it is in the page cache as in Benchmark's
     * runs (after a warm-up run): this machine's kernel evicts files left unread for a few minutes,
     * and a cold read of the 1.53 GB capture made "complete" 4.1-4.5 s instead of 2.2-2.5 s.
     */
    private static void readOnce(Path capture) throws java.io.IOException {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocateDirect(1 << 20);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(capture)) {
            while (ch.read(buf) >= 0) buf.clear();
        }
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(3);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
            System.err.println("usage: UiBenchmark CAPTURE");
            System.exit(1);
        }
        Path capture = Path.of(args[0]);
        if (!Boolean.getBoolean("ftpscope.bench.noPreread")) readOnce(capture);
        System.out.printf(Locale.ROOT, "load average before the run: %s%n", loadAverage());
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        Platform.setImplicitExit(false);
        PulseMonitor pulses = new PulseMonitor();
        long[] shownAt = {0};
        long jvmStart = System.nanoTime() - uptimeMillis() * 1_000_000L;
        MainWindow w = onFx(() -> {
            Stage stage = new Stage();
            stage.setWidth(1400);
            stage.setHeight(900);
            // Preferences in memory: a benchmark must not add its capture to the user's Open Recent.
            MainWindow win = new MainWindow(stage, new org.ftpscope.ui.model.FxTaskExecutor(),
                    new org.ftpscope.ui.model.RecentFiles(new org.ftpscope.ui.model.MemoryPreferences()));
            stage.show();
            shownAt[0] = System.nanoTime();
            pulses.start();
            return win;
        });
        // The window idles as while a user picks a file in File › Open .
        long idle = Long.getLong("ftpscope.bench.idleMillis", 2000);
        Thread.sleep(idle);
        onFx(() -> { pulses.reset(); return null; });

        String before = System.getProperty("ftpscope.bench.openFirst");
        if (before != null) {
            // Another capture opened first: the load measured is the session's second one.
            onFx(() -> { w.open(Path.of(before)); return null; });
            waitUntil(() -> onFxQuiet(() -> !w.viewModel().loadingProperty().get() && w.viewModel().capture() != null), 600);
            Thread.sleep(idle);
            onFx(() -> { pulses.reset(); return null; });
        }
        java.util.Map<String, Long> cpu0 = threadCpu();
        long t0 = System.nanoTime();
        long[] openRan = {0};
        onFx(() -> { openRan[0] = System.nanoTime(); w.open(capture); return null; });
        double first = waitUntil(() -> onFxQuiet(() -> w.viewModel().frames().rows().length) > 0, 120) ? seconds(t0) : Double.NaN;
        // Drawn: a pulse's timer runs before its CSS and layout, so the second tick after the rows are
        // in the table comes after the pulse that styled and laid them out (a runLater may run before it).
        nextPulse(pulses);
        nextPulse(pulses);
        double firstDrawn = seconds(t0);
        boolean loaded = waitUntil(() -> onFxQuiet(() -> !w.viewModel().loadingProperty().get() && w.viewModel().capture() != null
                && w.viewModel().frames().rows().length == w.viewModel().capture().frameCount()), 600);
        double complete = seconds(t0);
        java.util.Map<String, Long> cpu1 = threadCpu();
        if (!loaded) {
            System.err.println("ftpscope: " + capture + ": not loaded: " + onFx(() -> w.viewModel().statusProperty().get()));
            System.exit(2);
        }
        Thread.sleep(500); // the stalls of drawing what was shown count as loading too
        Analysis a = onFx(() -> w.viewModel().capture().analysis());
        long[] load = stalls(pulses);
        System.out.printf(Locale.ROOT, "capture: %s, %.1f MB, %,d frames, %d FTP sessions%n", capture,
                Files.size(capture) / 1e6, a.capture().frameCount(), a.sessions().size());
        System.out.printf(Locale.ROOT, "window shown %.2f s after the JVM started; capture opened %.1f s later%n",
                (shownAt[0] - jvmStart) / 1e9, idle / 1e3);
        System.out.printf(Locale.ROOT, "first frames in the table: %.3f s (drawn by %.3f s); open ran on the FX thread at %.3f s%n",
                first, firstDrawn, (openRan[0] - t0) / 1e9);
        System.out.printf(Locale.ROOT, "frame list and FTP analysis complete: %.3f s (analysis done by %.3f s)%n", complete,
                onFx(() -> w.viewModel().loadMillis()) / 1e3);
        printStalls("loading", load, pulses);
        printCpu("loading", cpu0, cpu1);

        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "heap in use after loading (after GC): %d MB of %d MB max; frame index %d bytes/frame%n",
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20,
                org.ftpscope.capture.FrameIndex.bytesPerFrame());

        Thread.sleep(Long.getLong("ftpscope.bench.holdMillis", 0)); // time for jmap -histo
        if (Boolean.getBoolean("ftpscope.bench.loadOnly")) {
            System.out.printf(Locale.ROOT, "load average after the run: %s%n", loadAverage());
            return;
        }
        for (String f : new String[] {"ftp || ftp-data", "tcp.analysis.retransmission", "ftp.request.command == \"RETR\""}) {
            onFx(() -> { pulses.reset(); return null; });
            java.util.Map<String, Long> cpuBefore = threadCpu();
            long t = System.nanoTime();
            onFx(() -> { w.viewModel().frames().applyFilter(f); return null; });
            waitIdle(w);
            double s = seconds(t);
            java.util.Map<String, Long> cpuAfter = threadCpu();
            int shown = onFx(() -> w.viewModel().frames().rows().length);
            System.out.printf(Locale.ROOT, "filter '%s': %.3f s, %,d rows%n", f, s, shown);
            printStalls("  filtering", stalls(pulses), pulses);
            printCpu("  filtering", cpuBefore, cpuAfter);
        }
        onFx(() -> { w.viewModel().frames().applyFilter(""); return null; });
        waitIdle(w);

        for (String column : new String[] {"Length", "Protocol", "Info"}) {
            onFx(() -> { pulses.reset(); return null; });
            long t = System.nanoTime();
            onFx(() -> {
                TableColumn<Integer, ?> c = w.frameTable().getColumns().stream()
                        .filter(x -> x.getText().equals(column)).findFirst().orElseThrow();
                w.frameTable().getSortOrder().setAll(c);
                return null;
            });
            waitIdle(w);
            String said = onFx(() -> w.viewModel().frames().messageProperty().get());
            System.out.printf(Locale.ROOT, "sort by %s: %.3f s%s%n", column, seconds(t),
                    said.startsWith("Cannot sort") ? " FAILED: " + said : "");
            printStalls("  sorting", stalls(pulses), pulses);
        }
        onFx(() -> { w.frameTable().getSortOrder().clear(); return null; });
        waitIdle(w);

        int rows = onFx(() -> w.viewModel().frames().rows().length);
        onFx(() -> { pulses.reset(); return null; });
        long t = System.nanoTime();
        int steps = 200;
        for (int i = 0; i <= steps; i++) {
            int row = (int) ((long) (rows - 1) * i / steps);
            onFx(() -> { w.frameTable().scrollTo(row); return null; });
            nextPulse(pulses);
        }
        System.out.printf(Locale.ROOT, "scroll through %,d rows in %d steps: %.3f s%n", rows, steps, seconds(t));
        printStalls("  scrolling", stalls(pulses), pulses);

        // Clicking rows: each selection decodes the frame and shows its tree and bytes.
        onFx(() -> { pulses.reset(); return null; });
        t = System.nanoTime();
        int clicks = 40;
        for (int i = 0; i < clicks; i++) {
            int row = (int) ((long) (rows - 1) * i / clicks);
            onFx(() -> {
                w.frameTable().getSelectionModel().clearAndSelect(row);
                w.frameTable().scrollTo(row);
                return null;
            });
            nextPulse(pulses);
            nextPulse(pulses);
        }
        System.out.printf(Locale.ROOT, "select %d rows (tree and bytes of each): %.3f s%n", clicks, seconds(t));
        printStalls("  selecting", stalls(pulses), pulses);
        System.out.printf(Locale.ROOT, "load average after the run: %s%n", loadAverage());
        Platform.exit();
    }

    /** CPU time used by each thread (and the whole process) between two {@link #threadCpu} readings. */
    private static void printCpu(String phase, java.util.Map<String, Long> before, java.util.Map<String, Long> after) {
        if (after.isEmpty()) return;
        StringBuilder line = new StringBuilder(phase + ": CPU by thread (ms):");
        after.entrySet().stream().map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() >= 20_000_000L).sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
                .forEach(e -> line.append(' ').append(e.getKey()).append('=').append(e.getValue() / 1_000_000));
        System.out.println(line);
    }

    /**
     * CPU time (ns) of every thread from /proc on Linux, JVM threads included (the JIT compilers,
     * GC), plus "(process)" for the whole process, which also counts threads that have ended.
     */
    private static java.util.Map<String, Long> threadCpu() {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        long tick = 10_000_000L; // USER_HZ is 100 on Linux
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * tick, Long::sum);
                } catch (java.io.IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            out.put("(process)", (Long.parseLong(f[11]) + Long.parseLong(f[12])) * tick);
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: no figures
        }
        return out;
    }

    private static long[] stalls(PulseMonitor m) {
        return onFxQuiet(() -> new long[] {m.maxGap, m.over100, m.pulses});
    }

    private static void printStalls(String phase, long[] s, PulseMonitor m) {
        System.out.printf(Locale.ROOT, "%s: longest FX-thread stall %.0f ms, %d stalls over 100 ms, %d pulses%n",
                phase, s[0] / 1e6, s[1], s[2]);
        if (s[1] > 0) System.out.println("    stalls over 100 ms (time since the step began): "
                + onFxQuiet(() -> String.join(", ", m.longGaps)));
    }

    /** The 1-, 5- and 15-minute load averages (Linux): figures taken on a busy machine say so. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2] + " (" + Runtime.getRuntime().availableProcessors() + " CPUs)";
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double seconds(long t0) { return (System.nanoTime() - t0) / 1e9; }

    /** Until the filter or sort under way has shown its rows. */
    private static void waitIdle(MainWindow w) throws InterruptedException {
        Thread.sleep(20);
        waitUntil(() -> !onFxQuiet(() -> w.viewModel().frames().busyProperty().get()), 600);
        onFx(() -> null);
    }

    private static void nextPulse(PulseMonitor m) throws InterruptedException {
        int p = onFx(() -> m.pulses);
        waitUntil(() -> onFxQuiet(() -> m.pulses) > p, 10);
    }

    private static boolean waitUntil(BooleanSupplier cond, int timeoutSeconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < end) {
            if (cond.getAsBoolean()) return true;
            Thread.sleep(2);
        }
        return false;
    }

    private static <T> T onFxQuiet(Supplier<T> s) {
        try {
            return onFx(s);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> T onFx(Supplier<T> s) throws InterruptedException {
        if (Platform.isFxApplicationThread()) return s.get();
        AtomicReference<T> out = new AtomicReference<>();
        AtomicReference<RuntimeException> err = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                out.set(s.get());
            } catch (RuntimeException e) {
                err.set(e);
            } finally {
                done.countDown();
            }
        });
        done.await();
        if (err.get() != null) throw err.get();
        return out.get();
    }

    /**
     * Milliseconds since the process started, from java.base only (the process's start time, to
     * 10 ms), so that the benchmark also runs on the installed app's runtime, which has no
     * java.management: {@code /opt/ftpscope/lib/runtime/bin/java -XX:SharedArchiveFile=… -cp
     * /opt/ftpscope/lib/app/…:test-classes.jar}.
     */
    /**
     * Milliseconds since this process started, from the kernel's own clock since boot: its start
     * tick in /proc/self/stat (field 22, in USER_HZ = 100 a second on Linux) against /proc/uptime.
     * ProcessHandle's start instant is the boot time's wall-clock reading plus those ticks, and on a
     * virtual machine whose clock has drifted since boot it was 0.9 s early (a fresh JVM's uptime
     * read 0.97 s there against 0.04 s), so it is only the fallback where /proc is missing.
     */
    static long uptimeMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[22 - 3]);
            double up = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            return Math.round(up * 1000 - startTicks * 10.0);
        } catch (java.io.IOException | RuntimeException e) {
            return ProcessHandle.current().info().startInstant()
                    .map(start -> java.time.Duration.between(start, java.time.Instant.now()).toMillis())
                    .orElseThrow(() -> new IllegalStateException("this system does not tell a process's start time"));
        }
    }
}

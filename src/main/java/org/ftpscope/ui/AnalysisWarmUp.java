package org.ftpscope.ui;

import org.ftpscope.capture.CaptureException;
import org.ftpscope.filter.AnalysisFields;
import org.ftpscope.filter.DisplayFilter;
import org.ftpscope.ftp.Analysis;
import org.ftpscope.ftp.Analyzer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Analyses two small real captures (from {@code samples/}, packed into the jar) a few times while
 * the start page shows, so the JIT has compiled the analysis before the user opens a capture.
 *
 * <p>Why: on two cores the first load of a big capture spent its first ~0.8 s in interpreted and
 * C1 code, because HotSpot's single C2 thread was busy with JavaFX's CSS code (one method,
 * {@code CssStyleHelper.transitionToState}, took 0.8 s to compile; JFR {@code jdk.Compilation}).
 * Warmed, the 1.53 GB capture loads in the app in 2.1-2.5 s instead of 2.9-3.9 s (UiBenchmark).
 * The warm-up stops as soon as a real load starts, so it never competes with one.
 */
final class AnalysisWarmUp {
    private static final String[] CAPTURES = {"concurrent-clients.pcap", "lossy-transfers.pcap"};
    /**
     * Forty short passes with a pause between them, about 1.5 s in all on two cores: HotSpot drops
     * queued compilations of methods that stopped running, so ten passes in a row, over before
     * the C2 thread got to them, left the analysis half compiled (1.53 GB: 2.6-3.2 s in the app,
     * against 2.1-2.5 s so).
     */
    static final int PASSES = 40;
    static final long PAUSE_MILLIS = 30;
    /**
     * Display filters run on each pass too, each of a different shape: warmed on one, the filter
     * loop was recompiled for each new one; in the app, C2 then took 0.2-0.5 s of the two cores
     * during each of the first filters over the 1.48 GB capture (UiBenchmark, CPU by thread).
     */
    static final String[] FILTERS = {"ftp || ftp-data", "tcp.analysis.retransmission", "ftp.request.command == \"RETR\"",
            "tcp.port == 21 && tcp.len > 0", "ftp.response.code >= 400", "tcp.flags.reset == 1 or tcp.analysis.lost_segment",
            "ip.addr == 192.0.2.10", "ftp-data and tcp.stream in {1 2 3}", "frame.len > 1000", "!ftp"};
    /** The filters run on every fourth pass: enough for C2, and the warm-up still ends within ~1 s. */
    static final int FILTER_EVERY = 4;
    /** When the warm-up started and ended (System.nanoTime), 0 if not (yet); for UiBenchmark. */
    static volatile long startedAt, endedAt;

    private AnalysisWarmUp() {}

    /**
     * Starts the warm-up on a daemon thread; it ends early once {@code stop} says so. Off with
     * {@code -Dftpscope.ui.warmUp=false}.
     */
    static void start(BooleanSupplier stop) {
        if (!Boolean.parseBoolean(System.getProperty("ftpscope.ui.warmUp", "true"))) return;
        Thread t = new Thread(() -> run(stop), "ftpscope-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** The warm-up itself; returns the passes completed (for tests). */
    static int run(BooleanSupplier stop) {
        startedAt = System.nanoTime();
        endedAt = 0;
        Path[] files = new Path[CAPTURES.length];
        int pass = 0;
        try {
            // Compiled before the directives are in, the pass would be C2's one big unit.
            JitDirectives.addOnce();
            for (int i = 0; i < files.length; i++) files[i] = unpack(CAPTURES[i]);
            List<DisplayFilter> filters = new ArrayList<>();
            for (String f : FILTERS) filters.add(((DisplayFilter.Result.Compiled) DisplayFilter.compile(f)).filter());
            for (; pass < PASSES && !stop.getAsBoolean(); pass++) {
                Thread.sleep(PAUSE_MILLIS);
                for (Path f : files) {
                    Analysis a = Analyzer.analyze(f, (done, total, frames) -> {
                        if (stop.getAsBoolean()) throw new CancellationException("a capture is being opened");
                    }, new PreviewTap(MainWindow.PREVIEW_FRAMES, MainWindow.FIRST_ROWS, null), MainWindow.HASH_IN_PARALLEL);
                    try (var c = a.capture()) {
                        if (pass % FILTER_EVERY != 0) continue;
                        for (DisplayFilter filter : filters) {
                            if (stop.getAsBoolean()) break;
                            AnalysisFields.matching(a, filter);
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (CancellationException | IOException | CaptureException e) {
            // Only a warm-up: a capture is being opened, or the jar lacks the samples; nothing to tell.
        } finally {
            endedAt = System.nanoTime();
            for (Path f : files) {
                if (f != null) {
                    try {
                        Files.deleteIfExists(f);
                    } catch (IOException ignored) {
                        // a temp file left behind
                    }
                }
            }
        }
        return pass;
    }

    /** The reader maps files, so the capture is copied out of the jar into a temp file. */
    static Path unpack(String name) throws IOException {
        try (InputStream in = AnalysisWarmUp.class.getResourceAsStream("warm-up/" + name)) {
            if (in == null) throw new IOException("warm-up capture missing from the jar: " + name);
            Path f = Files.createTempFile("ftpscope-warm-up-", ".pcap");
            f.toFile().deleteOnExit();
            Files.copy(in, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return f;
        }
    }
}

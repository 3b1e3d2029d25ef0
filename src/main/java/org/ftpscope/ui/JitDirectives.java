package org.ftpscope.ui;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One HotSpot compiler directive (JEP 165), added at run time through the JDK's DiagnosticCommand
 * MBean (what {@code jcmd PID Compiler.directives_add FILE} does), because {@code java -jar}
 * cannot be given VM options.
 *
 * <p>Why: JavaFX 21's {@code VirtualFlow} finds the top row by walking its per-row size cache
 * from row 0 (the five methods matched below) several times per layout: a million iterations
 * each at a million rows. When C2 had already compiled {@code getOrCreateCellSize} on its own,
 * it would not inline it into those loops ("already compiled into a big method",
 * LogCompilation), and each iteration became a call. Which of the two C2 compiled first was a
 * matter of timing: in 8 of 14 UiBenchmark runs on the 1.48 GB capture scrolling took ~22 s
 * with 4-18 stalls of 100-150 ms, in the other 6 ~10 s with none. With the directive, 8.5-10.2 s
 * and no stall over 100 ms in 12 of 12 runs.
 */
final class JitDirectives {
    private static final String DIRECTIVES = """
            [ { match: [ "javafx/scene/control/skin/VirtualFlow.computeCurrentIndex",
                         "javafx/scene/control/skin/VirtualFlow.computeViewportOffset",
                         "javafx/scene/control/skin/VirtualFlow.computeBaseOffset",
                         "javafx/scene/control/skin/VirtualFlow.adjustPositionToIndex",
                         "javafx/scene/control/skin/VirtualFlow.recalculateAndImproveEstimatedSize" ],
                inline: "+javafx/scene/control/skin/VirtualFlow.getOrCreateCellSize" } ]
            """;
    private static boolean added;

    private JitDirectives() {}

    /**
     * Adds the directive on a daemon thread: starting the platform MBean server takes ~0.2 s, which
     * the FX thread should not wait for, and the directive is only needed once a big table scrolls.
     */
    static void addInBackground() {
        Thread t = new Thread(JitDirectives::addOnce, "ftpscope-jit-directives");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Adds the directive once per JVM. Returns whether it was added. It is not added on a JVM
     * without the DiagnosticCommand MBean or HotSpot's compiler control, where nothing changes.
     */
    static synchronized boolean addOnce() {
        if (added) return true;
        Path file = null;
        try {
            file = Files.createTempFile("ftpscope-jit-", ".json");
            Files.writeString(file, DIRECTIVES);
            Object out = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
            // The command reports a parse error as text, not as an exception; success is "1 compiler directives added".
            added = String.valueOf(out).trim().matches("(?s)[1-9][0-9]* compiler directives added.*");
        } catch (Exception | LinkageError e) {
            added = false; // another JVM, or management disabled: only slower scrolling
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (java.io.IOException ignored) {
                    // a temp file left behind
                }
            }
        }
        return added;
    }
}

package org.ftpscope.ui;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * HotSpot compiler directives (JEP 165), added at run time through the JDK's DiagnosticCommand
 * MBean (what {@code jcmd PID Compiler.directives_add FILE} does), because {@code java -jar}
 * cannot be given VM options. On two cores HotSpot has one C2 thread, and loading a big capture
 * kept it busy for the whole load (2.5-2.8 s of its 3.3-3.6 s, UiBenchmark on the 1.48 GB
 * capture, CPU by thread from /proc), taking that time from the loader and the FX thread.
 *
 * <p>The first directive keeps the control-channel parser out of C2. Its methods run once per
 * command or reply, about 10,000 times in a 1.5 GB capture, and C2 compiled them during the load,
 * 0.55-0.6 s for {@code ControlFeed.commandLine} alone (LogCompilation); C1's code is enough.
 *
 * <p>The second cuts the per-frame pass into several compilation units instead of one. C2
 * inlined 7 KB of bytecode into {@code TcpReassembler.frame}, and a branch that the warm-up
 * captures never take but a big capture does (a hash probe past its first slot, an out-of-order
 * segment, a stream number past the data-channel array) threw the whole unit away: the loader
 * ran in slower code while C2 spent 0.3-0.7 s recompiling it, up to three times per load. Apart,
 * such a branch recompiles one small method; the calls cost a few ns per frame.
 *
 * <p>With both, C2 spent 1.4-2.1 s of a load instead of 2.5-2.8, of which 0.25 s on ftpscope's
 * code instead of 1.9 s.
 *
 * <p>The third keeps JavaFX's {@code CssStyleHelper} out of C2. C2 spent 0.6 s on each of its
 * biggest methods, {@code getStyle} twice at start-up and {@code transitionToState} again at the
 * start of every load, while the pulse showing the first rows ran. CSS runs in short bursts,
 * C1's code does. Four alternating loads each: 2.92-3.10 s before, 2.76-2.83 s after, with C2
 * busy 1.0-1.2 s of a load; scrolling, sorting and selecting were unchanged.
 *
 * <p>The fourth is for scrolling: JavaFX 21's {@code VirtualFlow} finds the top row by walking its
 * per-row size cache from row 0 (the five methods matched) several times per layout, a million
 * iterations each at a million rows. When C2 had already compiled {@code getOrCreateCellSize} on
 * its own, it would not inline it into those loops ("already compiled into a big method"), and
 * each iteration became a call. Which of the two C2 compiled first was a matter of timing: in 8 of
 * 14 UiBenchmark runs scrolling the 1.48 GB capture took ~22 s with 4-18 stalls of 100-150 ms, in
 * the other 6 ~10 s with none. With the directive, 8.5-10.2 s and no stall over 100 ms in 12 of 12.
 */
final class JitDirectives {
    private static final String DIRECTIVES = """
            [ { match: [ "org/ftpscope/ftp/ControlFeed.*", "org/ftpscope/ftp/ReplyAssembler.*",
                         "org/ftpscope/ftp/FtpCommand.*", "org/ftpscope/ftp/FtpReply.*",
                         "org/ftpscope/ftp/SetupParsers.*", "org/ftpscope/ftp/PathNames.*",
                         "org/ftpscope/ftp/ControlLineSplitter.*" ],
                c2: { Exclude: true } },
              { match: [ "org/ftpscope/*.*" ],
                inline: [ "-org/ftpscope/ftp/Analyzer*.*",
                          "-org/ftpscope/tcp/TcpReassembler.frame", "-org/ftpscope/decode/PacketDecoder.decode",
                          "-org/ftpscope/tcp/ConnectionTable.find", "-org/ftpscope/tcp/TcpReassembler.setUp",
                          "-org/ftpscope/tcp/TcpReassembler.analyse", "-org/ftpscope/tcp/TcpReassembler.deliverOrBuffer",
                          "-org/ftpscope/tcp/TcpReassembler.drain", "-org/ftpscope/ftp/FtpAnalyzer.data",
                          "-org/ftpscope/ftp/FtpAnalyzer.segment", "-org/ftpscope/ftp/DigestPipeline.newDigest",
                          "-org/ftpscope/ftp/ControlFeed.*", "-org/ftpscope/ftp/ControlLineSplitter.*",
                          "-org/ftpscope/ui/PreviewTap.frame", "-java/util/TreeMap.*" ] },
              { match: [ "javafx/scene/CssStyleHelper.*" ],
                c2: { Exclude: true } },
              { match: [ "javafx/scene/control/skin/VirtualFlow.computeCurrentIndex",
                         "javafx/scene/control/skin/VirtualFlow.computeViewportOffset",
                         "javafx/scene/control/skin/VirtualFlow.computeBaseOffset",
                         "javafx/scene/control/skin/VirtualFlow.adjustPositionToIndex",
                         "javafx/scene/control/skin/VirtualFlow.recalculateAndImproveEstimatedSize" ],
                inline: "+javafx/scene/control/skin/VirtualFlow.getOrCreateCellSize" } ]
            """;
    private static boolean added;

    private JitDirectives() {}

    /**
     * Adds the directives on a daemon thread, after {@link HeapHeadroom#widen} (which needs the
     * same management beans): starting the platform MBean server takes ~0.2 s, which the FX thread
     * should not wait for. The analysis warm-up waits for the directives ({@link #addOnce}).
     */
    static void addInBackground() {
        Thread t = new Thread(() -> {
            HeapHeadroom.widen();
            addOnce();
        }, "ftpscope-jit-directives");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Adds the directives once per JVM. Returns whether they were added. They are not on a JVM
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
            // The command reports a parse error as text, not as an exception; success is "4 compiler directives added".
            added = String.valueOf(out).trim().matches("(?s)4 compiler directives added.*");
        } catch (Exception | LinkageError e) {
            added = false; // another JVM, or management disabled: only a slower load and scrolling
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

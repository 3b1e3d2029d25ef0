package org.ftpscope.ui;

import org.junit.jupiter.api.Test;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JitDirectivesTest {

    private static String listed() throws Exception {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
    }

    /** HotSpot's listing, one entry per directive on its stack, the last added first. */
    private static List<String> directives() throws Exception {
        return Arrays.stream(listed().split("Directive:")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String c2(String directive) {
        return directive.substring(directive.indexOf("c2 directives:"));
    }

    @Test
    void theFourDirectivesAreOnHotSpotsStackOnceAsParsed() throws Exception {
        assertTrue(JitDirectives.addOnce());
        assertTrue(JitDirectives.addOnce());
        List<String> d = directives();
        // Ours, then HotSpot's default; added twice they would be listed twice.
        assertEquals(5, d.size(), listed());
        assertTrue(d.get(4).startsWith("(default)"), d.get(4));

        // 1: the control-channel parser is kept out of C2 (and only out of C2).
        for (String c : new String[] {"ControlFeed", "ReplyAssembler", "FtpCommand", "FtpReply", "SetupParsers",
                "PathNames", "ControlLineSplitter"}) {
            assertTrue(d.get(0).contains("org/ftpscope/ftp/" + c + ".*"), c + " in " + d.get(0));
        }
        assertTrue(c2(d.get(0)).contains("Exclude:true"), d.get(0));
        assertTrue(d.get(0).substring(0, d.get(0).indexOf("c2 directives:")).contains("Enable:false"), d.get(0));

        // 2: the per-frame pass in several compilation units.
        assertTrue(d.get(1).startsWith("matching: org/ftpscope/*.*"), d.get(1));
        for (String m : new String[] {"tcp/TcpReassembler.frame", "tcp/ConnectionTable.find", "tcp/TcpReassembler.analyse",
                "tcp/TcpReassembler.deliverOrBuffer", "tcp/TcpReassembler.drain", "ftp/FtpAnalyzer.data"}) {
            assertTrue(c2(d.get(1)).contains("-org/ftpscope/" + m), m + " in " + d.get(1));
        }
        assertTrue(c2(d.get(1)).contains("Exclude:false"), d.get(1));

        // 3: JavaFX's CSS helper out of C2.
        assertTrue(d.get(2).startsWith("matching: javafx/scene/CssStyleHelper.*"), d.get(2));
        assertTrue(c2(d.get(2)).contains("Exclude:true"), d.get(2));

        // 4: VirtualFlow's walks with the size lookup inlined, for C1 and C2.
        for (String m : new String[] {"computeCurrentIndex", "computeViewportOffset", "computeBaseOffset",
                "adjustPositionToIndex", "recalculateAndImproveEstimatedSize"}) {
            assertTrue(d.get(3).contains("javafx/scene/control/skin/VirtualFlow." + m), m + " in " + d.get(3));
        }
        int inlines = d.get(3).split("inline: \\+javafx/scene/control/skin/VirtualFlow.getOrCreateCellSize", -1).length - 1;
        assertEquals(2, inlines, d.get(3));
    }
}

package org.ftpscope.ui;

import org.junit.jupiter.api.Test;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JitDirectivesTest {

    private static String listed() throws Exception {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
    }

    @Test
    void theVirtualFlowDirectiveIsOnHotSpotsStackOnce() throws Exception {
        assertTrue(JitDirectives.addOnce());
        assertTrue(JitDirectives.addOnce());
        String stack = listed();
        // HotSpot parsed it: the matcher and the forced inline are listed for C1 and C2.
        String matching = stack.lines().filter(l -> l.contains("VirtualFlow.computeCurrentIndex")).findFirst().orElse("");
        assertTrue(matching.trim().startsWith("matching:"), stack);
        for (String m : new String[] {"computeCurrentIndex", "computeViewportOffset", "computeBaseOffset",
                "adjustPositionToIndex", "recalculateAndImproveEstimatedSize"}) {
            assertTrue(matching.contains("javafx/scene/control/skin/VirtualFlow." + m), m + " in " + matching);
        }
        int inlines = stack.split("inline: \\+javafx/scene/control/skin/VirtualFlow.getOrCreateCellSize", -1).length - 1;
        assertEquals(2, inlines, stack);
    }
}

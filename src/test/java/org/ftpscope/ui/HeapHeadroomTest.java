package org.ftpscope.ui;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeapHeadroomTest {

    @Test
    void g1IsAskedToKeepSeventyPercentOfTheHeapFree() {
        assertTrue(HeapHeadroom.widen());
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        assertEquals("70", vm.getVMOption("MinHeapFreeRatio").getValue());
        assertEquals("90", vm.getVMOption("MaxHeapFreeRatio").getValue());
        assertEquals("MANAGEMENT", vm.getVMOption("MinHeapFreeRatio").getOrigin().name());
    }
}

package org.ftpscope.ui;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;

/**
 * Lets G1 keep more of the heap free, set at run time (both flags are "manageable") because
 * {@code java -jar} cannot be given VM options.
 *
 * <p>Why: G1 starts a concurrent marking cycle whenever the old generation passes 45% of the heap
 * it has committed, and it commits little more than it uses (40% free by default). Loading a big
 * capture keeps what it reads (frame index, TCP and FTP tables: ~100 MB for 1.1 M frames), so the
 * heap grew just behind it and G1 marked back to back: 0.3-0.75 s of a second thread's CPU in
 * most loads of the 1.48 GB capture, on a machine whose two cores the load already fills, and no
 * garbage found. Asked to keep 70% free, G1 commits ~3x what is live at its next remark (never
 * beyond -Xmx), so the threshold stays above what a load adds. In UiBenchmark the marking threads'
 * CPU during a load went to under 20 ms in every run.
 */
final class HeapHeadroom {
    static final int MIN_FREE_PERCENT = 70;
    static final int MAX_FREE_PERCENT = 90;

    private HeapHeadroom() {}

    /** Returns whether the setting took; not on a JVM without HotSpot's diagnostic MXBean. */
    static boolean widen() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (vm == null) return false;
            // Max first: HotSpot refuses a minimum above the maximum.
            vm.setVMOption("MaxHeapFreeRatio", Integer.toString(MAX_FREE_PERCENT));
            vm.setVMOption("MinHeapFreeRatio", Integer.toString(MIN_FREE_PERCENT));
            return true;
        } catch (RuntimeException | LinkageError e) {
            return false; // another JVM, or the options are not manageable there: only more GC work
        }
    }
}

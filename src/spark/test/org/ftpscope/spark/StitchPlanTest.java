package org.ftpscope.spark;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StitchPlanTest {
    static final String A = "192.0.2.10:40000|198.51.100.21:21", B = "192.0.2.10:40002|198.51.100.21:40089";

    @Test
    void rotatedNamesShareACapturePointAndFoldersKeepSensorsApart() {
        CapturePoints p = CapturePoints.byDefault();
        assertEquals("s3a://b/sensor1/ring_*_*.pcap", p.of("s3a://b/sensor1/ring_00003_20261201103000.pcap"));
        assertEquals(p.of("/a/x_00001_1.pcap"), p.of("/a/x_00002_7.pcap"));
        assertTrue(!p.of("/a/x_1.pcap").equals(p.of("/b/x_1.pcap")));
        assertEquals("/a/dump.pcap*", p.of("/a/dump.pcap12")); // tcpdump -C appends the counter
        assertEquals("/a/x_1.pcap", CapturePoints.parse("none").of("/a/x_1.pcap"));
        assertEquals("/a/day-2026-*.pcap", CapturePoints.parse("(?<=day-2026-)[0-9]+").of("/a/day-2026-11.pcap"));
    }

    @Test
    void aConnectionOpenAtACutCrossesInBothNeighboursOnly() {
        var f0 = new FileResult.Boundary("p0", "pt", 10, 20, true, Set.of(), Set.of(A));
        var f1 = new FileResult.Boundary("p1", "pt", 21, 30, true, Set.of(A), Set.of());
        var f2 = new FileResult.Boundary("p2", "pt", 31, 40, true, Set.of(), Set.of());
        StitchPlan plan = StitchPlan.of(List.of(f2, f0, f1));
        assertEquals(0, plan.of("p0").sequenceIndex());
        assertEquals(2, plan.of("p2").sequenceIndex());
        assertEquals(Set.of(A), plan.of("p0").crossing());
        assertEquals(Set.of(A), plan.of("p1").crossing());
        assertEquals(Set.of(), plan.of("p2").crossing());
        assertTrue(plan.of("p2").stitched());
    }

    @Test
    void aClosedConnectionWhoseTrailingAckIsInTheNextFileCrosses() {
        // file 0 saw the whole connection close; file 1 starts with its last ACK (no SYN there)
        var f0 = new FileResult.Boundary("p0", "pt", 10, 20, true, Set.of(), Set.of());
        var f1 = new FileResult.Boundary("p1", "pt", 21, 30, true, Set.of(B), Set.of());
        StitchPlan plan = StitchPlan.of(List.of(f0, f1));
        var session = new FileResult.SessionPart(null, Set.of(A, B), new int[] {1, 2});
        assertTrue(StitchPlan.carried(plan.of("p0"), session));
        assertFalse(StitchPlan.carried(plan.of("p0"), new FileResult.SessionPart(null, Set.of(A), new int[] {1})));
    }

    @Test
    void filesOverlappingInTimeAreNoRotationAndStayAlone() {
        var f0 = new FileResult.Boundary("p0", "pt", 10, 25, true, Set.of(), Set.of(A));
        var f1 = new FileResult.Boundary("p1", "pt", 20, 30, true, Set.of(A), Set.of());
        StitchPlan plan = StitchPlan.of(List.of(f0, f1));
        assertFalse(plan.of("p0").stitched());
        assertTrue(plan.of("p1").note().contains("p1 starts before p0 ends"), plan.of("p1").note());
        assertFalse(StitchPlan.carried(plan.of("p0"), new FileResult.SessionPart(null, Set.of(A), new int[] {1})));
    }

    @Test
    void unclaimedConnectionsAreCarriedWhenTheyCrossOrUseDataPorts() {
        var f0 = new FileResult.Boundary("p0", "pt", 10, 20, true, Set.of(), Set.of());
        var f1 = new FileResult.Boundary("p1", "pt", 21, 30, true, Set.of(), Set.of());
        StitchPlan.FilePlan p = StitchPlan.of(List.of(f0, f1)).of("p0");
        assertTrue(StitchPlan.carried(p, new FileResult.Connection(B, true, new int[] {3})));
        assertFalse(StitchPlan.carried(p, new FileResult.Connection("192.0.2.10:40000|198.51.100.9:443", false,
                new int[] {3})));
        StitchPlan.FilePlan alone = StitchPlan.of(List.of(f0)).of("p0");
        assertFalse(alone.stitched());
        assertNull(alone.note());
        assertFalse(StitchPlan.carried(alone, new FileResult.Connection(B, true, new int[] {3})));
    }

    @Test
    void messagesNameTheArchiveFileAndItsFrameNumbers() {
        FrameMap map = FrameMap.stitched(List.of("s3a://b/x/part_0.pcap", "s3a://b/x/part_1.pcap"),
                new int[] {0, 0, 1, 1}, new int[] {7, 9, 1, 4}, 4);
        assertEquals("PASS, frame 9 of part_0.pcap; frames 7 of part_0.pcap-4 of part_1.pcap and 99",
                map.text("PASS, frame 2; frames 1-4 and 99"));
        assertEquals(List.of("s3a://b/x/part_0.pcap", "s3a://b/x/part_1.pcap"), map.files(2, 3));
        assertNull(map.file(0));
        assertEquals("no frame here", map.text("no frame here"));
    }
}

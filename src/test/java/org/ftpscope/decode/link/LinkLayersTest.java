package org.ftpscope.decode.link;

import org.ftpscope.capture.CaptureException;
import org.ftpscope.capture.CaptureFile;
import org.ftpscope.decode.DetailNode;
import org.ftpscope.decode.PacketDecoder;
import org.ftpscope.decode.PacketInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one list of link layers: each link type once, every one the captures use listed, both paths agreeing. */
class LinkLayersTest {

    @Test
    void everyLinkTypeIsListedOnce() {
        Set<Integer> seen = new HashSet<>();
        for (LinkLayer l : LinkLayers.ALL) {
            assertTrue(seen.add(l.linkType()), "link type " + l.linkType() + " (" + l.name() + ") listed twice");
            assertEquals(l, LinkLayers.of(l.linkType()));
        }
        assertEquals(List.of(0, 1, 12, 14, 101, 108, 113, 228, 229, 276), new TreeSet<>(seen).stream().toList());
        assertNull(LinkLayers.of(127), "radiotap is not decoded");
        assertNull(LinkLayers.of(-1));
        assertNull(LinkLayers.of(Integer.MAX_VALUE));
        assertEquals("EN10MB", LinkLayers.name(1));
        assertEquals("LINKTYPE_127", LinkLayers.name(127));
    }

    /** The one capture whose link type is not decoded, to test what is said then (derive-link.sh). */
    private static final String UNDECODED_ON_PURPOSE = "port-to-21-user0.pcap";

    /** Every link type a frame of a sample (or of the shared Zeek captures, when present) has is decoded. */
    @Test
    void everyLinkTypeOfTheCapturesIsListed() throws IOException {
        List<Path> captures = new ArrayList<>();
        for (Path dir : List.of(Path.of("samples"), Path.of("samples", "derived"), Path.of("..", "shared", "captures", "zeek"))) {
            if (!Files.isDirectory(dir)) continue; // ../shared is absent beside a bare clone
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().matches(".*\\.(pcap|pcapng|pcap\\.gz)$"))
                        .filter(f -> !f.getFileName().toString().equals(UNDECODED_ON_PURPOSE)).sorted().forEach(captures::add);
            }
        }
        TreeMap<Integer, Integer> framesByLinkType = new TreeMap<>();
        for (Path c : captures) {
            try {
                CaptureFile.read(c, (frame, ts, linkType, orig, buf, off, cap) -> framesByLinkType.merge(linkType, 1, Integer::sum),
                        null, false);
            } catch (CaptureException e) {
                throw new AssertionError(c + ": " + e.getMessage(), e);
            }
        }
        for (int linkType : framesByLinkType.keySet()) {
            assertNotNull(LinkLayers.of(linkType), "link type " + linkType + " is used by a capture but not listed in LinkLayers.ALL");
        }
        // Ethernet everywhere, Linux cooked v2 in any-sll2.pcap (and what is derived from it).
        assertTrue(captures.size() >= 50, captures.size() + " captures");
        assertTrue(framesByLinkType.keySet().containsAll(Set.of(1, 276)), framesByLinkType.toString());
    }

    /**
     * The fast path's header length and the detail tree's link nodes describe the same bytes: on a
     * frame of zeros, the link layer's nodes cover exactly the bytes before the network layer.
     */
    @Test
    void theTreeCoversTheHeaderTheFastPathSkips() {
        for (LinkLayer l : LinkLayers.ALL) {
            byte[] frame = new byte[64];
            PacketInfo p = new PacketInfo();
            PacketDecoder.decode(l.linkType(), frame, 0, frame.length, p);
            assertNull(p.malformed, l.name());
            DetailNode.Builder root = DetailNode.builder("Frame", null, null, -1, 0);
            List<String> protocols = new ArrayList<>();
            l.dissect(root, frame, p, protocols);
            int covered = 0;
            for (DetailNode n : root.build().children()) {
                if (!n.hasBytes()) continue;
                assertEquals(covered, n.offset(), l.name() + ": " + n.label());
                covered = n.offset() + n.length();
            }
            assertEquals(p.linkHeaderLength, covered, l.name());
            assertTrue(!protocols.isEmpty(), l.name() + " names its protocol");
        }
    }

    @Test
    void aCutLinkHeaderIsMalformedNotRead() {
        for (LinkLayer l : LinkLayers.ALL) {
            int header = l.decode(new byte[64], 0, 64, new PacketInfo());
            if (header == 0) continue; // raw IP: no link header to cut
            PacketInfo p = new PacketInfo();
            PacketDecoder.decode(l.linkType(), new byte[64], 0, header - 1, p);
            assertNotNull(p.malformed, l.name());
            assertEquals(0, p.ipVersion, l.name());
        }
    }

    /** samples/derived/port-to-21-user0.pcap (derive-link.sh): a real capture relabelled LINKTYPE_USER0, 147. */
    @Test
    void anUndecodedLinkTypeIsSaidNotSilent() throws Exception {
        try (org.ftpscope.analysis.Analysis a = org.ftpscope.analysis.Analyzer.analyze(
                org.ftpscope.TestCaptures.sample("derived/port-to-21-user0.pcap"))) {
            assertEquals(List.of("frame 1: link type LINKTYPE_147 (147) is not decoded by ftpscope: its 40 frames are listed,"
                    + " but no IP, TCP or FTP is read from them"), a.capture().warnings().stream().map(Object::toString).toList());
            assertTrue(a.sessions().isEmpty());
            org.ftpscope.decode.FrameSummary row = new org.ftpscope.present.FrameViews(a).summary(1);
            assertEquals("Link type LINKTYPE_147 (147), not decoded by ftpscope", row.info());
            assertEquals("", row.source());
        }
    }
}

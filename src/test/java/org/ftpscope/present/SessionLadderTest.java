package org.ftpscope.present;

import org.ftpscope.present.SessionLadder.Arrow;
import org.ftpscope.present.SessionLadder.Kind;
import org.ftpscope.present.SessionLadder.Lifeline;
import org.ftpscope.present.SessionLadder.Role;
import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 19 item 6: one lifeline per endpoint, so a SYN to a NAT'd advertised address is not drawn on the server's. */
class SessionLadderTest {
    static Analysis analyse(String sample) {
        try {
            return Analyzer.analyze(TestCaptures.sample(sample));
        } catch (Exception e) {
            throw new IllegalStateException(sample + ": " + e.getMessage(), e);
        }
    }

    private static SessionLadder ladder(String sample, int session) throws java.io.IOException {
        try (Analysis a = analyse(sample)) {
            return SessionLadder.of(a.sessions().get(session), a.streams());
        }
    }

    private static Arrow at(SessionLadder l, int frame, Kind kind) {
        return l.arrows().stream().filter(a -> a.frame() == frame && a.kind() == kind).findFirst().orElseThrow();
    }

    private static List<String> labels(SessionLadder l) { return l.lifelines().stream().map(Lifeline::label).toList(); }

    /** The control arrows run between the two control lifelines, whatever else is drawn. */
    private static void controlBetweenControls(SessionLadder l) {
        int client = -1, server = -1;
        for (int i = 0; i < l.lifelines().size(); i++) {
            if (l.lifelines().get(i).role() == Role.CLIENT_CONTROL) client = i;
            if (l.lifelines().get(i).role() == Role.SERVER_CONTROL) server = i;
        }
        for (Arrow a : l.arrows()) {
            if (a.kind() == Kind.COMMAND) assertEquals(List.of(client, server), List.of(a.from(), a.to()), a.toString());
            if (a.kind() == Kind.REPLY) assertEquals(List.of(server, client), List.of(a.from(), a.to()), a.toString());
        }
    }

    /** nat-wrong-pasv-address.pcap session 0: the 227 in frame 18 advertises 10.10.10.21:40026; the client used 198.51.100.21. */
    @Test
    void theClientIgnoredTheAdvertisedAddress() throws Exception {
        SessionLadder l = ladder("nat-wrong-pasv-address.pcap", 0);
        assertEquals(List.of("192.0.2.10:57626", "192.0.2.10:47154", "198.51.100.21:21", "198.51.100.21:40026", "10.10.10.21:40026"),
                labels(l));
        assertEquals(List.of(Role.CLIENT_DATA, Role.CLIENT_CONTROL, Role.SERVER_CONTROL, Role.SERVER_DATA, Role.ADVERTISED),
                l.lifelines().stream().map(Lifeline::role).toList());
        assertEquals("NAT?", l.lifelines().get(4).mark());
        assertTrue(l.lifelines().get(4).note().startsWith("10.10.10.21:40026 was advertised by the 227 reply in frame 18, "
                + "but the client reached the server at 198.51.100.21"), l.lifelines().get(4).note());
        assertEquals(new Arrow(19, 0, 3, Kind.DATA_CONNECT, "SYN (PASV 156*256+90 = 40026) — not to 10.10.10.21:40026 as set up", false),
                at(l, 19, Kind.DATA_CONNECT));
        assertEquals(new Arrow(28, 3, 0, Kind.DATA_FLOW, "RETR data: 900 bytes", false), at(l, 28, Kind.DATA_FLOW));
        controlBetweenControls(l);
    }

    /** Session 2: the client connected to the advertised 10.10.10.21:40005 (frame 85), five SYNs, no answer. */
    @Test
    void theClientWentToTheNatAddress() throws Exception {
        SessionLadder l = ladder("nat-wrong-pasv-address.pcap", 2);
        assertEquals(List.of("192.0.2.10:49224", "192.0.2.10:47172", "198.51.100.21:21", "198.51.100.21:40005", "10.10.10.21:40005"),
                labels(l));
        assertEquals(List.of("", "", "", "not tried", "NAT?"), l.lifelines().stream().map(Lifeline::mark).toList());
        assertEquals(new Arrow(85, 0, 4, Kind.DATA_CONNECT, "SYN (PASV 156*256+69 = 40005) — no answer (5 SYNs)", true),
                at(l, 85, Kind.DATA_CONNECT), "to the advertised lifeline, not the server's");
        assertEquals(0, l.arrows().stream().filter(a -> a.kind() == Kind.DATA_FLOW).count());
        controlBetweenControls(l);
    }

    /** bounce-port.pcap session 0: PORT/EPRT to 203.0.113.5:4444 and 192.0.2.11:4444 refused (500); the LIST's PORT worked. */
    @Test
    void bounceTargetsHaveTheirOwnMarkedLifelines() throws Exception {
        SessionLadder l = ladder("bounce-port.pcap", 0);
        assertEquals(List.of("192.0.2.10:44443", "192.0.2.10:43532", "198.51.100.21:21", "198.51.100.21:44395", "203.0.113.5:4444",
                "192.0.2.11:4444"), labels(l));
        Lifeline target = l.lifelines().get(4);
        assertEquals(Role.THIRD_HOST, target.role());
        assertEquals("bounce", target.mark());
        assertEquals("PORT in frame 12 names 203.0.113.5:4444, not the client 192.0.2.10: the server is asked to connect to a third host"
                + " (FTP bounce); the server refused it (500)", target.note());
        assertEquals(new Arrow(32, 3, 0, Kind.DATA_CONNECT, "SYN (PORT 173*256+155 = 44443)", false), at(l, 32, Kind.DATA_CONNECT),
                "active mode: the server's data port connects to the client's");
        controlBetweenControls(l);
    }

    /**
     * pasv-hijack.pcap: 192.0.2.66 connected to the passive port 198.51.100.21:40005 first (frame 17,
     * accepted); the client's own SYN from port 33349 (frame 31) was refused (tshark: RST in frame 32).
     */
    @Test
    void aThirdHostOnThePassivePort() throws Exception {
        SessionLadder l = ladder("pasv-hijack.pcap", 0);
        assertEquals(List.of("192.0.2.10:33349", "192.0.2.10:59384", "198.51.100.21:21", "198.51.100.21:40005", "192.0.2.66:52265"),
                labels(l));
        assertEquals("not the client", l.lifelines().get(4).mark());
        assertEquals("192.0.2.66:52265 connected to 198.51.100.21:40005, the endpoint the 227 reply in frame 16 set up for the client"
                + " 192.0.2.10 (tcp.stream 1)", l.lifelines().get(4).note());
        assertEquals(new Arrow(17, 4, 3, Kind.DATA_CONNECT, "SYN (from another host, tcp.stream 1) — accepted", true),
                at(l, 17, Kind.DATA_CONNECT));
        assertEquals(new Arrow(31, 0, 3, Kind.DATA_CONNECT, "SYN (PASV 156*256+69 = 40005) — refused (RST)", true),
                at(l, 31, Kind.DATA_CONNECT));
        // Without the capture's streams only what the session claimed is drawn.
        try (Analysis a = analyse("pasv-hijack.pcap")) {
            assertEquals(4, SessionLadder.of(a.sessions().get(0)).lifelines().size());
        }
    }

    /** mirror-long.pcap: hundreds of transfers; the lifelines stay bounded and say how many endpoints they fold. */
    @Test
    void manyDataConnectionsFoldIntoCountedLifelines() throws Exception {
        SessionLadder l = ladder("mirror-long.pcap", 0);
        assertTrue(l.lifelines().size() <= SessionLadder.MAX_LIFELINES, labels(l).toString());
        assertTrue(labels(l).contains("327 more client data ports"), labels(l).toString());
        assertTrue(labels(l).contains("96 more server data ports"), labels(l).toString());
        for (Arrow a : l.arrows()) {
            assertTrue(a.from() >= 0 && a.from() < l.lifelines().size() && a.to() >= 0 && a.to() < l.lifelines().size(), a.toString());
            assertTrue(a.from() != a.to(), a.toString());
        }
        controlBetweenControls(l);
    }
}

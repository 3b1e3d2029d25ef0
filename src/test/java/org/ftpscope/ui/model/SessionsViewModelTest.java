package org.ftpscope.ui.model;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FTP sessions of samples/nat-wrong-pasv-address.pcap: five control connections from 192.0.2.10
 * to 198.51.100.21:21 ({@code ftpscope analyze}: session 2 on tcp.stream 4, frames 71–96, its
 * 227 reply in frame 84 advertises 10.10.10.21:40005).
 */
class SessionsViewModelTest {
    private LoadedCapture capture;
    private SessionsViewModel vm;

    @BeforeEach
    void load() {
        capture = Samples.load("nat-wrong-pasv-address.pcap");
        vm = new SessionsViewModel();
        vm.show(capture);
    }

    @AfterEach
    void close() { capture.close(); }

    @Test
    void rowsAndTheFirstSessionSelected() {
        assertEquals(5, vm.rows().size());
        assertEquals(List.of(0, 1, 2, 3, 4), vm.rows().stream().map(r -> r.session().id()).toList());
        assertEquals("192.0.2.10:47172", vm.rows().get(2).session().client().toString());
        assertEquals("1 transfer", vm.rows().get(0).transfersText());
        assertEquals("0 transfers", vm.rows().get(2).transfersText());
        assertEquals(List.of(2, 2, 3, 3, 3), vm.rows().stream().map(SessionsViewModel.Row::findings).toList());
        assertEquals(List.of(0), List.copyOf(vm.selectedIds()));
        assertEquals(0, vm.focusedProperty().get().id());
    }

    /** Issue 19 item 4: Show FTP Session replaced nothing; it added to the selection, and the report covered both. */
    @Test
    void showSessionOfAFrameReplacesTheSelection() {
        vm.select(Set.of(0, 1), 1);
        assertEquals(List.of(0, 1), List.copyOf(vm.selectedIds()));
        assertTrue(vm.showSessionOf(84));
        assertEquals(List.of(2), List.copyOf(vm.selectedIds()));
        assertEquals(2, vm.focusedProperty().get().id());
    }

    @Test
    void aFrameOfNoSessionChangesNothing() {
        try (LoadedCapture pasv = Samples.load("pasv-curl.pcap")) {
            vm.show(pasv);
            vm.select(Set.of(1), 1);
            assertFalse(vm.showSessionOf(1), "frame 1 of pasv-curl.pcap is an ARP request");
            assertEquals(List.of(1), List.copyOf(vm.selectedIds()));
            assertTrue(vm.showSessionOf(130), "the STOR of session 1");
            assertEquals(List.of(1), List.copyOf(vm.selectedIds()));
        }
    }

    @Test
    void framesOfDataConnectionsBelongToTheirSession() {
        assertEquals(2, vm.sessionOfFrame(85).id(), "the SYN to the advertised address 10.10.10.21:40005");
        assertEquals(0, vm.sessionOfFrame(1).id());
        assertNull(vm.sessionOfFrame(100_000));
    }

    @Test
    void storyAndLadderOnlyWhileVisibleOrAskedFor() {
        vm.select(Set.of(2), 2);
        assertTrue(vm.story().isEmpty(), "not drawn for a hidden tab");
        assertNull(vm.ladderProperty().get());
        vm.visibleProperty().set(true);
        assertTrue(vm.story().stream().anyMatch(l -> l.frame() == 84 && l.text().contains("10.10.10.21:40005")),
                vm.story().toString());
        assertEquals(74, vm.story().get(0).frame(), "the 220 greeting after the handshake 71–73");
        vm.visibleProperty().set(false);
        vm.select(Set.of(3), 3);
        vm.refreshNow();
        assertTrue(vm.story().stream().anyMatch(l -> l.frame() == 127), vm.story().toString());
    }

    @Test
    void streamsFilterNamesControlAndDataStreams() {
        assertEquals("tcp.stream in {0, 1}", SessionsViewModel.streamsFilter(vm.rows().get(0).session()));
    }

    @Test
    void anotherCaptureOrNoneEmptiesEverything() {
        vm.visibleProperty().set(true);
        vm.show(null);
        assertTrue(vm.rows().isEmpty());
        assertTrue(vm.selectedIds().isEmpty());
        assertTrue(vm.story().isEmpty());
        assertNull(vm.focusedProperty().get());
        assertNull(vm.sessionOfFrame(84));
    }
}

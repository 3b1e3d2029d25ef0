package org.ftpscope.ui.model;

import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.findings.FindingKind;
import org.ftpscope.ftp.model.Severity;
import org.ftpscope.present.FindingGroup;
import org.ftpscope.present.FindingGroups;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Findings of samples/nat-wrong-pasv-address.pcap ({@code ftpscope analyze}): SYNs to the
 * advertised 10.10.10.21 unanswered in frames 85, 128, 167; 227 replies advertising it in 18,
 * 53, 84, 127, 166; a real password in cleartext in 9; anonymous logins in 48, 79, 120, 161.
 */
class FindingsViewModelTest {

    @Test
    void theReportsGroupsWithCountsMostSevereFirst() {
        try (LoadedCapture c = Samples.load("nat-wrong-pasv-address.pcap")) {
            FindingsViewModel vm = new FindingsViewModel();
            vm.show(c);
            assertEquals(FindingGroups.of(c.analysis().ftp()), List.copyOf(vm.groups()), "the one grouping the reports use");
            assertEquals(List.of("Data connection blocked (SYN without answer) (3)", "Password sent in cleartext (1)",
                    "Server advertises a different address for passive mode (5)", "Password sent in cleartext (4)"),
                    vm.groups().stream().map(FindingsViewModel::title).toList());
            assertEquals(List.of(Severity.ERROR, Severity.WARNING, Severity.WARNING, Severity.INFO),
                    vm.groups().stream().map(FindingGroup::severity).toList());
            assertEquals(List.of(85, 128, 167), vm.groups().get(0).findings().stream().map(Finding::frame).toList());
            assertEquals(3, vm.count(Severity.ERROR));
            assertEquals(6, vm.count(Severity.WARNING));
            assertEquals(2, vm.groupCount(Severity.WARNING));
            assertEquals(4, vm.count(Severity.INFO));
            assertTrue(vm.firewallProperty().get().contains("--dport 40005:40038"), vm.firewallProperty().get());
            vm.show(null);
            assertTrue(vm.groups().isEmpty());
            assertEquals("", vm.firewallProperty().get());
        }
    }

    @Test
    void aGroupOrAFindingFiltersItsFrames() {
        try (LoadedCapture c = Samples.load("nat-wrong-pasv-address.pcap")) {
            FindingsViewModel vm = new FindingsViewModel();
            vm.show(c);
            FindingGroup blocked = vm.groups().get(0);
            assertEquals(new FindingsViewModel.Jump("frame.number in {85, 128, 167}", 85,
                    "\"Data connection blocked (SYN without answer)\" ×3", 0), FindingsViewModel.jump(blocked));
            Finding mismatch = vm.groups().get(2).findings().get(2);
            assertEquals(new FindingsViewModel.Jump("frame.number in {84}", 84,
                    "\"Server advertises a different address for passive mode\", frame 84", 0), FindingsViewModel.jump(mismatch));
        }
    }

    @Test
    void consecutiveFramesAreOneRangeAndTheFilterIsBounded() {
        Finding f = new Finding(FindingKind.DATA_CONNECTION_BLOCKED, Severity.ERROR, 0, 12, "m", List.of(13, 14, 15, 20));
        assertEquals("frame.number in {12..15, 20}", FindingsViewModel.jump(f).filter());
        List<Integer> odd = new ArrayList<>();
        for (int i = 1; i <= 801; i += 2) odd.add(i); // 401 frames, no two adjacent
        FindingGroup g = new FindingGroup(FindingKind.LOGIN_FAILED, Severity.WARNING, null, null, null, 401, List.of(), odd, 7,
                "m", List.of(f));
        FindingsViewModel.Jump j = FindingsViewModel.jump(g);
        assertEquals(FindingsViewModel.MAX_FILTER_RANGES,
                Arrays.stream(j.filter().substring(17, j.filter().length() - 1).split(", ")).count());
        assertTrue(j.filter().endsWith(", 397, 399}"), j.filter());
        assertEquals(401 - FindingsViewModel.MAX_FILTER_RANGES + 7, j.framesLeftOut());
        assertEquals(1, j.frame());
    }
}

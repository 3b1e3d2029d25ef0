package org.ftpscope.ui.model;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ftpscope.ftp.Finding;
import org.ftpscope.ftp.FindingKind;
import org.ftpscope.ftp.Severity;
import org.ftpscope.present.FirewallText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The findings of the capture shown, by severity (worst first) and kind, and the firewall summary. */
public final class FindingsViewModel {
    /** All findings of one kind: the explanation and fix once, then each finding. */
    public record KindGroup(Severity severity, FindingKind kind, List<Finding> findings) {
        public String title() { return kind.title() + " (" + findings.size() + ")"; }
    }

    private final ObservableList<KindGroup> groups = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper firewall = new ReadOnlyStringWrapper("");

    public ObservableList<KindGroup> groups() { return FXCollections.unmodifiableObservableList(groups); }

    public ReadOnlyStringProperty firewallProperty() { return firewall.getReadOnlyProperty(); }

    public void show(LoadedCapture c) {
        if (c == null) {
            groups.clear();
            firewall.set("");
            return;
        }
        Map<FindingKind, List<Finding>> byKind = new LinkedHashMap<>();
        for (Finding f : c.analysis().findings()) byKind.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f);
        List<KindGroup> out = new ArrayList<>();
        byKind.forEach((k, list) -> out.add(new KindGroup(list.get(0).severity(), k, List.copyOf(list))));
        out.sort(Comparator.comparing(KindGroup::severity, Comparator.reverseOrder()).thenComparing(g -> g.kind().title()));
        groups.setAll(out);
        firewall.set(FirewallText.of(c.analysis().ftp().firewall()));
    }

    /** Findings of one severity. */
    public int count(Severity s) {
        return groups.stream().filter(g -> g.severity() == s).mapToInt(g -> g.findings().size()).sum();
    }
}

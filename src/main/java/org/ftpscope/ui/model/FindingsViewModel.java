package org.ftpscope.ui.model;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.model.Severity;
import org.ftpscope.present.FindingGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The findings of the capture shown as {@link org.ftpscope.present.FindingGroups} makes them for the reports (one
 * row per kind, severity and hosts, with its count; its members are the single findings), the
 * firewall summary, and what double-clicking a group or a finding shows in the frame list.
 */
public final class FindingsViewModel {
    /**
     * Frame ranges a finding's filter names at most ({@code frame.number in {12, 40..44, …}}): each
     * range costs every frame a comparison while filtering. Beyond it the filter names the first
     * ranges and the status says how many frames it leaves out.
     */
    public static final int MAX_FILTER_RANGES = 200;

    /**
     * What double-clicking a group or a finding does: apply {@code filter}, select {@code frame},
     * and name it in the status bar as {@code label}.
     *
     * @param framesLeftOut frames of the finding the filter does not show (0 when it shows all)
     */
    public record Jump(String filter, int frame, String label, int framesLeftOut) {}

    private final ObservableList<FindingGroup> groups = FXCollections.observableArrayList();
    private final ObservableList<FindingGroup> readOnly = FXCollections.unmodifiableObservableList(groups);
    private final ReadOnlyStringWrapper firewall = new ReadOnlyStringWrapper("");

    /** Most severe first, then by first frame (the reports' order). */
    public ObservableList<FindingGroup> groups() { return readOnly; }

    public ReadOnlyStringProperty firewallProperty() { return firewall.getReadOnlyProperty(); }

    public void show(LoadedCapture c) {
        if (c == null) {
            groups.clear();
            firewall.set("");
            return;
        }
        groups.setAll(c.findingGroups());
        firewall.set(c.firewallText());
    }

    /** Single findings of one severity. */
    public int count(Severity s) {
        return groups.stream().filter(g -> g.severity() == s).mapToInt(g -> g.findings().size()).sum();
    }

    /** Groups of one severity. */
    public int groupCount(Severity s) { return (int) groups.stream().filter(g -> g.severity() == s).count(); }

    /** A group's heading: its kind and its count of events (failed logins, setups, …). */
    public static String title(FindingGroup g) { return g.kind().title() + " (" + g.count() + ")"; }

    /** Double-click on a group: all its frames. */
    public static Jump jump(FindingGroup g) {
        return jump(g.frames(), g.framesNotListed(), "\"" + g.kind().title() + "\" ×" + g.count());
    }

    /** Double-click on one finding: its frame and the further frames it names. */
    public static Jump jump(Finding f) {
        TreeSet<Integer> frames = new TreeSet<>();
        if (f.frame() > 0) frames.add(f.frame());
        for (int x : f.frames()) if (x > 0) frames.add(x);
        return jump(new ArrayList<>(frames), 0, "\"" + f.kind().title() + "\", frame " + f.frame());
    }

    /** {@code frames} ascending and distinct. */
    private static Jump jump(List<Integer> frames, int notListed, String label) {
        if (frames.isEmpty()) return new Jump("", 0, label, notListed);
        StringBuilder filter = new StringBuilder("frame.number in {");
        int ranges = 0, i = 0, shown = 0;
        while (i < frames.size() && ranges < MAX_FILTER_RANGES) {
            int lo = frames.get(i), hi = lo;
            i++;
            while (i < frames.size() && frames.get(i) == hi + 1) hi = frames.get(i++);
            if (ranges++ > 0) filter.append(", ");
            filter.append(lo == hi ? Integer.toString(lo) : lo + ".." + hi);
            shown += hi - lo + 1;
        }
        filter.append('}');
        return new Jump(filter.toString(), frames.get(0), label, frames.size() - shown + notListed);
    }
}

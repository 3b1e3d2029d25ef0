package org.ftpscope.ui.model;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * File ▸ Open Recent: the last captures opened, newest first, as normalised absolute paths (so
 * {@code samples/../samples/x.pcap} and {@code x.pcap} are one entry), kept in a preferences
 * node that tests replace with one of their own.
 */
public final class RecentFiles {
    public static final int MAX_RECENT = 10;
    private final Preferences node;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ObservableList<Path> readOnly = FXCollections.unmodifiableObservableList(files);

    public RecentFiles(Preferences node) {
        this.node = node;
        files.setAll(load());
    }

    /** The node these are kept in (the app's, or a test's): other settings of the app live beside them. */
    Preferences node() { return node; }

    /** The node the app keeps them in. */
    public static Preferences userNode() { return Preferences.userRoot().node("org/ftpscope/ui"); }

    public ObservableList<Path> files() { return readOnly; }

    public static Path normalise(Path p) { return p.toAbsolutePath().normalize(); }

    public void remember(Path p) {
        Path n = normalise(p);
        List<Path> r = new ArrayList<>(files);
        r.remove(n);
        r.add(0, n);
        if (r.size() > MAX_RECENT) r = r.subList(0, MAX_RECENT);
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < r.size()) node.put("recent." + i, r.get(i).toString());
            else node.remove("recent." + i);
        }
        files.setAll(r);
    }

    private List<Path> load() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String s = node.get("recent." + i, null);
            if (s == null) continue;
            Path p = normalise(Path.of(s));
            if (Files.isRegularFile(p) && !out.contains(p)) out.add(p);
        }
        return out;
    }
}

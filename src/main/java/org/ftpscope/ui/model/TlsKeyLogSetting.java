package org.ftpscope.ui.model;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.ftpscope.tls.KeyLog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.prefs.Preferences;

/**
 * Wireshark's {@code tls.keylog_file} (Edit ▸ Preferences ▸ Protocols ▸ TLS ▸ (Pre)-Master-Secret log
 * filename): the NSS key log the app decrypts FTPS with, kept in the app's preferences node (tests
 * give theirs). The file is read each time a capture is analysed, so a key log that grew since
 * (a client still writing SSLKEYLOGFILE) is read whole.
 */
public final class TlsKeyLogSetting {
    /** The preference's key, named after Wireshark's. */
    static final String KEY = "tls.keylog_file";

    private final Preferences node;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();

    public TlsKeyLogSetting(Preferences node) {
        this.node = node;
        String s = node.get(KEY, null);
        file.set(s == null || s.isBlank() ? null : RecentFiles.normalise(Path.of(s)));
    }

    /** The key log file, or null when none is set. */
    public ReadOnlyObjectProperty<Path> fileProperty() { return file.getReadOnlyProperty(); }

    public Path file() { return file.get(); }

    /** Sets the key log (null: none), remembered for the next start. */
    public void set(Path p) {
        Path n = p == null ? null : RecentFiles.normalise(p);
        if (n == null) node.remove(KEY);
        else node.put(KEY, n.toString());
        file.set(n);
    }

    /** What reading the key log gave: the keys, or why there are none. */
    public record Loaded(KeyLog keyLog, String problem) {}

    /** Reads the key log now ({@link KeyLog#none()} when none is set, or when it cannot be read: {@code problem} says why). */
    public Loaded read() {
        Path p = file.get();
        if (p == null) return new Loaded(KeyLog.none(), null);
        try {
            return new Loaded(KeyLog.read(p), null);
        } catch (IOException | RuntimeException e) {
            return new Loaded(KeyLog.none(), "TLS key log " + p + " could not be read (" + e.getMessage()
                    + "): FTPS is shown encrypted");
        }
    }
}

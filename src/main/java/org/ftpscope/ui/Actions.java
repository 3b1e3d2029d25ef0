package org.ftpscope.ui;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCombination;

import java.util.EnumMap;
import java.util.Map;

/**
 * Every command of the window, declared once: label, shortcut (Wireshark's where it has one),
 * toolbar icon. Menus, the toolbar and context menus are made from here, so a command is the
 * same everywhere and is enabled in one place.
 */
final class Actions {
    enum Id {
        OPEN("Open…", "Shortcut+O", "open", "Open a capture"),
        CLOSE("Close", "Shortcut+W", null, null),
        EXPORT_REPORT("Export Session Report…", "Shortcut+E", "report", "Export a session report"),
        EXPORT_OBJECTS("FTP-DATA…", null, "objects", "Export objects: FTP-DATA"),
        EXPORT_LADDER("Export Ladder Diagram as PNG…", null, null, null),
        QUIT("Quit", "Shortcut+Q", null, null),
        FIND_PACKET("Find Packet…", "Shortcut+F", null, null),
        TLS_KEYLOG("TLS Key Log File…", null, null, "Decrypt FTPS with an NSS key log (Wireshark's tls.keylog_file)"),
        TLS_KEYLOG_CLEAR("No TLS Key Log", null, null, null),
        GO_TO_FRAME("Go to Packet…", "Shortcut+G", "goto", "Go to a packet"),
        NEXT_PACKET("Next Packet", "Shortcut+Period", null, null),
        PREVIOUS_PACKET("Previous Packet", "Shortcut+Comma", null, null),
        FIRST_PACKET("First Packet", "Shortcut+Home", null, null),
        LAST_PACKET("Last Packet", "Shortcut+End", null, null),
        FOCUS_FILTER("Display Filter", "Shortcut+Slash", null, null),
        VIEW_FRAMES("Frames", "Shortcut+1", null, null),
        VIEW_SESSIONS("FTP Sessions", "Shortcut+2", "sessions", "FTP sessions"),
        VIEW_FINDINGS("Findings", "Shortcut+3", "findings", "Findings and firewall summary"),
        FOLLOW_TCP("TCP Stream", "Shortcut+Alt+Shift+T", "follow", "Follow the selected packet's TCP stream"),
        SHOW_SESSION("Show FTP Session", null, null, null),
        ABOUT("About ftpscope", null, null, null);

        final String label;
        final String accelerator;
        final String icon;
        final String tooltip;

        Id(String label, String accelerator, String icon, String tooltip) {
            this.label = label;
            this.accelerator = accelerator;
            this.icon = icon;
            this.tooltip = tooltip;
        }
    }

    private record Entry(Runnable run, ObservableBooleanValue enabled) {}

    private final Map<Id, Entry> entries = new EnumMap<>(Id.class);

    void register(Id id, Runnable run) { register(id, run, null); }

    /** {@code enabled} null: always enabled. */
    void register(Id id, Runnable run, ObservableBooleanValue enabled) { entries.put(id, new Entry(run, enabled)); }

    void run(Id id) {
        Entry e = entries.get(id);
        if (e != null && (e.enabled() == null || e.enabled().get())) e.run().run();
    }

    /** A menu item with the shortcut. */
    MenuItem menuItem(Id id) {
        MenuItem m = contextItem(id);
        if (id.accelerator != null) m.setAccelerator(KeyCombination.keyCombination(id.accelerator));
        return m;
    }

    /** A menu item without the shortcut (the window's menu has it), for context menus. */
    MenuItem contextItem(Id id) {
        MenuItem m = new MenuItem(id.label);
        m.setId("action-" + id.name());
        m.setOnAction(e -> run(id));
        Entry e = entries.get(id);
        if (e != null && e.enabled() != null) m.disableProperty().bind(javafx.beans.binding.Bindings.not(e.enabled()));
        return m;
    }

    Button toolButton(Id id) {
        Button b = new Button();
        ImageView iv = id.icon == null ? null : Icons.toolbar(id.icon);
        String tip = (id.tooltip == null ? id.label : id.tooltip)
                + (id.accelerator == null ? "" : " (" + KeyCombination.keyCombination(id.accelerator).getDisplayText() + ")");
        if (iv != null) b.setGraphic(iv);
        else b.setText(id.label);
        b.setId("tool-" + id.name());
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        b.setFocusTraversable(false);
        b.setOnAction(e -> run(id));
        Entry e = entries.get(id);
        if (e != null && e.enabled() != null) b.disableProperty().bind(javafx.beans.binding.Bindings.not(e.enabled()));
        return b;
    }
}

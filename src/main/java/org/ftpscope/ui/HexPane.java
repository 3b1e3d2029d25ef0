package org.ftpscope.ui;

import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.function.IntConsumer;

/**
 * Wireshark's bytes pane: offset, 16 hex bytes, ASCII. Selecting a tree node highlights its
 * bytes here; clicking a byte reports its offset so the tree can select the node covering it.
 */
final class HexPane extends ScrollPane {
    private final TextFlow flow = new TextFlow();
    private Text[] hex = new Text[0];
    private Text[] ascii = new Text[0];
    private IntConsumer onByteClicked = b -> { };
    private int selStart = -1, selLength;

    HexPane() {
        setContent(flow);
        setFitToWidth(true);
        flow.getStyleClass().add("hex-pane");
        getStyleClass().add("hex-scroll");
    }

    void setOnByteClicked(IntConsumer c) { this.onByteClicked = c; }

    void show(byte[] bytes) {
        flow.getChildren().clear();
        selStart = -1;
        if (bytes == null) {
            hex = new Text[0];
            ascii = new Text[0];
            return;
        }
        hex = new Text[bytes.length];
        ascii = new Text[bytes.length];
        for (int line = 0; line < bytes.length; line += 16) {
            flow.getChildren().add(text(String.format("%04x  ", line), "hex-offset"));
            for (int i = 0; i < 16; i++) {
                int b = line + i;
                if (b < bytes.length) {
                    Text t = text(String.format("%02x", bytes[b] & 0xFF), "hex-byte");
                    int at = b;
                    t.setOnMouseClicked(e -> onByteClicked.accept(at));
                    hex[b] = t;
                    flow.getChildren().add(t);
                } else {
                    flow.getChildren().add(text("  ", "hex-byte"));
                }
                flow.getChildren().add(text(i == 7 ? "  " : " ", "hex-space"));
            }
            flow.getChildren().add(text(" ", "hex-space"));
            for (int i = 0; i < 16 && line + i < bytes.length; i++) {
                int b = line + i;
                int c = bytes[b] & 0xFF;
                Text t = text(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : ".", "hex-ascii");
                t.setOnMouseClicked(e -> onByteClicked.accept(b));
                ascii[b] = t;
                flow.getChildren().add(t);
            }
            flow.getChildren().add(text("\n", "hex-space"));
        }
    }

    /** Highlights {@code length} bytes from {@code start}; a negative start clears the highlight. */
    void highlight(int start, int length) {
        mark(selStart, selLength, false);
        selStart = start;
        selLength = length;
        mark(start, length, true);
    }

    int highlightStart() { return selStart; }

    int highlightLength() { return selLength; }

    boolean isHighlighted(int offset) {
        return offset >= 0 && offset < hex.length && hex[offset].getStyleClass().contains("hex-selected");
    }

    private void mark(int start, int length, boolean on) {
        if (start < 0) return;
        for (int i = start; i < Math.min(hex.length, start + length); i++) {
            for (Text t : new Text[] {hex[i], ascii[i]}) {
                if (on) t.getStyleClass().add("hex-selected");
                else t.getStyleClass().remove("hex-selected");
            }
        }
    }

    private static final javafx.scene.text.Font MONO = javafx.scene.text.Font.font("Monospaced", 13);

    private static Text text(String s, String style) {
        Text t = new Text(s);
        t.setFont(MONO);
        t.getStyleClass().add(style);
        return t;
    }
}

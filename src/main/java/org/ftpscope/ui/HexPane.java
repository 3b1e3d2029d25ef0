package org.ftpscope.ui;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Path;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.function.IntConsumer;

/**
 * Wireshark's bytes pane: offset, 16 hex bytes, ASCII. Selecting a tree node highlights its
 * bytes here; clicking a byte reports its offset so the tree can select the node covering it.
 * <p>
 * Three multi-line texts (offsets, hex, ASCII) whatever the frame's size, not a node per byte,
 * which would stall the FX thread on every selected row. The highlight is each text's own
 * selection, drawn on a path behind it.
 */
final class HexPane extends ScrollPane {
    /** Characters per hex line: 16 bytes of "xx " with one more space after the 8th, and '\n'. */
    private static final int HEX_LINE = 16 * 3 + 1;
    /** Characters per ASCII line: 16 and '\n'. */
    private static final int ASCII_LINE = 17;
    private static final Font MONO = Font.font("Monospaced", 13);

    private final Text offsets = text("hex-offset");
    private final Text hex = text("hex-bytes");
    private final Text ascii = text("hex-ascii");
    private IntConsumer onByteClicked = b -> { };
    private int length;
    private int selStart = -1, selLength;

    HexPane() {
        HBox columns = new HBox(16, offsets, marked(hex), marked(ascii));
        columns.getStyleClass().add("hex-pane");
        setContent(columns);
        setFitToWidth(true);
        getStyleClass().add("hex-scroll");
        hex.setOnMouseClicked(e -> clicked(byteAtHexChar(hex.hitTest(new Point2D(e.getX(), e.getY())).getCharIndex())));
        ascii.setOnMouseClicked(e -> clicked(byteAtAsciiChar(ascii.hitTest(new Point2D(e.getX(), e.getY())).getCharIndex())));
    }

    void setOnByteClicked(IntConsumer c) { this.onByteClicked = c; }

    void show(byte[] bytes) {
        selStart = -1;
        select(hex, -1, -1);
        select(ascii, -1, -1);
        length = bytes == null ? 0 : bytes.length;
        StringBuilder o = new StringBuilder(), h = new StringBuilder(), a = new StringBuilder();
        for (int line = 0; line < length; line += 16) {
            if (line > 0) {
                o.append('\n');
                h.append('\n');
                a.append('\n');
            }
            o.append(String.format("%04x", line));
            for (int i = 0; i < 16 && line + i < length; i++) {
                int b = bytes[line + i] & 0xFF;
                if (i > 0) h.append(i == 8 ? "  " : " ");
                h.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 15, 16));
                a.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
            }
        }
        offsets.setText(o.toString());
        hex.setText(h.toString());
        ascii.setText(a.toString());
    }

    /** Highlights {@code length} bytes from {@code start}; a negative start clears the highlight. */
    void highlight(int start, int len) {
        int end = Math.min(length, start + len);
        if (start < 0 || start >= end) {
            selStart = -1;
            selLength = 0;
            select(hex, -1, -1);
            select(ascii, -1, -1);
            return;
        }
        selStart = start;
        selLength = len;
        select(hex, hexChar(start), hexChar(end - 1) + 2);
        select(ascii, asciiChar(start), asciiChar(end - 1) + 1);
    }

    int highlightStart() { return selStart; }

    int highlightLength() { return selLength; }

    /** Whether the byte at {@code offset} is drawn highlighted, in the hex and in the ASCII column. */
    boolean isHighlighted(int offset) {
        if (offset < 0 || offset >= length) return false;
        int h = hexChar(offset), a = asciiChar(offset);
        return h >= hex.getSelectionStart() && h + 2 <= hex.getSelectionEnd()
                && a >= ascii.getSelectionStart() && a + 1 <= ascii.getSelectionEnd();
    }

    /** The centre of the byte at {@code offset} in the hex column, in screen coordinates (for tests). */
    Point2D byteOnScreen(int offset) {
        javafx.scene.shape.PathElement[] shape = hex.rangeShape(hexChar(offset), hexChar(offset) + 2);
        Bounds b = new Path(shape).getBoundsInLocal();
        return hex.localToScreen(b.getCenterX(), b.getCenterY());
    }

    private void clicked(int offset) {
        if (offset >= 0 && offset < length) onByteClicked.accept(offset);
    }

    private static int hexChar(int offset) {
        int col = offset % 16;
        return offset / 16 * HEX_LINE + col * 3 + (col >= 8 ? 1 : 0);
    }

    private static int asciiChar(int offset) { return offset / 16 * ASCII_LINE + offset % 16; }

    private static int byteAtHexChar(int c) {
        int inLine = c % HEX_LINE;
        int col = Math.min(15, inLine < 24 ? inLine / 3 : (inLine - 1) / 3);
        return c / HEX_LINE * 16 + col;
    }

    private static int byteAtAsciiChar(int c) { return c / ASCII_LINE * 16 + Math.min(15, c % ASCII_LINE); }

    private static void select(Text t, int start, int end) {
        t.setSelectionStart(start);
        t.setSelectionEnd(end);
    }

    /** The text over a path that fills its selection. */
    private static Group marked(Text t) {
        Path mark = new Path();
        mark.getStyleClass().add("hex-mark");
        mark.setStroke(null);
        t.selectionShapeProperty().addListener((o, old, shape) -> mark.getElements().setAll(shape == null
                ? new javafx.scene.shape.PathElement[0] : shape));
        t.setSelectionFill(Color.WHITE);
        return new Group(mark, t);
    }

    private static Text text(String style) {
        Text t = new Text();
        t.setFont(MONO);
        t.getStyleClass().add(style);
        return t;
    }
}

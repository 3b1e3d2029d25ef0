package org.ftpscope.ui;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.ftpscope.present.SessionLadder;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link SessionLadder}: one lifeline per endpoint (client and server control ports,
 * data ports, advertised and third hosts, marked), one arrow a row in frame order, data
 * connections dashed in their own colour, failures red; the lifelines' notes are listed below.
 */
final class LadderCanvas extends Canvas {
    static final double ROW = 26, TOP = 74, LEFT = 90, LANE = 190, MIN_WIDTH = 980, NOTE_ROW = 18;
    private SessionLadder model;
    private List<String> notes = List.of();
    private int drawnArrows;

    LadderCanvas() { super(MIN_WIDTH, 200); }

    void show(SessionLadder m) {
        this.model = m;
        int lanes = m == null ? 2 : m.lifelines().size();
        setWidth(Math.max(MIN_WIDTH, LEFT + lanes * LANE));
        notes = wrapNotes(); // measured once: the height depends on them and draw() draws them
        setHeight(TOP + Math.max(1, m == null ? 0 : m.arrows().size()) * ROW + 30 + notes.size() * NOTE_ROW);
        draw();
    }

    /** Arrows drawn in the last paint (what a test counts). */
    int drawnArrows() { return drawnArrows; }

    SessionLadder model() { return model; }

    /** The centre of a lifeline. */
    double x(int lifeline) { return LEFT + LANE / 2 + lifeline * LANE; }

    /** The arrow at a y position, or null. */
    SessionLadder.Arrow arrowAt(double y) {
        if (model == null) return null;
        int i = (int) Math.floor((y - TOP) / ROW);
        return y >= TOP && i < model.arrows().size() ? model.arrows().get(i) : null;
    }

    /** The notes' font (the arrows' labels' too). */
    private static final Font NOTE_FONT = Font.font("System", 11.5);

    /** The notes as drawn, wrapped to the canvas. */
    List<String> notes() { return notes; }

    /** The lifelines' notes wrapped to the canvas's width: measured in their font, not estimated per character. */
    private List<String> wrapNotes() {
        List<String> out = new ArrayList<>();
        if (model == null) return out;
        double width = getWidth() - 24;
        Text measure = new Text();
        measure.setFont(NOTE_FONT);
        for (SessionLadder.Lifeline l : model.lifelines()) {
            if (l.note().isEmpty()) continue;
            // Each note is one sentence about one lifeline, often longer than the diagram is wide.
            String line = "⚠";
            for (String word : l.note().split(" ")) {
                String longer = line + " " + word;
                measure.setText(longer);
                if (measure.getLayoutBounds().getWidth() > width && !line.isBlank() && !line.equals("⚠")) {
                    out.add(line);
                    line = "    " + word;
                } else {
                    line = longer;
                }
            }
            out.add(line);
        }
        return out;
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, getWidth(), getHeight());
        drawnArrows = 0;
        if (model == null) return;
        double bottom = TOP + Math.max(1, model.arrows().size()) * ROW + 10;
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < model.lifelines().size(); i++) {
            SessionLadder.Lifeline l = model.lifelines().get(i);
            double x = x(i);
            boolean marked = !l.mark().isEmpty();
            g.setFont(Font.font("System", 11));
            g.setFill(Color.web("#6b7280"));
            g.fillText(l.role().title(), x, 14);
            g.setFont(Font.font("System", FontWeight.BOLD, 12.5));
            g.setFill(Color.web("#1f2937"));
            g.fillText(l.label(), x, 32);
            if (marked) {
                g.setFont(Font.font("System", FontWeight.BOLD, 11.5));
                g.setFill(Color.web("#b91c1c"));
                g.fillText("⚠ " + l.mark(), x, 50);
            }
            boolean control = l.role() == SessionLadder.Role.CLIENT_CONTROL || l.role() == SessionLadder.Role.SERVER_CONTROL;
            g.setStroke(marked ? Color.web("#f87171") : control ? Color.web("#6b7280") : Color.web("#c4b5fd"));
            g.setLineWidth(control ? 2.5 : 1.5);
            if (control) g.setLineDashes();
            else g.setLineDashes(4, 4);
            g.strokeLine(x, 60, x, bottom);
        }
        g.setLineDashes();
        g.setFont(NOTE_FONT);
        for (int i = 0; i < model.arrows().size(); i++) {
            SessionLadder.Arrow a = model.arrows().get(i);
            double y = TOP + i * ROW + ROW / 2;
            Color c = switch (a.kind()) {
                case COMMAND -> Color.web("#1d4ed8");
                case REPLY -> Color.web("#047857");
                case DATA_CONNECT -> Color.web("#b45309");
                case DATA_FLOW -> Color.web("#7c3aed");
            };
            if (a.failed()) c = Color.web("#dc2626");
            g.setStroke(c);
            g.setFill(c);
            g.setLineWidth(a.kind() == SessionLadder.Kind.DATA_FLOW ? 3 : 1.5);
            if (a.kind() == SessionLadder.Kind.DATA_CONNECT || a.kind() == SessionLadder.Kind.DATA_FLOW) g.setLineDashes(6, 4);
            else g.setLineDashes();
            double from = x(a.from()), to = x(a.to());
            g.strokeLine(from, y, to, y);
            double dir = Math.signum(to - from);
            g.fillPolygon(new double[] {to, to - dir * 9, to - dir * 9}, new double[] {y, y - 4.5, y + 4.5}, 3);
            g.setLineDashes();
            g.setFill(Color.web("#111827"));
            double room = Math.abs(to - from) + LANE - 20;
            int chars = Math.max(12, (int) (room / 6.2));
            String label = a.label().length() > chars ? a.label().substring(0, chars - 1) + "…" : a.label();
            g.fillText(label, (from + to) / 2, y - 7);
            g.setFill(Color.web("#6b7280"));
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText("frame " + a.frame(), LEFT - 8, y);
            g.setTextAlign(TextAlignment.CENTER);
            drawnArrows++;
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(Color.web("#374151"));
        double y = bottom + 14;
        for (String n : notes) {
            g.fillText(n, 12, y);
            y += NOTE_ROW;
        }
        g.setTextAlign(TextAlignment.CENTER);
    }
}

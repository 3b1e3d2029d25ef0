package org.ftpscope.ui;

import org.ftpscope.present.LadderModel;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** Draws a {@link LadderModel}: two lifelines, one arrow a row, data connections in their own colours. */
final class LadderCanvas extends Canvas {
    static final double ROW = 26, TOP = 56, LEFT = 190, RIGHT_MARGIN = 190, WIDTH = 980;
    private LadderModel model;
    private int drawnArrows;

    LadderCanvas() { super(WIDTH, 200); }

    void show(LadderModel m) {
        this.model = m;
        setHeight(TOP + Math.max(1, m == null ? 0 : m.arrows().size()) * ROW + 30);
        draw();
    }

    /** Arrows drawn in the last paint (what a test counts). */
    int drawnArrows() { return drawnArrows; }

    LadderModel model() { return model; }

    /** The arrow at a y position, or null. */
    LadderModel.Arrow arrowAt(double y) {
        if (model == null) return null;
        int i = (int) ((y - TOP) / ROW);
        return i >= 0 && i < model.arrows().size() ? model.arrows().get(i) : null;
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, getWidth(), getHeight());
        if (model == null) {
            drawnArrows = 0;
            return;
        }
        double xc = LEFT, xs = getWidth() - RIGHT_MARGIN;
        g.setFont(Font.font("System", 13));
        g.setFill(Color.web("#1f2937"));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(model.clientLabel(), xc, 20);
        g.fillText(model.serverLabel(), xs, 20);
        g.setStroke(Color.web("#9ca3af"));
        g.setLineWidth(2);
        g.strokeLine(xc, 34, xc, getHeight() - 10);
        g.strokeLine(xs, 34, xs, getHeight() - 10);
        drawnArrows = 0;
        g.setFont(Font.font("System", 11.5));
        for (int i = 0; i < model.arrows().size(); i++) {
            LadderModel.Arrow a = model.arrows().get(i);
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
            g.setLineWidth(a.kind() == LadderModel.Kind.DATA_FLOW ? 3 : 1.5);
            if (a.kind() == LadderModel.Kind.DATA_CONNECT || a.kind() == LadderModel.Kind.DATA_FLOW) g.setLineDashes(6, 4);
            else g.setLineDashes();
            double from = a.fromClient() ? xc : xs, to = a.fromClient() ? xs : xc;
            g.strokeLine(from, y, to, y);
            double dir = Math.signum(to - from);
            g.fillPolygon(new double[] {to, to - dir * 9, to - dir * 9}, new double[] {y, y - 4.5, y + 4.5}, 3);
            g.setLineDashes();
            g.setFill(Color.web("#111827"));
            String label = a.label().length() > 90 ? a.label().substring(0, 89) + "…" : a.label();
            g.fillText(label, (xc + xs) / 2, y - 7);
            g.setFill(Color.web("#6b7280"));
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText("frame " + a.frame(), xc - 12, y);
            g.setTextAlign(TextAlignment.CENTER);
            drawnArrows++;
        }
    }
}

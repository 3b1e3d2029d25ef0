package org.ftpscope.report;

import org.ftpscope.present.SessionLadder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link SessionLadder} as inline SVG, for reports: the app's diagram (one lifeline per
 * endpoint, marks, one arrow a row in frame order, the lifelines' notes below), with no scripts
 * and no external references.
 */
public final class LadderSvg {
    /** The app's geometry (LadderCanvas), so the two diagrams look alike. */
    static final int ROW = 26, TOP = 74, LEFT = 90, LANE = 190, MIN_WIDTH = 980, NOTE_ROW = 18;
    /** Characters of a note line before it wraps. */
    static final int NOTE_CHARS = 150;

    private LadderSvg() {}

    /** The centre of a lifeline. */
    static int x(int lifeline) { return LEFT + LANE / 2 + lifeline * LANE; }

    public static String render(SessionLadder m) {
        int width = Math.max(MIN_WIDTH, LEFT + m.lifelines().size() * LANE);
        int bottom = TOP + Math.max(1, m.arrows().size()) * ROW + 10;
        List<String> notes = notes(m);
        int height = bottom + 20 + notes.size() * NOTE_ROW;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ladder\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"ladder diagram\">%n", width, height, width, height));
        sb.append("<defs><marker id=\"ah\" markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"8\" refX=\"9\" refY=\"4\" orient=\"auto\">"
                + "<path d=\"M0,0 L10,4 L0,8 z\" fill=\"#374151\"/></marker></defs>\n");
        for (int i = 0; i < m.lifelines().size(); i++) {
            SessionLadder.Lifeline l = m.lifelines().get(i);
            int x = x(i);
            boolean control = l.role() == SessionLadder.Role.CLIENT_CONTROL || l.role() == SessionLadder.Role.SERVER_CONTROL;
            sb.append(text(x, 14, "middle", "role", l.role().title()));
            sb.append(text(x, 32, "middle", "lane", l.label()));
            if (!l.mark().isEmpty()) sb.append(text(x, 50, "middle", "mark", "⚠ " + l.mark()));
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"60\" x2=\"%d\" y2=\"%d\" class=\"life%s\"/>%n", x, x, bottom,
                    control ? " control" : !l.mark().isEmpty() ? " marked" : ""));
        }
        int i = 0;
        for (SessionLadder.Arrow a : m.arrows()) {
            int y = TOP + i++ * ROW + ROW / 2;
            int from = x(a.from()), to = x(a.to());
            int end = to == from ? to : to - Integer.signum(to - from) * 4;
            String cls = "a-" + a.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + (a.failed() ? " failed" : "");
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"arrow %s\" marker-end=\"url(#ah)\"/>%n",
                    from, y, end, y, cls));
            int chars = Math.max(12, (Math.abs(to - from) + LANE - 20) * 10 / 62);
            String label = a.label().length() > chars ? a.label().substring(0, chars - 1) + "…" : a.label();
            sb.append(text((from + to) / 2, y - 7, "middle", "label", label));
            sb.append(text(LEFT - 8, y + 4, "end", "frame", "frame " + a.frame()));
        }
        int y = bottom + 14;
        for (String n : notes) {
            sb.append(text(12, y, "start", "note", n));
            y += NOTE_ROW;
        }
        return sb.append("</svg>\n").toString();
    }

    /** The lifelines' notes, word-wrapped as the app wraps them. */
    static List<String> notes(SessionLadder m) {
        List<String> out = new ArrayList<>();
        for (SessionLadder.Lifeline l : m.lifelines()) {
            if (l.note().isEmpty()) continue;
            StringBuilder line = new StringBuilder("⚠ ");
            for (String word : l.note().split(" ")) {
                if (line.length() + word.length() + 1 > NOTE_CHARS && line.length() > 2) {
                    out.add(line.toString().stripTrailing());
                    line = new StringBuilder("   ");
                }
                line.append(word).append(' ');
            }
            out.add(line.toString().stripTrailing());
        }
        return out;
    }

    private static String text(int x, int y, String anchor, String cls, String s) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" class=\"%s\">%s</text>%n", x, y, anchor, cls,
                Escape.html(s));
    }
}

package org.ftpscope.report;

import org.ftpscope.present.LadderModel;

import java.util.Locale;

/** A {@link LadderModel} as inline SVG, for reports: no scripts, no external references. */
public final class LadderSvg {
    private LadderSvg() {}

    public static String render(LadderModel m) {
        int row = 24, top = 50, width = 900, xc = 170, xs = width - 170;
        int height = top + Math.max(1, m.arrows().size()) * row + 20;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ladder\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"ladder diagram\">%n", width, height, width, height));
        sb.append("<defs><marker id=\"ah\" markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"8\" refX=\"9\" refY=\"4\" orient=\"auto\">"
                + "<path d=\"M0,0 L10,4 L0,8 z\" fill=\"#374151\"/></marker></defs>\n");
        sb.append(text(xc, 20, "middle", "lane", m.clientLabel()));
        sb.append(text(xs, 20, "middle", "lane", m.serverLabel()));
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"30\" x2=\"%d\" y2=\"%d\" class=\"life\"/>%n", xc, xc, height - 5));
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"30\" x2=\"%d\" y2=\"%d\" class=\"life\"/>%n", xs, xs, height - 5));
        int i = 0;
        for (LadderModel.Arrow a : m.arrows()) {
            int y = top + i++ * row + row / 2;
            int from = a.fromClient() ? xc : xs, to = a.fromClient() ? xs - 4 : xc + 4;
            String cls = "a-" + a.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + (a.failed() ? " failed" : "");
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"arrow %s\" marker-end=\"url(#ah)\"/>%n",
                    from, y, to, y, cls));
            String label = a.label().length() > 95 ? a.label().substring(0, 94) + "…" : a.label();
            sb.append(text((xc + xs) / 2, y - 5, "middle", "label", label));
            sb.append(text(xc - 10, y + 4, "end", "frame", "frame " + a.frame()));
        }
        return sb.append("</svg>\n").toString();
    }

    private static String text(int x, int y, String anchor, String cls, String s) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" class=\"%s\">%s</text>%n", x, y, anchor, cls,
                Escape.html(s));
    }
}

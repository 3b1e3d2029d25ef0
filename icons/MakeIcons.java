import javax.imageio.ImageIO;
import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import java.io.File;

/**
 * Draws ftpscope's application icon: two channels (control and data) as arrows crossing a
 * lens. Run: java icons/MakeIcons.java icons
 */
public class MakeIcons {
    public static void main(String[] a) throws Exception {
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(size / 256.0, size / 256.0);
            g.setColor(new Color(0x1e3a8a));
            g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));
            // control channel (top) and data channel (bottom, dashed), opposite directions
            g.setStroke(new BasicStroke(18, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(new Color(0x7dd3fc));
            g.draw(new Line2D.Double(44, 84, 196, 84));
            g.fill(new Polygon(new int[] {212, 180, 180}, new int[] {84, 60, 108}, 3));
            g.setColor(new Color(0xc4b5fd));
            g.setStroke(new BasicStroke(18, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10, new float[] {26, 22}, 0));
            g.draw(new Line2D.Double(212, 140, 70, 140));
            g.setStroke(new BasicStroke(18, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.fill(new Polygon(new int[] {44, 76, 76}, new int[] {140, 116, 164}, 3));
            // lens
            g.setColor(new Color(0xfbbf24));
            g.setStroke(new BasicStroke(16));
            g.draw(new Ellipse2D.Double(96, 62, 92, 92));
            g.setStroke(new BasicStroke(24, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(176, 146, 214, 204));
            g.dispose();
            ImageIO.write(img, "png", new File(a[0], "ftpscope-" + size + ".png"));
        }
        for (String name : new String[] {"open", "goto", "sessions", "findings", "report", "objects", "follow"}) {
            BufferedImage img = new BufferedImage(24, 24, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            toolbar(g, name);
            g.dispose();
            ImageIO.write(img, "png", new File(a[0], "tb-" + name + ".png"));
        }
    }

    /** Toolbar icons, 24 px, in the app icon's palette: navy outlines, one accent colour each. */
    static void toolbar(Graphics2D g, String name) {
        Color navy = new Color(0x1e3a8a), amber = new Color(0xf59e0b), sky = new Color(0x0ea5e9), violet = new Color(0x7c3aed);
        switch (name) {
            case "open" -> {
                g.setColor(amber);
                g.fill(new Polygon(new int[] {2, 9, 11, 22, 22, 2}, new int[] {5, 5, 7, 7, 20, 20}, 6));
                g.setColor(navy);
                g.draw(new Polygon(new int[] {2, 9, 11, 22, 22, 2}, new int[] {5, 5, 7, 7, 20, 20}, 6));
            }
            case "goto" -> {
                g.setColor(navy);
                for (int y = 5; y <= 19; y += 7) g.drawLine(12, y, 21, y);
                g.setColor(sky);
                g.drawLine(2, 12, 9, 12);
                g.fill(new Polygon(new int[] {10, 5, 5}, new int[] {12, 7, 17}, 3));
            }
            case "sessions" -> {
                g.setColor(navy);
                g.drawLine(5, 3, 5, 21);
                g.drawLine(19, 3, 19, 21);
                g.setColor(sky);
                g.drawLine(5, 8, 17, 8);
                g.fill(new Polygon(new int[] {19, 15, 15}, new int[] {8, 5, 11}, 3));
                g.setColor(violet);
                g.drawLine(19, 15, 7, 15);
                g.fill(new Polygon(new int[] {5, 9, 9}, new int[] {15, 12, 18}, 3));
            }
            case "findings" -> {
                g.setColor(amber);
                g.fill(new Polygon(new int[] {12, 22, 2}, new int[] {3, 21, 21}, 3));
                g.setColor(navy);
                g.draw(new Polygon(new int[] {12, 22, 2}, new int[] {3, 21, 21}, 3));
                g.drawLine(12, 9, 12, 14);
                g.fillOval(11, 16, 3, 3);
            }
            case "report" -> {
                g.setColor(Color.WHITE);
                g.fillRect(5, 2, 14, 20);
                g.setColor(navy);
                g.drawRect(5, 2, 14, 20);
                g.setColor(sky);
                for (int y = 7; y <= 17; y += 5) g.drawLine(8, y, 16, y);
            }
            case "objects" -> {
                g.setColor(new Color(0xc4b5fd));
                g.fillRect(4, 10, 16, 11);
                g.setColor(navy);
                g.drawRect(4, 10, 16, 11);
                g.setColor(violet);
                g.drawLine(12, 2, 12, 13);
                g.fill(new Polygon(new int[] {12, 8, 16}, new int[] {16, 11, 11}, 3));
            }
            case "follow" -> {
                g.setColor(new Color(0xdc2626));
                g.drawLine(3, 8, 18, 8);
                g.fill(new Polygon(new int[] {21, 16, 16}, new int[] {8, 4, 12}, 3));
                g.setColor(new Color(0x1d4ed8));
                g.drawLine(21, 16, 6, 16);
                g.fill(new Polygon(new int[] {3, 8, 8}, new int[] {16, 12, 20}, 3));
            }
            default -> throw new IllegalArgumentException(name);
        }
    }
}

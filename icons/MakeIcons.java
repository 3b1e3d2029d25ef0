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
    }
}

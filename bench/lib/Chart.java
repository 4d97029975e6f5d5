import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Draws the bench table as a PNG with the JDK alone (headless AWT, run as a single-file program): one bar per judged
 * metric on its own scale, the whisker showing the spread of the runs, the target as a dashed line, green when met.
 * Usage: java Chart.java chart.tsv out.png
 */
public final class Chart {
    private static final int WIDTH = 1250;
    private static final int ROW = 44;
    private static final int LABEL = 420;
    private static final int BAR = 470;

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        String[] head = lines.getFirst().split("\t", -1);
        List<String[]> rows = lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t", -1)).toList();
        int height = 120 + ROW * rows.size() + 40;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString("Concierge bench — median of runs, whisker = min–max, dashed = target", 20, 34);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString("finished " + head[0] + "   load average at end " + (head.length > 2 ? head[2] : ""), 20, 58);
        String flags = "JVM flags: " + (head.length > 1 ? head[1] : "");
        int cut = flags.length() > 150 ? flags.lastIndexOf(' ', 150) : -1;
        g.drawString(cut > 0 ? flags.substring(0, cut) : flags, 20, 78);
        if (cut > 0) g.drawString(flags.substring(cut + 1), 20, 96);

        int y = 120;
        for (String[] r : rows) {
            draw(g, r, y);
            y += ROW;
        }
        g.dispose();
        ImageIO.write(image, "png", new File(args[1]));
    }

    private static void draw(Graphics2D g, String[] r, int y) {
        String label = r[0];
        String unit = r[1];
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.drawString(label + (unit.isEmpty() || unit.equals("skipped") ? "" : " (" + unit + ")"), 20, y + 20);
        if (unit.equals("skipped")) {
            g.setColor(Color.GRAY);
            g.drawString(r[7].length() > 95 ? r[7].substring(0, 94) + "…" : r[7], LABEL, y + 20);
            return;
        }
        if (r[2].isEmpty()) return;
        double median = Double.parseDouble(r[2]);
        double min = Double.parseDouble(r[3]);
        double max = Double.parseDouble(r[4]);
        String op = r[5];
        double target = r[6].isEmpty() ? Double.NaN : Double.parseDouble(r[6]);
        double scale = Math.max(max, Double.isNaN(target) ? 0 : target) * 1.15;
        if (scale <= 0) scale = 1;
        int x0 = LABEL;
        g.setColor(new Color(235, 235, 235));
        g.fillRect(x0, y + 6, BAR, 22);
        Color fill = r[7].equals("met") ? new Color(60, 160, 90) : r[7].equals("not met") ? new Color(205, 70, 60) : new Color(110, 140, 190);
        g.setColor(fill);
        g.fillRect(x0, y + 8, (int) Math.round(BAR * Math.max(0, median) / scale), 18);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2));
        int wx1 = x0 + (int) Math.round(BAR * Math.max(0, min) / scale);
        int wx2 = x0 + (int) Math.round(BAR * Math.max(0, max) / scale);
        g.drawLine(wx1, y + 17, wx2, y + 17);
        g.drawLine(wx1, y + 12, wx1, y + 22);
        g.drawLine(wx2, y + 12, wx2, y + 22);
        if (!Double.isNaN(target)) {
            int tx = x0 + (int) Math.round(BAR * target / scale);
            g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 4}, 0));
            g.setColor(new Color(40, 40, 40));
            g.drawLine(tx, y + 2, tx, y + 32);
        }
        g.setStroke(new BasicStroke(1));
        g.setColor(Color.BLACK);
        String value = fmt(median) + (unit.equals("ratio") ? "×" : "") + " [" + fmt(min) + "–" + fmt(max) + "]"
                + (Double.isNaN(target) ? "" : "  target " + (op.equals(">=") ? "≥ " : "≤ ") + fmt(target)) + (r[7].isEmpty() ? "" : "  " + r[7]);
        g.drawString(value, x0 + BAR + 12, y + 22);
    }

    private static String fmt(double x) {
        if (Math.abs(x) >= 100) return String.format(Locale.ROOT, "%.0f", x);
        if (Math.abs(x) >= 10) return String.format(Locale.ROOT, "%.1f", x);
        return String.format(Locale.ROOT, "%.2f", x);
    }
}

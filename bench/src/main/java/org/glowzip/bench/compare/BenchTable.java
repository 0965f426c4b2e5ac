package org.glowzip.bench.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Renders benchmark rows as a text table, TSV, JSON, or a bar chart of bpd as PNG. */
public final class BenchTable {
    private BenchTable() {
    }

    public static String table(List<BenchRow> rows) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-15s %-34s %7s %11s %7s %10s %10s %s%n",
                "codec", "setting", "images", "bytes", "bpd", "enc img/s", "dec img/s", "verified"));
        for (BenchRow r : rows) {
            out.append(String.format(Locale.ROOT, "%-15s %-34s %7d %11d %7.4f %10s %10s %s%n", r.codec(), r.setting(), r.images(),
                    r.bytes(), r.bpd(), rate(r.encodeImagesPerSecond()), rate(r.decodeImagesPerSecond()), r.verified()));
        }
        return out.toString();
    }

    public static String tsv(List<BenchRow> rows) {
        StringBuilder out = new StringBuilder(String.join("\t", BenchRow.COLUMNS)).append('\n');
        for (BenchRow r : rows) {
            out.append(String.format(Locale.ROOT, "%s\t%s\t%d\t%d\t%.4f\t%s\t%s\t%s%n", r.codec(), r.setting(), r.images(), r.bytes(),
                    r.bpd(), rate(r.encodeImagesPerSecond()), rate(r.decodeImagesPerSecond()), r.verified()));
        }
        return out.toString();
    }

    public static String json(List<BenchRow> rows) {
        StringBuilder out = new StringBuilder("[\n");
        for (int i = 0; i < rows.size(); i++) {
            BenchRow r = rows.get(i);
            out.append(String.format(Locale.ROOT, "  {\"codec\": \"%s\", \"setting\": \"%s\", \"images\": %d, \"bytes\": %d, \"bpd\": %.4f, "
                    + "\"enc_img_s\": %s, \"dec_img_s\": %s, \"verified\": \"%s\"}%s%n", r.codec(), r.setting(), r.images(), r.bytes(),
                    r.bpd(), jsonRate(r.encodeImagesPerSecond()), jsonRate(r.decodeImagesPerSecond()), r.verified(), i + 1 < rows.size() ? "," : ""));
        }
        return out.append("]\n").toString();
    }

    private static String rate(double imagesPerSecond) {
        return Double.isNaN(imagesPerSecond) ? "-" : String.format(Locale.ROOT, "%.1f", imagesPerSecond);
    }

    private static String jsonRate(double imagesPerSecond) {
        return Double.isNaN(imagesPerSecond) ? "null" : String.format(Locale.ROOT, "%.1f", imagesPerSecond);
    }

    /** A horizontal bar chart of bpd per codec, lowest first, glowzip rows highlighted. */
    public static void plot(List<BenchRow> rows, String title, Path file) throws IOException {
        List<BenchRow> sorted = rows.stream().sorted((a, b) -> Double.compare(a.bpd(), b.bpd())).toList();
        int barHeight = 28;
        int left = 170;
        int width = 860;
        int height = 70 + sorted.size() * barHeight + 40;
        double max = Math.max(8, sorted.stream().mapToDouble(BenchRow::bpd).max().orElse(8));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, 20, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        double scale = (width - left - 90) / max;
        for (int i = 0; i < sorted.size(); i++) {
            BenchRow r = sorted.get(i);
            int y = 55 + i * barHeight;
            g.setColor(r.codec().startsWith("glow") ? new Color(0xD9, 0x5F, 0x0E) : new Color(0x4C, 0x72, 0xB0));
            g.fillRect(left, y, (int) (r.bpd() * scale), barHeight - 8);
            g.setColor(Color.BLACK);
            g.drawString(r.codec(), 20, y + 15);
            g.drawString(String.format(Locale.ROOT, "%.3f", r.bpd()), left + (int) (r.bpd() * scale) + 6, y + 15);
        }
        int axis = 55 + sorted.size() * barHeight + 5;
        g.setStroke(new BasicStroke(1));
        g.drawLine(left, axis, left + (int) (max * scale), axis);
        for (int tick = 0; tick <= (int) max; tick++) {
            int x = left + (int) (tick * scale);
            g.drawLine(x, axis, x, axis + 4);
            g.drawString(Integer.toString(tick), x - 4, axis + 18);
        }
        g.drawString("bits per dimension (lower is better)", left + (int) (max * scale) / 2 - 100, axis + 34);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}

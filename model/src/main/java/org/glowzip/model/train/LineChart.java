package org.glowzip.model.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A line chart of bits per dimension as a PNG, with java.awt (headless): series of points drawn
 * as lines, optionally with a dot at each point, over an x axis from 0 to the largest x and a y
 * axis over the finite values (at most 3 bpd tall, so a diverging start does not flatten the
 * rest). Non-finite values are skipped.
 */
final class LineChart {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;
    private static final int MARGIN = 60;

    /** One series: its points {@code (xs[i], ys[i])} in order, drawn in {@code color}, with dots if {@code dots}. */
    record Series(double[] xs, double[] ys, Color color, boolean dots) {
    }

    private LineChart() {
    }

    /** Writes the chart of {@code series} to {@code png}, titled {@code title}, its x axis named {@code xLabel}. */
    static void write(List<Series> series, String title, String xLabel, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double maxX = 0;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.xs().length; i++) {
                if (Double.isFinite(s.ys()[i])) {
                    maxX = Math.max(maxX, s.xs()[i]);
                    low = Math.min(low, s.ys()[i]);
                    high = Math.max(high, s.ys()[i]);
                }
            }
        }
        if (!(maxX > 0)) {
            maxX = 1;
        }
        if (!(high > low)) {
            low = Double.isFinite(low) ? low - 1 : 0;
            high = low + 2;
        }
        high = Math.min(high, low + 3);
        g.setColor(Color.BLACK);
        g.drawRect(MARGIN, MARGIN / 2, WIDTH - MARGIN * 3 / 2, HEIGHT - MARGIN * 3 / 2);
        for (int tick = 0; tick <= 5; tick++) {
            double value = low + (high - low) * tick / 5;
            g.drawString(String.format(Locale.ROOT, "%.2f", value), 8, y(value, low, high) + 4);
            double x = maxX * tick / 5;
            g.drawString(maxX >= 50 ? String.valueOf(Math.round(x)) : String.format(Locale.ROOT, "%.2f", x), x(x, maxX) - 10,
                    HEIGHT - MARGIN / 2 - 5);
        }
        g.drawString(xLabel, WIDTH / 2, HEIGHT - 8);
        g.drawString(title, MARGIN, 20);
        g.setStroke(new BasicStroke(1.5f));
        for (Series s : series) {
            draw(g, s, maxX, low, high);
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static void draw(Graphics2D g, Series series, double maxX, double low, double high) {
        g.setColor(series.color());
        int previousX = -1;
        int previousY = -1;
        for (int i = 0; i < series.xs().length; i++) {
            if (!Double.isFinite(series.ys()[i])) {
                continue;
            }
            int x = x(series.xs()[i], maxX);
            int y = y(Math.min(series.ys()[i], high), low, high);
            if (previousX >= 0) {
                g.drawLine(previousX, previousY, x, y);
            }
            if (series.dots()) {
                g.fillOval(x - 3, y - 3, 6, 6);
            }
            previousX = x;
            previousY = y;
        }
    }

    private static int x(double x, double maxX) {
        return MARGIN + (int) ((WIDTH - MARGIN * 3 / 2) * x / maxX);
    }

    private static int y(double value, double low, double high) {
        return MARGIN / 2 + (int) ((HEIGHT - MARGIN * 3 / 2) * (high - value) / (high - low));
    }
}

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

/** Draws train and test bits per dimension against the step as a PNG, with java.awt (headless). */
public final class BpdPlot {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;
    private static final int MARGIN = 60;

    private BpdPlot() {
    }

    public static void write(List<TrainingLog.Row> rows, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        long maxStep = 1;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (TrainingLog.Row row : rows) {
            maxStep = Math.max(maxStep, row.step());
            for (double value : new double[] {row.trainBpd(), row.testBpd()}) {
                if (Double.isFinite(value)) {
                    low = Math.min(low, value);
                    high = Math.max(high, value);
                }
            }
        }
        if (!(high > low)) {
            low = 0;
            high = 8;
        }
        high = Math.min(high, low + 3);
        g.setColor(Color.BLACK);
        g.drawRect(MARGIN, MARGIN / 2, WIDTH - MARGIN * 3 / 2, HEIGHT - MARGIN * 3 / 2);
        for (int tick = 0; tick <= 5; tick++) {
            double value = low + (high - low) * tick / 5;
            int y = y(value, low, high);
            g.drawString(String.format(Locale.ROOT, "%.2f", value), 8, y + 4);
            g.drawString(String.valueOf(maxStep * tick / 5), x(maxStep * tick / 5, maxStep) - 10, HEIGHT - MARGIN / 2 - 5);
        }
        g.drawString("step", WIDTH / 2, HEIGHT - 8);
        g.drawString("bits per dimension: train (blue), test (red)", MARGIN, 20);
        g.setStroke(new BasicStroke(1.5f));
        drawSeries(g, rows, true, maxStep, low, high, new Color(40, 90, 200));
        drawSeries(g, rows, false, maxStep, low, high, new Color(210, 40, 40));
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static void drawSeries(Graphics2D g, List<TrainingLog.Row> rows, boolean train, long maxStep,
            double low, double high, Color color) {
        g.setColor(color);
        int previousX = -1;
        int previousY = -1;
        for (TrainingLog.Row row : rows) {
            double value = train ? row.trainBpd() : row.testBpd();
            if (!Double.isFinite(value)) {
                continue;
            }
            int x = x(row.step(), maxStep);
            int y = y(Math.min(value, high), low, high);
            if (previousX >= 0) {
                g.drawLine(previousX, previousY, x, y);
            }
            if (!train) {
                g.fillOval(x - 3, y - 3, 6, 6);
            }
            previousX = x;
            previousY = y;
        }
    }

    private static int x(long step, long maxStep) {
        return MARGIN + (int) ((WIDTH - MARGIN * 3 / 2) * (double) step / maxStep);
    }

    private static int y(double value, double low, double high) {
        return MARGIN / 2 + (int) ((HEIGHT - MARGIN * 3 / 2) * (high - value) / (high - low));
    }
}

package org.glowzip.bench.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A horizontal bar chart written as PNG (java.awt): one group of bars per label, in the order
 * given, one bar per series with its value printed at its end, and a legend when there are
 * several series. Bars are blue, a highlighted label's (glowzip's) orange, in lighter shades
 * for each series after the first. The axis runs from 0 to 8 bits, or to the largest value when that is more.
 */
public final class BarChart {
    /** One label's bars: a value per series, NaN where it has none. */
    public record Bars(String label, double[] values, boolean highlighted) {
        public Bars {
            values = values.clone();
        }
    }

    private static final Color PLAIN = new Color(0x4C, 0x72, 0xB0);
    private static final Color HIGHLIGHTED = new Color(0xD9, 0x5F, 0x0E);
    private static final int BAR = 20;
    private static final int GAP = 8;
    private static final int LEFT = 170;
    private static final int WIDTH = 860;
    private static final int TOP = 55;

    private BarChart() {
    }

    /**
     * Writes the chart to {@code file}.
     *
     * @param series the names of the series, one per value of each {@link Bars}
     */
    public static void write(String title, String axis, List<String> series, List<Bars> bars, Path file) throws IOException {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a chart without series");
        }
        for (Bars group : bars) {
            if (group.values().length != series.size()) {
                throw new IllegalArgumentException(group.label() + " has " + group.values().length + " values for " + series.size() + " series");
            }
        }
        int groupHeight = series.size() * BAR + GAP;
        int height = TOP + bars.size() * groupHeight + 45;
        double max = Math.max(8, bars.stream().flatMapToDouble(group -> Arrays.stream(group.values()))
                .filter(value -> !Double.isNaN(value)).max().orElse(8));
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, 20, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        if (series.size() > 1) {
            for (int s = 0; s < series.size(); s++) {
                int x = WIDTH - 90 * (series.size() - s);
                g.setColor(shade(PLAIN, s, series.size()));
                g.fillRect(x, 38, 12, 12);
                g.setColor(Color.BLACK);
                g.drawString(series.get(s), x + 16, 49);
            }
        }
        double scale = (WIDTH - LEFT - 90) / max;
        for (int i = 0; i < bars.size(); i++) {
            Bars group = bars.get(i);
            int top = TOP + i * groupHeight;
            g.setColor(Color.BLACK);
            g.drawString(group.label(), 20, top + series.size() * BAR / 2 + 5);
            for (int s = 0; s < series.size(); s++) {
                double value = group.values()[s];
                if (Double.isNaN(value)) {
                    continue;
                }
                int y = top + s * BAR;
                int length = (int) (value * scale);
                g.setColor(shade(group.highlighted() ? HIGHLIGHTED : PLAIN, s, series.size()));
                g.fillRect(LEFT, y, length, BAR - 2);
                g.setColor(Color.BLACK);
                g.drawString(String.format(Locale.ROOT, "%.3f", value), LEFT + length + 6, y + 14);
            }
        }
        int axisY = TOP + bars.size() * groupHeight + 5;
        g.setStroke(new BasicStroke(1));
        g.drawLine(LEFT, axisY, LEFT + (int) (max * scale), axisY);
        for (int tick = 0; tick <= (int) max; tick++) {
            int x = LEFT + (int) (tick * scale);
            g.drawLine(x, axisY, x, axisY + 4);
            g.drawString(Integer.toString(tick), x - 4, axisY + 18);
        }
        g.drawString(axis, LEFT + (int) (max * scale) / 2 - 100, axisY + 34);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    /** Series {@code s} of {@code n}'s shade of {@code colour}: the colour itself for the first, lighter for each after it. */
    private static Color shade(Color colour, int s, int n) {
        double white = 0.6 * s / n;
        return new Color(mix(colour.getRed(), white), mix(colour.getGreen(), white), mix(colour.getBlue(), white));
    }

    private static int mix(int component, double white) {
        return (int) Math.round(component + (255 - component) * white);
    }
}

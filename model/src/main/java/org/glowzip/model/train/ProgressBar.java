package org.glowzip.model.train;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A one-line progress display on stderr: bar, step, running bpd, images per second and ETA,
 * redrawn in place at most twice a second.
 */
public final class ProgressBar {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 500_000_000L;

    private final PrintStream out;
    private final long total;
    private long lastDraw;

    public ProgressBar(PrintStream out, long total) {
        this.out = out;
        this.total = total;
    }

    /** Redraws if due. */
    public void update(long step, double runningBpd, double imagesPerSecond, double secondsPerStep) {
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS && step < total) {
            return;
        }
        lastDraw = now;
        int filled = (int) (WIDTH * step / Math.max(1, total));
        String bar = "=".repeat(filled) + (filled < WIDTH ? ">" : "") + " ".repeat(Math.max(0, WIDTH - filled - 1));
        long etaSeconds = (long) ((total - step) * secondsPerStep);
        out.printf("\r[%s] %5.1f%% step %d/%d  %.3f bpd  %.0f img/s  ETA %s ", bar, 100.0 * step / total, step, total,
                runningBpd, imagesPerSecond, format(Duration.ofSeconds(etaSeconds)));
        out.flush();
    }

    /** Prints a message on its own line without losing the bar. */
    public void message(String text) {
        out.println();
        out.println(text);
        lastDraw = 0;
    }

    private static String format(Duration duration) {
        return String.format("%d:%02d:%02d", duration.toHours(), duration.toMinutesPart(), duration.toSecondsPart());
    }
}

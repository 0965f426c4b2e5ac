package org.glowzip.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar on standard error: bar, count, rate and ETA for work of known size, count and
 * rate for work of unknown size ({@link #UNKNOWN}), redrawn at most ten times a second, and
 * nothing at all when quiet. Workers may advance it concurrently.
 */
final class Progress implements AutoCloseable {
    /** The total of work whose size is not known in advance. */
    static final long UNKNOWN = -1;

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final String label;
    private final String unit;
    private final long total;
    private final long startNanos = System.nanoTime();
    private long done;
    private long lastDraw;

    Progress(String label, long total, String unit, boolean quiet) {
        this.out = quiet ? null : System.err;
        this.label = label;
        this.unit = unit;
        this.total = total;
    }

    synchronized void advance(long amount) {
        done += amount;
        long now = System.nanoTime();
        if (out != null && (now - lastDraw > REDRAW_NANOS || done == total)) {
            lastDraw = now;
            draw(now);
        }
    }

    private void draw(long now) {
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        double rate = done / seconds;
        if (total == UNKNOWN) {
            out.printf(Locale.ROOT, "\r%-16s %d %s  %.1f %s/s ", label, done, unit, rate, unit);
            return;
        }
        double fraction = total == 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) (fraction * WIDTH);
        String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
        long eta = rate > 0 ? (long) ((total - done) / rate) : 0;
        out.printf(Locale.ROOT, "\r%-16s [%s] %5.1f%% %d/%d %s  %.1f %s/s  ETA %d:%02d:%02d ",
                label, bar, 100 * fraction, done, total, unit, rate, unit, eta / 3600, eta / 60 % 60, eta % 60);
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            draw(System.nanoTime());
            out.println();
        }
    }
}

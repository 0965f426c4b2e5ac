package org.glowzip.model.train;

/** A training run's wall-clock time in hours: what earlier sessions of the run took, plus the time since this one began. */
public final class RunClock {
    private final double earlierHours;
    private final long start = System.nanoTime();

    /** A clock that starts at {@code earlierHours}, the hours of the run before it was resumed. */
    public RunClock(double earlierHours) {
        this.earlierHours = earlierHours;
    }

    public double hours() {
        return earlierHours + (System.nanoTime() - start) / 3.6e12;
    }
}

package org.glowzip.model.train;

/**
 * The Adam learning rate of every step of a run: a linear warm-up from 0 to the peak over
 * {@code warmupSteps} from step {@code warmupFrom}, the peak until {@code decayFrom}, then a half
 * cosine from the peak down to {@code finalRate} at the run's last step; the warm-up scales whatever
 * the rate would be. The rate is a function of the step alone, so a resumed run (or one whose
 * schedule was changed at a checkpoint) goes on where the schedule says.
 *
 * @param peak        the rate after warm-up
 * @param warmupFrom  the step the warm-up starts at: 0, or where a resumed run took on parameters
 *                    its checkpoint had no optimizer state for
 * @param warmupSteps steps of the linear warm-up (0: none)
 * @param decayFrom   the step at which the cosine decay starts; {@link #NO_DECAY} keeps the peak to the end
 * @param finalRate   the rate at the run's last step when it decays
 */
public record LearningRateSchedule(double peak, long warmupFrom, long warmupSteps, long decayFrom, double finalRate) {
    /** {@link #decayFrom} of a schedule that stays at its peak. */
    public static final long NO_DECAY = Long.MAX_VALUE;

    public LearningRateSchedule {
        if (!(peak > 0) || warmupFrom < 0 || warmupSteps < 0 || decayFrom < 0 || !(finalRate >= 0) || finalRate > peak) {
            throw new IllegalArgumentException("invalid learning-rate schedule " + this);
        }
    }

    /** A schedule with warm-up and no decay. */
    public static LearningRateSchedule constant(double peak, long warmupSteps) {
        return new LearningRateSchedule(peak, 0, warmupSteps, NO_DECAY, peak);
    }

    /** This schedule with its warm-up starting again at {@code step}. */
    public LearningRateSchedule warmingUpFrom(long step) {
        return new LearningRateSchedule(peak, step, warmupSteps, decayFrom, finalRate);
    }

    /** The rate at {@code step} (0-based) of a run of {@code totalSteps}. */
    public double at(long step, long totalSteps) {
        double warm = step < warmupFrom ? 1 : Math.min(1.0, (step - warmupFrom + 1.0) / Math.max(1, warmupSteps));
        if (step < decayFrom || totalSteps - 1 <= decayFrom) {
            return peak * warm;
        }
        double progress = Math.min(1.0, (double) (step - decayFrom) / (totalSteps - 1 - decayFrom));
        return warm * (finalRate + (peak - finalRate) * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }
}

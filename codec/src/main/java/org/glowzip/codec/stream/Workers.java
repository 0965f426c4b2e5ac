package org.glowzip.codec.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;

/**
 * Runs independent pieces of work on all cores: the calling thread and the common fork-join
 * pool, which a waiting caller helps, so that work nested in pool threads cannot starve. What
 * the pieces compute never depends on which thread runs them, or how many there are.
 */
final class Workers {
    private static final int PARTS = Runtime.getRuntime().availableProcessors();

    private Workers() {
    }

    /** The number of parts {@link #forEachPart} splits {@code items} into: one a core, at most one an item. */
    static int parts(int items) {
        return Math.max(1, Math.min(PARTS, items));
    }

    /**
     * Calls {@code part} with {@code 0 .. parts(items) - 1}, each once, at the same time, and
     * returns when all have returned; an exception of one is thrown here.
     */
    static void forEachPart(int items, IntConsumer part) {
        int parts = parts(items);
        if (parts == 1) {
            part.accept(0);
            return;
        }
        List<ForkJoinTask<?>> tasks = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            int index = p;
            tasks.add(ForkJoinTask.adapt(() -> part.accept(index)));
        }
        ForkJoinTask.invokeAll(tasks);
    }

    /** The items of part {@code p} of {@code parts}: {@code [from(p), from(p + 1))} of {@code items}. */
    static int from(int p, int parts, int items) {
        return (int) ((long) items * p / parts);
    }
}

package org.glowzip.bench.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Samples what every thread runs while a piece of work runs (the JDK's flight recorder, one
 * execution sample per running thread every {@value #PERIOD_MILLIS} ms) and counts the samples
 * of each {@link Stage}.
 */
public final class StageProfiler {
    static final int PERIOD_MILLIS = 10;
    private static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";

    private StageProfiler() {
    }

    /** Runs {@code work} under the recorder and returns its samples by stage, every stage present. */
    public static Map<Stage, Long> profile(Runnable work) throws IOException {
        Path file = Files.createTempFile("glowzip-profile", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable(EXECUTION_SAMPLE).withPeriod(Duration.ofMillis(PERIOD_MILLIS)).withStackTrace();
            recording.start();
            work.run();
            recording.stop();
            recording.dump(file);
            Map<Stage, Long> counts = new EnumMap<>(Stage.class);
            for (Stage stage : Stage.values()) {
                counts.put(stage, 0L);
            }
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                if (event.getEventType().getName().equals(EXECUTION_SAMPLE) && event.getStackTrace() != null) {
                    counts.merge(stageOf(event.getStackTrace().getFrames()), 1L, Long::sum);
                }
            }
            return counts;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Stage stageOf(List<RecordedFrame> frames) {
        List<String> classes = new ArrayList<>(frames.size());
        List<String> methods = new ArrayList<>(frames.size());
        for (RecordedFrame frame : frames) {
            classes.add(frame.getMethod().getType().getName());
            methods.add(frame.getMethod().getName());
        }
        return Stage.of(classes, methods);
    }
}

package org.glowzip.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.glowzip.codec.modelfile.CouplingType;
import org.glowzip.codec.modelfile.GlowConfig;
import org.glowzip.codec.modelfile.GlowLayout;
import org.glowzip.codec.modelfile.ModelFile;
import org.glowzip.codec.modelfile.ModelFileReader;
import org.glowzip.codec.modelfile.PriorPhases;
import org.glowzip.codec.modelfile.ModelFileWriter;
import org.glowzip.codec.modelfile.NamedTensor;
import org.glowzip.model.data.IdxFiles;
import org.glowzip.model.data.ImageSet;
import org.glowzip.model.flow.Glow;
import org.glowzip.model.flow.GlowFeatures;
import org.glowzip.model.flow.GlowFiles;
import org.glowzip.model.flow.Parameter;
import org.glowzip.model.flow.Posterior;
import org.glowzip.model.flow.UniformDequantization;
import org.glowzip.model.flow.VariationalDequantization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TrainerTest {
    private static final GlowConfig TINY = new GlowConfig(2, 2, 16, CouplingType.AFFINE, 1, 28, 28);
    private static ImageSet sample;

    @BeforeAll
    static void readSample() throws Exception {
        sample = IdxFiles.readSplit(Path.of(TrainerTest.class.getResource("/fashion-mnist-sample").toURI()), true);
    }

    @Test
    void aFewAdamStepsOnATinyBatchLowerTheLoss() {
        Glow glow = new Glow(TINY, DataType.FLOAT, 1);
        INDArray x = UniformDequantization.INSTANCE.dequantize(sample.batch(sample.order(), 0, 8, DataType.FLOAT), 3);
        glow.forward(x);
        Adam adam = new Adam(glow.parameters());
        double first = Double.NaN;
        double last = Double.NaN;
        for (int step = 0; step < 15; step++) {
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(Workspaces.STEP, "test")) {
                last = glow.bitsPerDimension(glow.forward(x)).meanNumber().doubleValue();
                glow.backward();
                adam.update(2e-3);
            }
            if (step == 0) {
                first = last;
            }
        }
        assertTrue(last < first - 0.3, "bpd went from " + first + " to " + last);
    }

    @Test
    void parametersLiveInTheOptimizersVector() {
        Glow glow = new Glow(TINY, DataType.FLOAT, 1);
        Adam adam = new Adam(glow.parameters());
        Parameter bias = glow.parameters().get(0);
        bias.gradient().assign(1.0);
        assertEquals(Math.sqrt(bias.gradient().length()), adam.gradientNorm(), 1e-6);
        INDArray before = bias.value().dup();
        adam.update(0.1);
        assertEquals(-0.1, bias.value().sub(before).meanNumber().doubleValue(), 1e-6);
    }

    @Test
    void trainsWritesArtifactsAndResumes(@TempDir Path output) throws Exception {
        TrainingOptions options = new TrainingOptions(TINY, output, 4, 16, LearningRateSchedule.constant(1e-3, 2), 1.0, 2, 1, 32, 32, 7, Posterior.UNIFORM, 0, GlowFeatures.NONE);
        Glow trained = new Trainer(options, sample, sample, System.err).run();
        for (String file : List.of("log.csv", "bpd.png", "model.gzm", "checkpoints/latest", "checkpoints/step-00000004/model.gzm",
                "checkpoints/step-00000004/optimizer.gzm")) {
            assertTrue(Files.exists(output.resolve(file)), file);
        }
        List<String> log = Files.readAllLines(output.resolve("log.csv"));
        assertEquals(TrainingLog.HEADER, log.get(0));
        assertEquals(5, log.size());
        assertTrue(log.get(4).startsWith("4,"), log.get(4));
        assertTrue(!log.get(4).split(",", -1)[3].isEmpty(), "test bpd at the end");
        assertEquals(TINY, ModelFileReader.read(output.resolve("model.gzm")).config());

        TrainingOptions longer = new TrainingOptions(TINY, output, 6, 16, LearningRateSchedule.constant(1e-3, 2), 1.0, 2, 1, 32, 32, 7, Posterior.UNIFORM, 0, GlowFeatures.NONE);
        new Trainer(longer, sample, sample, System.err).run();
        List<String> resumed = Files.readAllLines(output.resolve("log.csv"));
        assertEquals(7, resumed.size(), "log continues after the resumed step");
        assertTrue(resumed.get(6).startsWith("6,"));
        assertEquals("step-00000006", Files.readString(output.resolve("checkpoints/latest")));
        assertTrue(trained.initialized());
    }

    @Test
    void variationalTrainingGoesOnFromAUniformCheckpointAndResumesItself(@TempDir Path output) throws Exception {
        new Trainer(new TrainingOptions(TINY, output, 2, 16, LearningRateSchedule.constant(1e-3, 2), 1.0, 2, 1, 32, 0, 7, Posterior.UNIFORM, 0, GlowFeatures.NONE), sample, sample, System.err).run();
        assertFalse(GlowLayout.hasDequantizer(ModelFileReader.read(output.resolve("model.gzm"))));

        new Trainer(new TrainingOptions(TINY, output, 4, 16, LearningRateSchedule.constant(1e-3, 2), 1.0, 2, 1, 32, 32, 7, Posterior.LOGISTIC, 0, GlowFeatures.NONE), sample, sample, System.err).run();
        ModelFile variational = ModelFileReader.read(output.resolve("model.gzm"));
        assertTrue(GlowLayout.hasDequantizer(variational));
        assertNull(new GlowLayout(TINY).problem(variational));
        assertTrue(GlowFiles.dequantizationOf(variational) instanceof VariationalDequantization);

        new Trainer(new TrainingOptions(TINY, output, 5, 16, LearningRateSchedule.constant(1e-3, 2), 1.0, 2, 1, 32, 0, 7, Posterior.LOGISTIC, 0, GlowFeatures.NONE), sample, sample, System.err).run();
        List<String> log = Files.readAllLines(output.resolve("log.csv"));
        assertTrue(log.get(log.size() - 1).startsWith("5,"), "resumed from its own variational checkpoint: " + log);

        new Trainer(new TrainingOptions(TINY, output, 7, 16, LearningRateSchedule.constant(1e-3, 2), 1.0, 2, 1, 32, 0, 7, Posterior.CHECKERBOARD, 0, GlowFeatures.NONE), sample, sample, System.err).run();
        ModelFile checkerboard = ModelFileReader.read(output.resolve("model.gzm"));
        assertTrue(GlowLayout.hasCheckerboardDequantizer(checkerboard));
        assertNull(new GlowLayout(TINY).problem(checkerboard));
        assertTrue(((VariationalDequantization) GlowFiles.dequantizationOf(checkerboard)).checkerboard());
        List<String> checkerboardLog = Files.readAllLines(output.resolve("log.csv"));
        assertTrue(checkerboardLog.get(checkerboardLog.size() - 1).startsWith("7,"), "went on from the logistic checkpoint: " + checkerboardLog);
    }

    @Test
    void aConditionedRunGoesOnFromAnUnconditionedCheckpointWithItsLikelihood(@TempDir Path output) throws Exception {
        new Trainer(new TrainingOptions(TINY, output, 2, 16, LearningRateSchedule.constant(1e-3, 2), 1.0, 2, 1, 32, 0, 7, Posterior.UNIFORM, 0, GlowFeatures.NONE), sample, sample, System.err).run();
        Glow plain = GlowFiles.load(output.resolve("model.gzm"));
        ImageSet bordered = bordered(sample);
        Glow conditioned = new Glow(TINY, GlowFeatures.CONDITIONED, DataType.FLOAT, 1);
        Adam adam = new Adam(conditioned.parameters());
        assertEquals(new Checkpoint.Restored(2, true), new Checkpoint(output).restore(conditioned, UniformDequantization.INSTANCE, adam,
                new ParameterAverage(adam.vector(), 0)));
        TileBatch tiles = TileBatch.of(conditioned, bordered, bordered.order(), 0, 32, 0, 1);
        INDArray x = UniformDequantization.INSTANCE.dequantize(tiles.pixels(), 5);
        assertEquals(plain.bitsPerDimension(plain.forward(x)).meanNumber().doubleValue(),
                conditioned.bitsPerDimension(conditioned.forward(x, tiles.borders())).meanNumber().doubleValue(), 1e-5,
                "the conditions start at zero: the conditioned Glow starts as the Glow it goes on from");

        new Trainer(new TrainingOptions(TINY, output, 4, 16, LearningRateSchedule.constant(1e-3, 2), 1.0, 2, 1, 32, 32, 7, Posterior.UNIFORM, 0, GlowFeatures.CONDITIONED), bordered, bordered, System.err).run();
        ModelFile model = ModelFileReader.read(output.resolve("model.gzm"));
        assertTrue(GlowLayout.hasCondition(model));
        assertNull(new GlowLayout(TINY).problem(model));
        assertTrue(GlowFiles.fromModelFile(model).conditioned());
        float[] topCondition = model.tensor(GlowLayout.conditionWeight(GlowLayout.TOP)).data();
        assertTrue(IntStream.range(0, topCondition.length).anyMatch(i -> topCondition[i] != 0), "the condition trained");
        assertThrows(IOException.class, () -> new Trainer(new TrainingOptions(TINY, output, 5, 16, LearningRateSchedule.constant(1e-3, 2), 1.0, 2, 1,
                32, 0, 7, Posterior.UNIFORM, 0, GlowFeatures.NONE), sample, sample, System.err).run(), "an unconditioned run refuses a conditioned checkpoint");
    }

    @Test
    void aRunWhosePriorsCodeInMorePhasesGoesOnFromACheckpointWithFewerWithItsLikelihood(@TempDir Path output) throws Exception {
        GlowFeatures checkerboard = new GlowFeatures(false, PriorPhases.CHECKERBOARD);
        GlowFeatures quarters = new GlowFeatures(false, PriorPhases.QUARTERS);
        new Trainer(new TrainingOptions(TINY, output, 2, 16, LearningRateSchedule.constant(1e-3, 2), 1.0, 2, 1, 32, 0, 7, Posterior.UNIFORM, 0, GlowFeatures.NONE), sample, sample, System.err).run();
        assertTakesOnWithItsLikelihood(output, checkerboard, 2);
        new Trainer(new TrainingOptions(TINY, output, 4, 16, LearningRateSchedule.constant(1e-3, 2), 1.0, 2, 1, 32, 32, 7, Posterior.UNIFORM, 0, checkerboard), sample, sample, System.err).run();
        assertEquals(PriorPhases.CHECKERBOARD, GlowLayout.priorPhases(ModelFileReader.read(output.resolve("model.gzm"))));
        assertTakesOnWithItsLikelihood(output, quarters, 4);
        new Trainer(new TrainingOptions(TINY, output, 6, 16, LearningRateSchedule.constant(1e-3, 2), 1.0, 2, 1, 32, 32, 7, Posterior.UNIFORM, 0, quarters), sample, sample, System.err).run();

        ModelFile model = ModelFileReader.read(output.resolve("model.gzm"));
        assertEquals(PriorPhases.QUARTERS, GlowLayout.priorPhases(model));
        assertNull(new GlowLayout(TINY).problem(model));
        assertEquals(quarters, GlowFiles.fromModelFile(model).features());
        for (int k : PriorPhases.QUARTERS.contexts()) {
            float[] topContext = model.tensor(GlowLayout.contextConv(GlowLayout.TOP, k, 3) + ".weight").data();
            assertTrue(IntStream.range(0, topContext.length).anyMatch(i -> topContext[i] != 0), "context " + k + " trained");
        }
        for (GlowFeatures fewer : List.of(GlowFeatures.NONE, checkerboard)) {
            assertThrows(IOException.class, () -> new Trainer(new TrainingOptions(TINY, output, 7, 16, LearningRateSchedule.constant(1e-3, 2), 1.0, 2, 1,
                    32, 0, 7, Posterior.UNIFORM, 0, fewer), sample, sample, System.err).run(), "a run of fewer phases refuses the checkpoint");
        }
    }

    /** A Glow of {@code features} restored from the checkpoint at {@code step} of {@code output} scores as the checkpoint's Glow does. */
    private void assertTakesOnWithItsLikelihood(Path output, GlowFeatures features, long step) throws IOException {
        Glow before = GlowFiles.load(output.resolve("model.gzm"));
        Glow after = new Glow(TINY, features, DataType.FLOAT, 1);
        Adam adam = new Adam(after.parameters());
        assertEquals(new Checkpoint.Restored(step, true), new Checkpoint(output).restore(after, UniformDequantization.INSTANCE, adam,
                new ParameterAverage(adam.vector(), 0)));
        INDArray x = UniformDequantization.INSTANCE.dequantize(sample.batch(sample.order(), 0, 32, DataType.FLOAT), 5);
        assertEquals(before.bitsPerDimension(before.forward(x)).meanNumber().doubleValue(),
                after.bitsPerDimension(after.forward(x)).meanNumber().doubleValue(), 1e-5,
                "the new contexts start at zero: the Glow starts as the Glow it goes on from");
    }

    /** Each image of {@code set} one sample larger each way, its first row and column repeated: tiles with their borders. */
    private static ImageSet bordered(ImageSet set) {
        int side = set.width() + 1;
        byte[] pixels = new byte[set.size() * side * side];
        for (int n = 0; n < set.size(); n++) {
            int[] image = set.image(n);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    pixels[(n * side + y) * side + x] = (byte) image[Math.max(0, y - 1) * set.width() + Math.max(0, x - 1)];
                }
            }
        }
        return new ImageSet(1, side, side, pixels, new int[set.size()]);
    }

    @Test
    void aMixtureRunGoesOnFromAnAffineCheckpointWithItsLikelihood(@TempDir Path output) throws Exception {
        new Trainer(new TrainingOptions(TINY, output, 4, 16, LearningRateSchedule.constant(1e-3, 2), 1.0, 2, 1, 32, 0, 7, Posterior.LOGISTIC, 0, GlowFeatures.NONE), sample, sample, System.err).run();
        INDArray pixels = sample.batch(sample.order(), 0, 32, DataType.FLOAT);
        Glow affine = GlowFiles.load(output.resolve("model.gzm"));
        double affineBpd = affine.bitsPerDimension(affine.forward(UniformDequantization.INSTANCE.dequantize(pixels, 5))).meanNumber().doubleValue();

        GlowConfig mixtureConfig = new GlowConfig(2, 2, 16, CouplingType.MIXTURE, 1, 28, 28);
        Glow mixture = new Glow(mixtureConfig, DataType.FLOAT, 1);
        VariationalDequantization dequantization = new VariationalDequantization(1, 16, false, DataType.FLOAT, new Random(1));
        List<Parameter> parameters = new ArrayList<>(mixture.parameters());
        parameters.addAll(dequantization.parameters());
        Adam adam = new Adam(parameters);
        assertEquals(new Checkpoint.Restored(4, true), new Checkpoint(output).restore(mixture, dequantization, adam,
                new ParameterAverage(adam.vector(), 0)));
        double mixtureBpd = mixture.bitsPerDimension(mixture.forward(UniformDequantization.INSTANCE.dequantize(pixels, 5))).meanNumber().doubleValue();
        assertEquals(affineBpd, mixtureBpd, 1e-4, "the mixture starts as the affine Glow: its curves start as the identity");

        new Trainer(new TrainingOptions(mixtureConfig, output, 6, 16, LearningRateSchedule.constant(1e-3, 2), 1.0, 2, 1, 32, 32, 7, Posterior.LOGISTIC, 0, GlowFeatures.NONE), sample, sample, System.err).run();
        assertEquals(mixtureConfig, ModelFileReader.read(output.resolve("model.gzm")).config());
        List<String> log = Files.readAllLines(output.resolve("log.csv"));
        assertTrue(log.get(log.size() - 1).startsWith("6,"), "resumed at step 4: " + log);
    }

    /** With Polyak averaging, checkpoints keep the average beside the values, the run ships it, and a resumed run goes on from it. */
    @Test
    void anAveragedRunShipsItsAverageAndResumesFromIt(@TempDir Path output) throws Exception {
        new Trainer(new TrainingOptions(TINY, output, 4, 16, LearningRateSchedule.constant(1e-3, 2), 1.0, 2, 1, 32, 32, 7, Posterior.UNIFORM, 0.9, GlowFeatures.NONE), sample, sample, System.err).run();
        Path last = output.resolve("checkpoints/step-00000004");
        ModelFile average = ModelFileReader.read(last.resolve("average.gzm"));
        assertArrayEquals(average.fingerprint(), ModelFileReader.read(output.resolve("model.gzm")).fingerprint(), "the run ships the average");
        assertFalse(Arrays.equals(average.fingerprint(), ModelFileReader.read(last.resolve("model.gzm")).fingerprint()),
                "the average is not the last values");

        Glow glow = new Glow(TINY, DataType.FLOAT, 1);
        Adam adam = new Adam(glow.parameters());
        ParameterAverage restored = new ParameterAverage(adam.vector(), 0.9);
        new Checkpoint(output).restore(glow, UniformDequantization.INSTANCE, adam, restored);
        assertEquals(ModelFileReader.read(last.resolve("model.gzm")).tensors(), tensorsOf(glow), "the values are the last ones");
        restored.swap();
        assertEquals(average.tensors(), tensorsOf(glow), "the average goes on from the checkpoint's");

        new Trainer(new TrainingOptions(TINY, output, 6, 16, LearningRateSchedule.constant(1e-3, 2), 1.0, 2, 1, 32, 32, 7, Posterior.UNIFORM, 0.9, GlowFeatures.NONE), sample, sample, System.err).run();
        assertTrue(Files.exists(output.resolve("checkpoints/step-00000006/average.gzm")));
    }

    private static Map<String, NamedTensor> tensorsOf(Glow glow) {
        return ModelFileWriter.toModelFile(TINY, GlowFiles.tensors(glow)).tensors();
    }

    @Test
    void nonFiniteStepsAreSkippedAndCounted(@TempDir Path output) throws Exception {
        TrainingOptions explosive = new TrainingOptions(TINY, output, 4, 8, LearningRateSchedule.constant(1e4, 0), 1e9, 100, 1, 16, 0, 7, Posterior.UNIFORM, 0, GlowFeatures.NONE);
        new Trainer(explosive, sample, sample, System.err).run();
        List<String> log = Files.readAllLines(output.resolve("log.csv"));
        long skipped = Long.parseLong(log.get(log.size() - 1).split(",")[6]);
        assertTrue(skipped > 0, "a learning rate of 1e4 makes some step non-finite: " + log);
        assertEquals(TINY, ModelFileReader.read(output.resolve("model.gzm")).config(), "the saved model stays finite");
    }

    @Test
    void warmUpIsLinear() {
        LearningRateSchedule schedule = LearningRateSchedule.constant(1e-3, 4);
        assertEquals(2.5e-4, schedule.at(0, 10), 1e-12);
        assertEquals(1e-3, schedule.at(3, 10), 1e-12);
        assertEquals(1e-3, schedule.at(9, 10), 1e-12);
        LearningRateSchedule again = schedule.warmingUpFrom(6);
        assertEquals(1e-3, again.at(5, 10), 1e-12);
        assertEquals(2.5e-4, again.at(6, 10), 1e-12);
        assertEquals(7.5e-4, again.at(8, 10), 1e-12);
        assertEquals(1e-3, again.at(9, 10), 1e-12);
    }

    @Test
    void decayIsAHalfCosineFromThePeakToTheFinalRateAtTheLastStep() {
        LearningRateSchedule schedule = new LearningRateSchedule(1e-3, 0, 0, 10, 1e-5);
        assertEquals(1e-3, schedule.at(10, 21), 1e-15);
        assertEquals((1e-3 + 1e-5) / 2, schedule.at(15, 21), 1e-15);
        assertEquals(1e-5, schedule.at(20, 21), 1e-15);
        assertEquals(1e-5, schedule.at(25, 21), 1e-15, "a run resumed past its end stays at the final rate");
        for (long step = 10; step < 20; step++) {
            assertTrue(schedule.at(step + 1, 21) < schedule.at(step, 21), "falls at step " + step);
        }
        assertEquals(1e-3, LearningRateSchedule.constant(1e-3, 0).at(1_000_000, 21), 0);
    }
}

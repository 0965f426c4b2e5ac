package org.glowzip.codec.modelfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glowzip.codec.ImageCodec;
import org.glowzip.codec.flow.CodingParameters;
import org.glowzip.codec.flow.IntGlow;
import org.glowzip.codec.flow.RandomModels;
import org.junit.jupiter.api.Test;

class GlowLayoutTest {
    private static final GlowConfig SMALL = new GlowConfig(2, 2, 8, CouplingType.AFFINE, 1, 8, 8);

    @Test
    void theBundledModelHoldsItsLayout() {
        ModelFile bundled = ImageCodec.bundled().model();
        GlowLayout layout = new GlowLayout(bundled.config());
        assertNull(layout.problem(bundled));
        long parameters = layout.tensors().values().stream().mapToLong(shape -> {
            long n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }).sum();
        assertEquals(305_824, parameters, "the bundled Glow's parameter count, as its training log reports it");
    }

    @Test
    void multiplyAddsCountEveryConvolutionAtItsLevelsPixels() {
        GlowLayout layout = new GlowLayout(SMALL);
        // level 0, 4 x 4 pixels, C 4: per step 4x4 + 9*2*8 + 8*8 + 9*8*4 = 512, the prior 9*2*4 = 72, so 16 * (2*512 + 72);
        // level 1, 2 x 2 pixels, C 8: per step 8x8 + 9*4*8 + 8*8 + 9*8*8 = 992, so 4 * 2 * 992; over 64 samples
        assertEquals((16 * (2 * 512 + 72) + 4 * 2 * 992) / 64.0, layout.multiplyAddsPerSample());
        assertEquals(9 * 8 + 8 * 8 + 9 * 8 * 2, layout.dequantizerMultiplyAddsPerSample());
    }

    @Test
    void levelsSqueezeAndSplit() {
        List<GlowLayout.Level> levels = new GlowLayout(SMALL).levels();
        assertEquals(List.of(4, 4, 4, 8, 2, 2), List.of(levels.get(0).channels(), levels.get(0).height(), levels.get(0).width(),
                levels.get(1).channels(), levels.get(1).height(), levels.get(1).width()));
        assertEquals("level0.prior", levels.get(0).prior());
        assertNull(levels.get(1).prior());
        assertEquals("level1.step1.coupling.conv3", levels.get(1).steps().get(1).couplingConv(3));
    }

    @Test
    void theIntegerFlowRefusesAFileWithoutTheLayout() {
        ModelFile model = RandomModels.of(SMALL, 1);
        List<NamedTensor> missing = new ArrayList<>(model.tensors().values());
        missing.removeIf(tensor -> tensor.name().equals("level1.step0.invconv.lower"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new IntGlow(ModelFileWriter.toModelFile(SMALL, missing), CodingParameters.DEFAULT));
        assertEquals("model file has no tensor level1.step0.invconv.lower", e.getMessage());

        List<NamedTensor> reshaped = new ArrayList<>(model.tensors().values());
        reshaped.replaceAll(tensor -> tensor.name().equals(GlowLayout.TOP_MEAN)
                ? new NamedTensor(tensor.name(), new int[] {tensor.size()}, tensor.data()) : tensor);
        e = assertThrows(IllegalArgumentException.class, () -> new IntGlow(ModelFileWriter.toModelFile(SMALL, reshaped), CodingParameters.DEFAULT));
        assertEquals("tensor top.mean has shape [32], the Glow needs [1, 8, 2, 2]", e.getMessage());
    }

    @Test
    void aDequantizerIsOptionalButWholeWhereThereIsOne() {
        ModelFile model = RandomModels.of(SMALL, 1);
        GlowLayout layout = new GlowLayout(SMALL);
        assertFalse(GlowLayout.hasDequantizer(model));
        assertEquals(List.of("dequantizer.conv1.weight", "dequantizer.conv1.bias", "dequantizer.conv2.weight", "dequantizer.conv2.bias",
                "dequantizer.conv3.weight", "dequantizer.conv3.bias", "dequantizer.conv3.logscale"),
                List.copyOf(layout.dequantizerTensors().keySet()));
        assertArrayEquals(new int[] {2, 8, 3, 3}, layout.dequantizerTensors().get("dequantizer.conv3.weight"), "from hidden to 2 C");

        List<NamedTensor> with = new ArrayList<>(model.tensors().values());
        layout.dequantizerTensors().forEach((name, shape) -> with.add(new NamedTensor(name, shape, new float[sizeOf(shape)])));
        ModelFile variational = ModelFileWriter.toModelFile(SMALL, with);
        assertTrue(GlowLayout.hasDequantizer(variational));
        assertNull(layout.problem(variational));

        with.removeIf(tensor -> tensor.name().equals("dequantizer.conv2.bias"));
        assertEquals("model file has no tensor dequantizer.conv2.bias", layout.problem(ModelFileWriter.toModelFile(SMALL, with)));
    }

    @Test
    void aCheckerboardPosteriorNeedsBothNetworks() {
        GlowLayout layout = new GlowLayout(SMALL);
        assertArrayEquals(new int[] {8, 2, 3, 3}, layout.checkerboardTensors().get("dequantizer.checkerboard.conv1.weight"),
                "from the image and the kept noise, 2 C, to hidden");
        assertEquals(9 * 2 * 8 + 8 * 8 + 9 * 8 * 2, layout.checkerboardMultiplyAddsPerSample());
        List<NamedTensor> second = new ArrayList<>(RandomModels.of(SMALL, 1).tensors().values());
        layout.checkerboardTensors().forEach((name, shape) -> second.add(new NamedTensor(name, shape, new float[sizeOf(shape)])));
        ModelFile withoutFirst = ModelFileWriter.toModelFile(SMALL, second);
        assertTrue(GlowLayout.hasCheckerboardDequantizer(withoutFirst));
        assertEquals("model file has no tensor dequantizer.conv1.weight", layout.problem(withoutFirst));

        layout.dequantizerTensors().forEach((name, shape) -> second.add(new NamedTensor(name, shape, new float[sizeOf(shape)])));
        assertNull(layout.problem(ModelFileWriter.toModelFile(SMALL, second)));
    }

    @Test
    void theBorderConditionAddsAConvolutionToEveryCouplingAndPrior() {
        GlowLayout layout = new GlowLayout(SMALL);
        assertEquals(2 * 1 + 4, layout.conditionPlanes(), "above and left per channel, two masks, two positions");
        assertEquals(2 * 3 + 4, new GlowLayout(new GlowConfig(1, 1, 4, CouplingType.AFFINE, 3, 4, 4)).conditionPlanes());
        Map<String, int[]> condition = layout.conditionTensors();
        assertEquals(List.of("level0.step0.coupling.condition.weight", "level0.step1.coupling.condition.weight",
                "level0.prior.condition.weight", "level1.step0.coupling.condition.weight", "level1.step1.coupling.condition.weight",
                "top.condition.weight"), List.copyOf(condition.keySet()));
        assertEquals("level0.prior.condition.weight", GlowLayout.conditionWeight("level0.prior"));
        assertArrayEquals(new int[] {8, 6, 3, 3}, condition.get("level1.step0.coupling.condition.weight"), "to the hidden width");
        assertArrayEquals(new int[] {4, 6, 3, 3}, condition.get("level0.prior.condition.weight"), "mean and log-sd of 4 - 4/2 channels");
        assertArrayEquals(new int[] {16, 6, 3, 3}, condition.get("top.condition.weight"), "mean and log-sd of the top's 8 channels");
        assertTrue(condition.keySet().stream().noneMatch(layout.tensors()::containsKey), "none of the unconditioned Glow's");
    }

    @Test
    void aConditionIsOptionalButWholeAndOfItsShapeWhereThereIsOne() {
        ModelFile plain = RandomModels.of(SMALL, 1);
        ModelFile conditioned = RandomModels.withCondition(plain, 2, 0.3);
        GlowLayout layout = new GlowLayout(SMALL);
        assertFalse(GlowLayout.hasCondition(plain));
        assertTrue(GlowLayout.hasCondition(conditioned));
        assertTrue(GlowLayout.hasCondition(RandomModels.withCondition(plain, 2, 0)), "all-zero weights are still a condition");
        assertNull(layout.problem(conditioned));

        List<NamedTensor> reshaped = new ArrayList<>(conditioned.tensors().values());
        reshaped.replaceAll(tensor -> tensor.name().equals("level0.prior.condition.weight")
                ? new NamedTensor(tensor.name(), new int[] {4, 5, 3, 3}, new float[4 * 5 * 3 * 3]) : tensor);
        String problem = layout.problem(ModelFileWriter.toModelFile(SMALL, reshaped));
        assertEquals("tensor level0.prior.condition.weight has shape [4, 5, 3, 3], the border condition needs [4, 6, 3, 3]", problem);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new IntGlow(ModelFileWriter.toModelFile(SMALL, reshaped), CodingParameters.DEFAULT));
        assertEquals(problem, e.getMessage());

        List<NamedTensor> missing = new ArrayList<>(conditioned.tensors().values());
        missing.removeIf(tensor -> tensor.name().equals("top.condition.weight"));
        assertEquals("model file has no tensor top.condition.weight", layout.problem(ModelFileWriter.toModelFile(SMALL, missing)));
    }

    @Test
    void conditionMultiplyAddsCountEachConditionAtItsLevelsPixels() {
        // 6 planes, 3x3: level 0, 4 x 4 pixels, to 2 couplings of hidden 8 and the prior's 4 outputs, 9*6*(2*8 + 4) = 1080;
        // level 1, 2 x 2 pixels, to 2 couplings and the top's 16 outputs, 9*6*(2*8 + 16) = 1728; over 64 samples
        assertEquals((16 * 1080 + 4 * 1728) / 64.0, new GlowLayout(SMALL).conditionMultiplyAddsPerSample());
    }

    @Test
    void priorContextsAreOptionalButWholeAndReadTheLevelToScoreTheirPriorsLatent() {
        GlowLayout layout = new GlowLayout(SMALL);
        assertTrue(layout.contextTensors(PriorPhases.SINGLE).isEmpty());
        Map<String, int[]> context = layout.contextTensors(PriorPhases.CHECKERBOARD);
        assertArrayEquals(new int[] {8, 4, 3, 3}, context.get("level0.prior.context.conv1.weight"), "from the level's 4 channels");
        assertArrayEquals(new int[] {4, 8, 3, 3}, context.get("level0.prior.context.conv3.weight"), "mean and log-sd of 4 - 4/2 channels");
        assertArrayEquals(new int[] {16, 8, 3, 3}, context.get("top.context.conv3.weight"), "mean and log-sd of the top's 8 channels");
        assertEquals("top.context.conv2", GlowLayout.contextConv(GlowLayout.TOP, 2, 2));
        assertEquals("top.context3.conv2", GlowLayout.contextConv(GlowLayout.TOP, 3, 2));
        Map<String, int[]> quarters = layout.contextTensors(PriorPhases.QUARTERS);
        assertEquals(3 * context.size(), quarters.size());
        assertTrue(quarters.keySet().containsAll(context.keySet()));
        assertArrayEquals(new int[] {4, 8, 3, 3}, quarters.get("level0.prior.context1.conv3.weight"));
        // level 0, 4 x 4 pixels: 9*4*8 + 8*8 + 9*8*4 = 640; level 1, 2 x 2 pixels: 9*8*8 + 8*8 + 9*8*16 = 1792; over 64 samples
        assertEquals((16 * 640 + 4 * 1792) / 64.0, layout.contextMultiplyAddsPerSample(PriorPhases.CHECKERBOARD));
        assertEquals(3 * (16 * 640 + 4 * 1792) / 64.0, layout.contextMultiplyAddsPerSample(PriorPhases.QUARTERS));

        ModelFile plain = RandomModels.of(SMALL, 1);
        for (PriorPhases phases : PriorPhases.values()) {
            ModelFile model = RandomModels.withPriorPhases(plain, phases, 2, 0.3);
            assertEquals(phases, GlowLayout.priorPhases(model));
            assertNull(layout.problem(model));
        }
        ModelFile withQuarters = RandomModels.withPriorPhases(plain, PriorPhases.QUARTERS, 2, 0.3);
        List<NamedTensor> missing = new ArrayList<>(withQuarters.tensors().values());
        missing.removeIf(tensor -> tensor.name().equals("level0.prior.context3.conv2.bias"));
        assertEquals("model file has no tensor level0.prior.context3.conv2.bias", layout.problem(ModelFileWriter.toModelFile(SMALL, missing)));
    }

    private static int sizeOf(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }
}

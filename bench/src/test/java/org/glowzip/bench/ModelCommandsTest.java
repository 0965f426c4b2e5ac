package org.glowzip.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.glowzip.codec.ModelSet;
import org.glowzip.codec.image.Image;
import org.glowzip.codec.image.ImageFormat;
import org.glowzip.codec.modelfile.CouplingType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command lines of the float Glow's commands: every option in --help, typed, and refused when bad. */
class ModelCommandsTest {
    /** Each command and the options its --help must list. */
    private static final Map<String, List<String>> OPTIONS = Map.of(
            "train", List.of("--data", "--out", "--levels", "--steps", "--width", "--coupling", "--channels", "--total-steps", "--batch",
                    "--lr", "--warmup", "--clip", "--checkpoint-every", "--log-every", "--init-batch", "--test-images", "--seed"),
            "train-context", List.of("--data", "--model", "--out", "--radius", "--hidden", "--epochs", "--batch", "--lr", "--final-lr",
                    "--seed", "--train-limit", "--test-limit", "--exact-images", "--log-dir", "--context-from"),
            "evaluate", List.of("--model", "--images", "--limit", "--samples", "--batch", "--seed"),
            "curves", List.of("--run", "--output", "--images-per-step"),
            "sample", List.of("--model", "--out", "--grid", "--temperatures", "--seed"),
            "interpolate", List.of("--model", "--out", "--images", "--pairs", "--steps"),
            "manipulate", List.of("--model", "--out", "--images", "--labels", "--label", "--direction-images", "--rows"));

    static List<String> commands() {
        return OPTIONS.keySet().stream().sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpListsEveryOptionWithItsDescription(String command) {
        Run run = run(command, "--help");
        assertEquals(0, run.exitCode);
        for (String option : OPTIONS.get(command)) {
            assertTrue(run.out.contains(option + "="), command + " --help lacks " + option + ":\n" + run.out);
        }
        for (String option : List.of("--quiet", "--verbose", "--help")) {
            assertTrue(run.out.contains(option), command + " --help lacks " + option);
        }
        CommandLine.Model.CommandSpec spec = Glowzip.commandLine().getSubcommands().get(command).getCommandSpec();
        assertTrue(spec.unmatchedArgsBindings().isEmpty(), command + " passes arguments through unparsed");
        for (CommandLine.Model.OptionSpec option : spec.options()) {
            assertTrue(option.description().length > 0 && !option.description()[0].isBlank(), command + " " + option.longestName());
        }
    }

    @Test
    void helpShowsTheDefaults() {
        String help = run("train", "--help").out;
        assertTrue(help.contains("Optimizer steps of the whole run (default: 20000)"), help);
        assertTrue(help.replaceAll("\\s+", " ").contains("Coupling: AFFINE, ADDITIVE, MIXTURE (default: AFFINE)"), help);
        assertTrue(run("sample", "--help").out.contains("(default: 0.7,1.0)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "train --out run --batch 64", // --data is required
            "train --data d --out run --batch many",
            "train --data d --out run --coupling sideways",
            "train --data d --out run --bogus 1",
            "train-context --data d --out o.gzm --radius r",
            "train-context --data d", // --out is required
            "evaluate --samples",
            "curves --run a=run", // --output is required
            "evaluate --limit ten",
            "sample --grid x",
            "sample --temperatures warm",
            "sample --model", // the model file is missing
            "interpolate --pairs two",
            "manipulate --label one",
            "manipulate extra"})
    void badCommandLinesAreUsageErrors(String commandLine) {
        Run run = run(commandLine.split(" "));
        assertEquals(ExitCodes.USAGE_ERROR, run.exitCode, commandLine + "\n" + run.err);
        assertTrue(run.err.contains("Usage: glowzip " + commandLine.split(" ")[0]), run.err);
    }

    @Test
    void aMissingFileIsARuntimeErrorThatSaysSo() {
        Run run = run("sample", "--model", "no-such-model.gzm");
        assertEquals(ExitCodes.RUNTIME_ERROR, run.exitCode);
        assertEquals("glowzip: no such file: no-such-model.gzm", run.err.strip());
    }

    @Test
    void evaluatingWithSeveralDrawsReportsTheImportanceWeightedBound() {
        Cli.Run run = Cli.run("evaluate", "--limit", "3", "--samples", "2");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains("over 3 images, 2 uniform dequantization sample(s) each"), run::toString);
        assertTrue(run.out().matches("(?s).*importance-weighted bound \\d\\.\\d{4} bpd \\(2 draws\\): a better posterior q\\(u \\| x\\) could gain at least 0\\.\\d{4}\n.*"),
                run::toString);
    }

    @Test
    void evaluatingOnImagesOfAnotherShapeSaysSo() {
        Run run = run("evaluate", "--model", "photo-rgb", "--limit", "1");
        assertEquals(ExitCodes.RUNTIME_ERROR, run.exitCode, run.err);
        assertTrue(run.err.contains("the test images are 28 x 28 x 1, the model takes 32 x 32 x 3"), run.err);
    }

    @Test
    void contextTrainingOnPatchesOfAnotherSizeIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws IOException {
        for (String split : List.of("train", "test")) {
            Files.createDirectories(dir.resolve(split));
            Files.write(dir.resolve(split).resolve("photo.png"), ImageFormat.PNG.write(Image.of(80, 70, 1, new byte[80 * 70])));
        }
        Path context = dir.resolve("photo-gray.glowmodel");
        try (InputStream bundled = ModelSet.class.getResourceAsStream(ModelSet.BUNDLED.get(1))) {
            Files.copy(bundled, context);
        }
        Path out = dir.resolve("out.gzm");
        Run run = run("train-context", "-m", "photo-gray", "--data", dir.toString(), "--patch-size", "64", "--patches", "4",
                "--test-patches", "2", "--context-from", context.toString(), "--out", out.toString());
        assertEquals(ExitCodes.RUNTIME_ERROR, run.exitCode, run.err);
        assertTrue(run.err.contains("gives 64x64 images; the model's tiles are 32x32 (--patch-size 32"), run.err);
        assertFalse(Files.exists(out));
    }

    @Test
    void enumValuesAreCaseInsensitive() {
        CommandLine commandLine = Glowzip.commandLine();
        commandLine.parseArgs("train", "--data", "d", "--out", "run", "--coupling", "additive");
        TrainCommand train = commandLine.getSubcommands().get("train").getCommand();
        assertEquals(CouplingType.ADDITIVE, train.coupling);
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Glowzip.commandLine();
        commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private record Run(int exitCode, String out, String err) {
    }
}

package org.glowzip.bench;

import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/**
 * The {@code glowzip} command line.
 *
 * <p>Exit codes: 0 success, 1 runtime error, 2 usage error, 3 corrupt or refused input ({@link ExitCodes}).
 */
@Command(name = "glowzip", mixinStandardHelpOptions = true, version = "glowzip 0.1.0",
        description = "Lossless image compression with a Glow normalizing flow and bits-back rANS.",
        subcommands = {CompressCommand.class, DecompressCommand.class, InfoCommand.class, BenchCommand.class, ServeCommand.class,
                TrainCommand.class, TrainContextCommand.class, EvaluateCommand.class, CurvesCommand.class, SampleCommand.class, InterpolateCommand.class,
                ManipulateCommand.class, InitialBitsCommand.class, LoadbenchCommand.class, MicrobenchCommand.class, ConvBenchCommand.class, ProfileCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:runtime error (a missing or unreadable file among them)", "2:usage error",
                "3:corrupt or refused input (damaged, not an accepted kind, no images, over a limit)"})
public final class Glowzip {
    private Glowzip() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Glowzip()).setExecutionStrategy(Glowzip::execute).setCaseInsensitiveEnumValuesAllowed(true)
                .setExitCodeExceptionMapper(ExitCodes::of).setExecutionExceptionHandler(new ErrorReporter());
    }

    /**
     * Runs the parsed command with the libraries' informational messages (ND4J's backend banner and
     * environment report) silenced unless {@code --verbose}; their warnings always show. ND4J logs
     * through SLF4J to java.util.logging and starts only when a command first uses it, after this.
     */
    private static int execute(ParseResult parsed) {
        Logger.getLogger("").setLevel(Verbosity.requested(parsed) ? Level.INFO : Level.WARNING);
        return new CommandLine.RunLast().execute(parsed);
    }
}

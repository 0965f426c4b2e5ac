package org.glowzip.bench;

import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code glowzip} command line.
 *
 * <p>Exit codes: 0 success, 1 runtime error, 2 usage error, 3 corrupt or refused input ({@link ExitCodes}).
 */
@Command(name = "glowzip", mixinStandardHelpOptions = true, version = "glowzip 0.1.0",
        description = "Lossless image compression with a Glow normalizing flow and bits-back rANS.",
        subcommands = {CompressCommand.class, DecompressCommand.class, InfoCommand.class, BenchCommand.class, ServeCommand.class,
                TrainCommand.class, TrainContextCommand.class, InitialBitsCommand.class, LoadbenchCommand.class,
                MicrobenchCommand.class, ConvBenchCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:runtime error (a missing or unreadable file among them)", "2:usage error",
                "3:corrupt or refused input (damaged, not an accepted kind, no images, over a limit)"})
public final class Glowzip {
    private Glowzip() {
    }

    public static void main(String[] args) {
        Logger.getLogger("").setLevel(Level.WARNING); // libraries' start-up chatter stays out of the output; warnings do not
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Glowzip());
        ExperimentCommand.EXPERIMENTS.forEach((experiment, description) -> {
            CommandLine sub = new CommandLine(new ExperimentCommand(experiment));
            sub.getCommandSpec().usageMessage().description(description);
            commandLine.addSubcommand(experiment, sub);
        });
        return commandLine.setExitCodeExceptionMapper(ExitCodes::of).setExecutionExceptionHandler(new ErrorReporter());
    }
}

package dev.cordon.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root command: {@code cordon <command> [options]}. */
@Command(name = "cordon",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Defend against crypto theft: ingest and trace chains, screen, detect insiders, guard signing.",
        subcommands = {
                DemoCommand.class,
                dev.cordon.cli.intel.IntelCommand.class,
                dev.cordon.cli.intel.HeistsCommand.class,
                dev.cordon.cli.intel.ClusterCommand.class,
                dev.cordon.cli.chain.IngestCommand.class,
                dev.cordon.cli.chain.TxCommand.class,
                dev.cordon.cli.chain.AddressCommand.class,
                dev.cordon.cli.chain.BlockCommand.class,
                dev.cordon.cli.trace.TraceCommand.class,
                dev.cordon.cli.trace.ExposureCommand.class,
                dev.cordon.cli.signing.SafeCommand.class,
                dev.cordon.cli.workforce.WorkforceCommand.class,
        })
public final class CordonCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required");
    }
}

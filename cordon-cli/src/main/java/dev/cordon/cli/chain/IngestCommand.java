package dev.cordon.cli.chain;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cordon ingest <chain>}. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Load blocks into the local store.",
        subcommands = {IngestBitcoinCommand.class, IngestEthereumCommand.class})
public final class IngestCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a chain: bitcoin or ethereum");
    }
}

package dev.cordon.cli.intel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cordon intel}: the label store (sanctions lists, TagPacks, actors). */
@Command(name = "intel", mixinStandardHelpOptions = true,
        description = "Import, export, update and list attribution intelligence (labels, sanctions, TagPacks).",
        subcommands = {IntelImportCommand.class, IntelExportCommand.class, IntelUpdateCommand.class, IntelListCommand.class})
public final class IntelCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: import, export, update or list");
    }
}

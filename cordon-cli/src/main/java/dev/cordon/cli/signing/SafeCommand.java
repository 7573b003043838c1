package dev.cordon.cli.signing;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cordon safe}: the signing guard for Safe multisig wallets. */
@Command(name = "safe", mixinStandardHelpOptions = true,
        description = "Verify a Safe transaction or message before signing, or audit a Safe's configuration.",
        subcommands = {SafeVerifyCommand.class, SafeAuditCommand.class, SafeMessageCommand.class})
public final class SafeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: verify, audit or message");
    }
}

package dev.cordon.bench;

import dev.cordon.bench.bitcoin.BitcoinParseBench;
import dev.cordon.core.CordonException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cordon bench <benchmark>}: side-by-side measurements. */
@Command(name = "cordon bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark; figures on stdout (one JSON object with --json).",
        subcommands = {
                BitcoinParseBench.class,
                dev.cordon.bench.ethereum.EthereumDecodeBench.class,
                dev.cordon.bench.workforce.WorkforceBench.class,
                dev.cordon.bench.intel.ClusterBench.class,
                dev.cordon.bench.intel.LabelLookupBench.class,
                dev.cordon.bench.intel.ExposureBench.class,
                dev.cordon.bench.trace.TraceBench.class,
                dev.cordon.bench.trace.AccountTraceBench.class,
        })
public final class BenchMain implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a benchmark");
    }

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new BenchMain());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof CordonException ce) {
                line.getErr().println("cordon bench: " + ce.getMessage());
                return ce.code().exitCode();
            }
            throw ex;
        });
        System.exit(cl.execute(args));
    }
}

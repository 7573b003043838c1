package dev.cordon.cli;

import dev.cordon.core.CordonException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point. User errors print one line on stderr ({@code cordon: <message>}) and exit with
 * the code of their {@link dev.cordon.core.ErrorCode}; unexpected failures print their stack
 * trace and exit 3.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CordonCommand());
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            PrintWriter err = line.getErr();
            if (ex instanceof CordonException ce) {
                err.println("cordon: " + ce.getMessage());
                err.flush();
                return ExitCodes.of(ce.code());
            }
            err.println("cordon: internal error: " + ex);
            ex.printStackTrace(err);
            err.flush();
            return ExitCodes.DATA;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("cordon: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return ExitCodes.USAGE;
        });
        return cl;
    }
}

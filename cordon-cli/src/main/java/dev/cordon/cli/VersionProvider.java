package dev.cordon.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = CordonCommand.class.getPackage().getImplementationVersion();
        return new String[] {"cordon " + (v == null ? "(development build)" : v)};
    }
}

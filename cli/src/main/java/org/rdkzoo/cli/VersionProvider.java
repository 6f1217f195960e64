package org.rdkzoo.cli;

import org.rdkzoo.evaluator.provenance.RdkzooVersion;

import picocli.CommandLine;

/** {@code rdkzoo --version}: rdkzoo's version and the Java that runs it. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "rdkzoo " + RdkzooVersion.get(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        };
    }
}

package org.rdkzoo.evaluator.provenance;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a result came from: the one provenance record that evaluation results, experiments, bench
 * results and reports all carry. Facts specific to a run (model sha256, dataset manifest,
 * preprocessing) live beside it in each document; this holds what every document shares.
 *
 * @param rdkzooVersion rdkzoo's version
 * @param host          host name of the machine that ran it
 * @param os            {@code os.name os.version}
 * @param arch          {@code os.arch} (x86_64 on a PC, aarch64 on the board)
 * @param jvm           Java vendor and version
 * @param started       ISO-8601 instant the run started
 * @param finished      ISO-8601 instant the run ended, {@code null} while it runs
 * @param commandLine   the arguments the user gave
 * @param versions      versions of what ran it: {@code onnxruntime}, {@code libdnn}, {@code hb_mapper}, ...
 * @param inputs        the files a derived document was made from ({@code results merge}, {@code compare},
 *                      {@code report}), each with its SHA-256; empty for a document made from a run
 */
public record Provenance(
        String rdkzooVersion,
        String host,
        String os,
        String arch,
        String jvm,
        String started,
        String finished,
        List<String> commandLine,
        Map<String, String> versions,
        List<InputFile> inputs) {

    public Provenance {
        Objects.requireNonNull(rdkzooVersion, "rdkzooVersion");
        commandLine = commandLine == null ? List.of() : List.copyOf(commandLine);
        // Sorted so that the same provenance always serialises the same way.
        versions = versions == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(versions));
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
    }

    /** A provenance without input files (the shape before {@code inputs} was added). */
    public Provenance(String rdkzooVersion, String host, String os, String arch, String jvm, String started,
            String finished, List<String> commandLine, Map<String, String> versions) {
        this(rdkzooVersion, host, os, arch, jvm, started, finished, commandLine, versions, List.of());
    }

    /**
     * A file a document was derived from.
     *
     * @param path   the path as given
     * @param sha256 its SHA-256 when it was read
     */
    public record InputFile(String path, String sha256) {
        public InputFile {
            Objects.requireNonNull(path, "path");
        }
    }

    /** A provenance for a run starting now on this machine. */
    public static Provenance start(Clock clock, List<String> commandLine, Map<String, String> versions) {
        return new Provenance(RdkzooVersion.get(), localHost(), System.getProperty("os.name") + " "
                + System.getProperty("os.version"), System.getProperty("os.arch"),
                System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
                Instant.now(clock).toString(), null, commandLine, versions);
    }

    /** This provenance, marked finished now. */
    public Provenance finish(Clock clock) {
        return new Provenance(rdkzooVersion, host, os, arch, jvm, started, Instant.now(clock).toString(),
                commandLine, versions, inputs);
    }

    /** This provenance with one more component version recorded. */
    public Provenance withVersion(String component, String version) {
        Map<String, String> more = new TreeMap<>(versions);
        more.put(component, version);
        return new Provenance(rdkzooVersion, host, os, arch, jvm, started, finished, commandLine, more, inputs);
    }

    /** This provenance recording the files the document was made from. */
    public Provenance withInputs(List<InputFile> files) {
        return new Provenance(rdkzooVersion, host, os, arch, jvm, started, finished, commandLine, versions, files);
    }

    /** This machine's name as provenance records it ({@code $HOSTNAME}, else the resolver's). */
    public static String localHost() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}

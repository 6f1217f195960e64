package org.rdkzoo.mapperconfigs.toolchain;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a toolchain: the OE image through Docker, or {@code hb_mapper} on {@code PATH}. Each probe runs
 * a program from the given environment; when nothing usable is found the exception says what is missing
 * and how to get it, including the zoo's offline image.
 */
public final class ToolchainLocator {
    /** Which toolchain the user asked for. */
    public enum Choice {
        /** Docker when it works (daemon up, image present), else hb_mapper on PATH. */
        AUTO,
        DOCKER,
        LOCAL
    }

    /** The D-Robotics forum topic with the X5 OE image as a download, for machines that cannot pull. */
    public static final String OFFLINE_IMAGE_URL = "https://forum.d-robotics.cc/t/topic/28035";
    /** How long {@code docker info} and {@code docker image inspect} may take: a hung daemon must not hang us. */
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PROBE_GRACE = Duration.ofSeconds(1);

    private final Map<String, String> env;
    private final Duration probeTimeout;

    public ToolchainLocator(Map<String, String> env) {
        this(env, PROBE_TIMEOUT);
    }

    /** With another probe timeout (tests). */
    public ToolchainLocator(Map<String, String> env, Duration probeTimeout) {
        this.env = Map.copyOf(env);
        this.probeTimeout = probeTimeout;
    }

    public Toolchain locate(Choice choice, String image) throws ToolchainUnavailableException {
        String img = image == null || image.isBlank() ? Toolchain.DEFAULT_IMAGE : image;
        switch (choice) {
            case DOCKER -> {
                return docker(img);
            }
            case LOCAL -> {
                return local().orElseThrow(() -> new ToolchainUnavailableException(localMissing()));
            }
            default -> {
                try {
                    return docker(img);
                } catch (ToolchainUnavailableException dockerProblem) {
                    Optional<LocalToolchain> local = local();
                    if (local.isPresent()) {
                        return local.get();
                    }
                    String docker = dockerProblem.getMessage();
                    throw new ToolchainUnavailableException("no hb_mapper toolchain found: " + docker
                            + "; and hb_mapper is not on PATH (or run rdkzoo inside the OE container, "
                            + "where it is, with --toolchain local)"
                            + (docker.contains("docker pull") ? "" : "; with Docker working, get the image: " + pullHint(img)));
                }
            }
        }
    }

    private Optional<LocalToolchain> local() {
        return Executables.find("hb_mapper", env).map(LocalToolchain::new);
    }

    private static String localMissing() {
        return "hb_mapper is not on PATH: run rdkzoo inside the OE container or an OE (Ai_Toolchain_Package) install "
                + "that puts it on PATH, or use --toolchain docker with the OE image";
    }

    private DockerToolchain docker(String image) throws ToolchainUnavailableException {
        Path docker = Executables.find("docker", env).orElseThrow(() -> new ToolchainUnavailableException(
                "docker is not on PATH: install Docker Engine, then " + pullHint(image)));
        Probe info = probe(docker, "info", "--format", "{{.ServerVersion}}");
        if (info.timedOut) {
            throw new ToolchainUnavailableException("'docker info' gave no answer in " + seconds(probeTimeout)
                    + " (a hung Docker daemon?): restart the Docker service");
        }
        if (info.exit != 0) {
            throw new ToolchainUnavailableException("docker cannot reach its daemon ('docker info' failed: "
                    + info.firstLine() + "): start the Docker service and make sure your user may use it "
                    + "(the docker group)");
        }
        Probe inspect = probe(docker, "image", "inspect", "--format", "{{.Id}} {{join .RepoDigests \" \"}}", image);
        if (inspect.timedOut) {
            throw new ToolchainUnavailableException("'docker image inspect " + image + "' gave no answer in "
                    + seconds(probeTimeout) + " (a hung Docker daemon?): restart the Docker service");
        }
        if (inspect.exit != 0) {
            throw new ToolchainUnavailableException("the OE image " + image + " is not present locally: "
                    + pullHint(image));
        }
        Map<String, String> imageInfo = new LinkedHashMap<>();
        String[] parts = inspect.output.strip().split("\\s+");
        if (parts.length > 0 && !parts[0].isEmpty()) {
            imageInfo.put("imageId", parts[0]);
        }
        if (parts.length > 1) {
            imageInfo.put("imageDigest", parts[1]);
        }
        imageInfo.put("dockerServer", info.output.strip());
        return new DockerToolchain(docker, image, imageInfo, currentUser(), env);
    }

    /** How to get the image, online and offline. */
    public static String pullHint(String image) {
        return "docker pull " + image + " (offline: download the image archive linked from " + OFFLINE_IMAGE_URL
                + ", then docker load -i FILE)";
    }

    /** {@code UID:GID} of this process, for {@code docker run --user}. */
    static String currentUser() {
        try {
            com.sun.security.auth.module.UnixSystem unix = new com.sun.security.auth.module.UnixSystem();
            return unix.getUid() + ":" + unix.getGid();
        } catch (RuntimeException | LinkageError e) {
            return "0:0";
        }
    }

    private record Probe(int exit, String output, boolean timedOut) {
        String firstLine() {
            String s = output.strip();
            int nl = s.indexOf('\n');
            return (nl < 0 ? s : s.substring(0, nl)).strip();
        }
    }

    /**
     * Runs a probe to its end or its timeout. The output is read on ToolProcess's own thread while the
     * timeout runs here: reading it first would wait forever on a client that never closes its output.
     */
    private Probe probe(Path program, String... args) throws ToolchainUnavailableException {
        List<String> argv = new ArrayList<>();
        argv.add(program.toString());
        argv.addAll(List.of(args));
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        try {
            ToolProcess.Outcome o = new ToolProcess(Clock.systemUTC(), PROBE_GRACE).run(
                    new ToolProcess.Command(argv, Path.of("").toAbsolutePath(), env), lines::add, probeTimeout,
                    new CancelToken(), null);
            String output;
            synchronized (lines) {
                output = String.join("\n", lines);
            }
            return o.ending() == ToolProcess.Ending.TIMED_OUT ? new Probe(-1, output, true)
                    : new Probe(o.exitCode(), output, false);
        } catch (IOException e) {
            return new Probe(-1, e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolchainUnavailableException("interrupted while probing docker");
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}

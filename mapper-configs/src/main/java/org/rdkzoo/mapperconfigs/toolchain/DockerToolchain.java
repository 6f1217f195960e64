package org.rdkzoo.mapperconfigs.toolchain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code hb_mapper} in the OE Docker image. Each run is a named container ({@code --rm}, as the current
 * user so the files it writes are the user's) with the run folder mounted read-write as its working
 * directory and every input folder mounted read-only at a stable path ({@code /rdkzoo/model}, ...).
 * Mounts use {@code --mount}, whose CSV syntax, unlike {@code -v}, can carry paths with colons.
 */
public final class DockerToolchain implements Toolchain {
    /** Where the run folder appears in the container. */
    public static final String WORK = "/rdkzoo/work";
    /** Parent of the read-only input folders in the container. */
    public static final String INPUTS = "/rdkzoo";

    private final Path docker;
    private final String image;
    private final Map<String, String> imageInfo;
    private final String user;
    private final Map<String, String> env;

    /**
     * @param docker    the docker client
     * @param image     the OE image
     * @param imageInfo what {@code docker image inspect} said (id, digests), recorded with each run
     * @param user      {@code UID:GID} to run as
     * @param env       environment for the docker client
     */
    public DockerToolchain(Path docker, String image, Map<String, String> imageInfo, String user,
            Map<String, String> env) {
        this.docker = docker.toAbsolutePath();
        this.image = image;
        this.imageInfo = Map.copyOf(imageInfo);
        this.user = user;
        this.env = Map.copyOf(env);
    }

    @Override
    public String kind() {
        return "docker";
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("image", image);
        d.putAll(imageInfo);
        d.put("docker", docker.toString());
        return d;
    }

    @Override
    public Launch prepare(Path workDir, Map<String, Path> readOnly, String runName) {
        Map<Path, String> mounts = new LinkedHashMap<>();
        Path work = workDir.toAbsolutePath().normalize();
        mounts.put(work, WORK);
        readOnly.forEach((role, dir) -> mounts.putIfAbsent(dir.toAbsolutePath().normalize(), INPUTS + "/" + role));
        return new DockerLaunch(work, mounts, runName);
    }

    /** One {@code --mount} value; a field holding a comma or a quote is quoted as CSV requires. */
    static String mountSpec(Path source, String target, boolean readOnly) {
        String spec = "type=bind," + csvField("source=" + source) + "," + csvField("target=" + target);
        return readOnly ? spec + ",readonly" : spec;
    }

    private static String csvField(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private final class DockerLaunch implements Launch {
        private final Path work;
        private final Map<Path, String> mounts;
        private final String name;

        DockerLaunch(Path work, Map<Path, String> mounts, String name) {
            this.work = work;
            this.mounts = mounts;
            this.name = name;
        }

        @Override
        public String path(Path hostPath) {
            Path p = hostPath.toAbsolutePath().normalize();
            Path best = null;
            for (Path source : mounts.keySet()) {
                if (p.startsWith(source) && (best == null || source.getNameCount() > best.getNameCount())) {
                    best = source;
                }
            }
            if (best == null) {
                throw new IllegalArgumentException(p + " is not inside a folder mounted into the container");
            }
            Path rel = best.relativize(p);
            String target = mounts.get(best);
            return rel.toString().isEmpty() ? target : target + "/" + rel.toString().replace('\\', '/');
        }

        @Override
        public List<String> command(List<String> args) {
            List<String> argv = new ArrayList<>(List.of(docker.toString(), "run", "--rm", "--init",
                    "--name", name, "--user", user,
                    // An arbitrary UID has no home in the image; Python tools want a writable one.
                    "--env", "HOME=/tmp"));
            boolean first = true;
            for (Map.Entry<Path, String> m : mounts.entrySet()) {
                argv.add("--mount");
                argv.add(mountSpec(m.getKey(), m.getValue(), !first));
                first = false;
            }
            argv.addAll(List.of("--workdir", WORK, image, "hb_mapper"));
            argv.addAll(args);
            return argv;
        }

        @Override
        public Path hostWorkDir() {
            return work;
        }

        @Override
        public void stop() {
            // Killing the client does not stop the container: the daemon runs it.
            try {
                ProcessBuilder pb = new ProcessBuilder(docker.toString(), "kill", name)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (IOException e) {
                // nothing more we can do; the process tree is stopped next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public Map<String, String> mounts() {
            Map<String, String> m = new LinkedHashMap<>();
            mounts.forEach((k, v) -> m.put(k.toString(), v));
            return m;
        }
    }
}

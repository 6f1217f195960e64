package org.rdkzoo.mapperconfigs.standin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rdkzoo.mapperconfigs.toolchain.Toolchain;

/**
 * A stand-in for the {@code docker} client (not the real one). It records its arguments, answers
 * {@code info}, {@code image inspect} and {@code kill}, and for {@code run} checks what rdkzoo must pass
 * ({@code --rm}, {@code --name}, {@code --user UID:GID}, bind mounts, {@code --workdir} on a read-write
 * mount, a present image, {@code hb_mapper} as the command), then runs the stand-in hb_mapper in this
 * process with container paths mapped back to the host and read-only mounts enforced.
 */
public final class StandInDocker {
    private record Mount(Path source, String target, boolean readOnly) {
    }

    private StandInDocker() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> env = System.getenv();
        Recorder.record(env, "docker", List.of(args), Path.of("").toAbsolutePath());
        System.exit(run(List.of(args), env));
    }

    private static int run(List<String> args, Map<String, String> env) throws IOException {
        if ("hang".equals(env.get("STANDIN_DOCKER_DAEMON"))) {
            // As a client whose daemon never answers: no output, no exit.
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    return 1;
                }
            }
        }
        boolean down = "down".equals(env.get("STANDIN_DOCKER_DAEMON"));
        if (down && !args.isEmpty()) {
            System.out.println("Cannot connect to the Docker daemon at unix:///var/run/docker.sock. "
                    + "Is the docker daemon running?");
            return 1;
        }
        List<String> images = Arrays.asList(env.getOrDefault("STANDIN_DOCKER_IMAGES", Toolchain.DEFAULT_IMAGE).split(","));
        String cmd = args.isEmpty() ? "" : args.get(0);
        switch (cmd) {
            case "info" -> {
                System.out.println("28.2.2-standin");
                return 0;
            }
            case "image" -> {
                String image = args.get(args.size() - 1);
                if (args.size() >= 2 && args.get(1).equals("inspect") && images.contains(image)) {
                    System.out.println("sha256:5tand1n0000 " + image.replaceAll(":[^:/]*$", "") + "@sha256:d1ge5t0000");
                    return 0;
                }
                System.out.println("Error response from daemon: No such image: " + image);
                return 1;
            }
            case "kill" -> {
                Path pidFile = containers(env).resolve(args.get(1) + ".pid");
                if (!Files.exists(pidFile)) {
                    System.out.println("Error response from daemon: No such container: " + args.get(1));
                    return 1;
                }
                long pid = Long.parseLong(Files.readString(pidFile).strip());
                Optional<ProcessHandle> p = ProcessHandle.of(pid);
                p.ifPresent(h -> {
                    h.descendants().forEach(ProcessHandle::destroyForcibly);
                    h.destroyForcibly();
                });
                Files.deleteIfExists(pidFile);
                System.out.println(args.get(1));
                return 0;
            }
            case "run" -> {
                return runContainer(args.subList(1, args.size()), env, images);
            }
            default -> {
                System.out.println("docker: unknown command: " + cmd);
                return 125;
            }
        }
    }

    private static Path containers(Map<String, String> env) throws IOException {
        Path dir = Path.of(env.getOrDefault(StandIns.STATE, ".")).resolve("containers");
        Files.createDirectories(dir);
        return dir;
    }

    private static int runContainer(List<String> args, Map<String, String> env, List<String> images) throws IOException {
        boolean rm = false;
        String name = null;
        String user = null;
        String workdir = null;
        List<Mount> mounts = new ArrayList<>();
        Map<String, String> containerEnv = new LinkedHashMap<>(env);
        int i = 0;
        for (; i < args.size() && args.get(i).startsWith("-"); i++) {
            String a = args.get(i);
            switch (a) {
                case "--rm" -> rm = true;
                case "--init" -> { }
                case "--name" -> name = args.get(++i);
                case "--user" -> user = args.get(++i);
                case "--workdir" -> workdir = args.get(++i);
                case "--env" -> {
                    String kv = args.get(++i);
                    containerEnv.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
                }
                case "--mount" -> mounts.add(mount(args.get(++i)));
                default -> {
                    System.out.println("docker: stand-in does not accept " + a);
                    return 125;
                }
            }
        }
        if (!rm || name == null || user == null || !user.matches("\\d+:\\d+") || workdir == null) {
            System.out.println("docker: stand-in expects --rm, --name, --user UID:GID and --workdir; got " + args);
            return 125;
        }
        String image = args.get(i++);
        if (!images.contains(image)) {
            System.out.println("Unable to find image '" + image + "' locally");
            return 125;
        }
        if (i >= args.size() || !args.get(i).equals("hb_mapper")) {
            System.out.println("docker: stand-in only runs hb_mapper");
            return 127;
        }
        String wd = workdir;
        Mount work = mounts.stream().filter(m -> m.target().equals(wd) && !m.readOnly()).findFirst().orElse(null);
        if (work == null) {
            System.out.println("docker: --workdir " + workdir + " is not a read-write mount");
            return 125;
        }
        Path pidFile = containers(env).resolve(name + ".pid");
        if (Files.exists(pidFile)) {
            System.out.println("docker: Error response from daemon: Conflict. The container name \"/" + name
                    + "\" is already in use");
            return 125;
        }
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        try {
            StandInHbMapper.Resolver resolver = (seen, cwd) -> resolve(seen, cwd, wd, mounts);
            return StandInHbMapper.run(args.subList(i + 1, args.size()), work.source(), resolver, containerEnv, System.out);
        } finally {
            Files.deleteIfExists(pidFile);
        }
    }

    /** A path seen in the container, on the host: only mounted folders exist there. */
    private static StandInHbMapper.Resolved resolve(String seen, Path hostCwd, String workdir, List<Mount> mounts) {
        String inContainer = seen.startsWith("/") ? seen : workdir + "/" + seen;
        Mount best = null;
        for (Mount m : mounts) {
            if ((inContainer.equals(m.target()) || inContainer.startsWith(m.target() + "/"))
                    && (best == null || m.target().length() > best.target().length())) {
                best = m;
            }
        }
        if (best == null) {
            // Not mounted: the container's own filesystem, where the user's files are not.
            return new StandInHbMapper.Resolved(Path.of("/nonexistent-in-container").resolve(inContainer.substring(1)), false);
        }
        String rel = inContainer.substring(best.target().length());
        Path host = rel.isEmpty() ? best.source() : best.source().resolve(rel.substring(1));
        return new StandInHbMapper.Resolved(host.normalize(), !best.readOnly());
    }

    /** Parses a {@code --mount} value: CSV fields, each {@code key=value} or a bare flag. */
    private static Mount mount(String spec) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : csv(spec)) {
            int eq = field.indexOf('=');
            fields.put(eq < 0 ? field : field.substring(0, eq), eq < 0 ? "true" : field.substring(eq + 1));
        }
        if (!"bind".equals(fields.get("type")) || fields.get("source") == null || fields.get("target") == null) {
            throw new IllegalArgumentException("invalid --mount " + spec);
        }
        Path source = Path.of(fields.get("source"));
        if (!source.isAbsolute() || !Files.isDirectory(source)) {
            throw new IllegalArgumentException("bind source path does not exist: " + source);
        }
        return new Mount(source, fields.get("target"), fields.containsKey("readonly") || fields.containsKey("ro"));
    }

    private static List<String> csv(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}

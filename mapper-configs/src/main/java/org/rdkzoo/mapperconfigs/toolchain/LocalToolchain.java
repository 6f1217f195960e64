package org.rdkzoo.mapperconfigs.toolchain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code hb_mapper} from {@code PATH}: inside the OE container or an OE install. Paths are used as they are. */
public final class LocalToolchain implements Toolchain {
    private final Path hbMapper;

    public LocalToolchain(Path hbMapper) {
        this.hbMapper = hbMapper.toAbsolutePath();
    }

    public Path hbMapper() {
        return hbMapper;
    }

    @Override
    public String kind() {
        return "local";
    }

    @Override
    public Map<String, String> describe() {
        return Map.of("hb_mapper", hbMapper.toString());
    }

    @Override
    public Launch prepare(Path workDir, Map<String, Path> readOnly, String runName) {
        Path work = workDir.toAbsolutePath();
        return new Launch() {
            @Override
            public String path(Path hostPath) {
                return hostPath.toAbsolutePath().normalize().toString();
            }

            @Override
            public List<String> command(List<String> args) {
                List<String> argv = new ArrayList<>();
                argv.add(hbMapper.toString());
                argv.addAll(args);
                return argv;
            }

            @Override
            public Path hostWorkDir() {
                return work;
            }

            @Override
            public void stop() {
            }

            @Override
            public Map<String, String> mounts() {
                Map<String, String> m = new LinkedHashMap<>();
                m.put(work.toString(), work.toString());
                readOnly.values().forEach(p -> m.put(p.toAbsolutePath().toString(), p.toAbsolutePath().toString()));
                return m;
            }
        };
    }
}

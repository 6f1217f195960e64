package org.rdkzoo.mapperconfigs.standin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Appends one JSON line per stand-in call to the record file; a lock keeps concurrent calls apart. */
final class Recorder {
    private Recorder() {
    }

    static void record(Map<String, String> env, String tool, List<String> argv, Path cwd) {
        String file = env.get(StandIns.RECORD);
        if (file == null) {
            return;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("tool", tool);
        entry.put("argv", argv);
        entry.put("cwd", cwd.toString());
        try (FileChannel ch = FileChannel.open(Path.of(file), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND); FileLock lock = ch.lock()) {
            byte[] line = (new ObjectMapper().writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
            ch.write(ByteBuffer.wrap(line));
        } catch (IOException e) {
            throw new IllegalStateException("stand-in cannot record to " + file, e);
        }
    }
}

package org.rdkzoo.mapperconfigs.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.rdkzoo.evaluator.onnx.ValueInfo;
import org.rdkzoo.mapperconfigs.config.ConfigKey;
import org.rdkzoo.mapperconfigs.config.MapperConfig;

/**
 * The calibration folder: it exists and every file in it has exactly the bytes one sample of the
 * model's input takes (elements times 4 for float32, 1 for uint8). hb_mapper reshapes each file to
 * the input shape and stops with "Can't reshape" deep into a run when one does not fit; this finds
 * it first and names the files.
 */
final class CalibrationDataCheck implements ConfigCheck {
    /** Offending files named in the message; the rest are counted. */
    private static final int NAMED = 3;

    @Override
    public boolean readsFiles() {
        return true;
    }

    @Override
    public void check(CheckContext ctx) {
        MapperConfig c = ctx.config();
        String type = c.calibrationType();
        if (type.equals("load") || type.equals("skip") || !(c.get(ConfigKey.CAL_DATA_DIR) instanceof String)) {
            return;
        }
        List<String> dirs = c.list(ConfigKey.CAL_DATA_DIR);
        List<ValueInfo> inputs = ctx.model().map(m -> ModelFileCheck.configInputs(c, m)).orElse(List.of());
        for (int i = 0; i < dirs.size(); i++) {
            Path dir = ctx.baseDir().resolve(dirs.get(i)).normalize();
            Optional<List<Long>> shape = i < inputs.size() ? ModelFileCheck.effectiveShape(c, inputs.get(i), i) : Optional.empty();
            checkDir(ctx, dir, shape, dirs.get(i));
        }
    }

    private static void checkDir(CheckContext ctx, Path dir, Optional<List<Long>> shape, String written) {
        if (!Files.isDirectory(dir)) {
            ctx.error(ConfigKey.CAL_DATA_DIR, Files.exists(dir) ? "cal_data_dir is not a folder"
                    : "the calibration folder does not exist (relative paths start at the config's folder); "
                            + "rdkzoo mapper calib writes one", Found.raw(dir.toString()), "a folder of preprocessed samples");
            return;
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().forEach(files::add);
        } catch (IOException e) {
            ctx.error(ConfigKey.CAL_DATA_DIR, "cannot list the calibration folder: " + e, Found.raw(dir.toString()), null);
            return;
        }
        if (files.isEmpty()) {
            ctx.error(ConfigKey.CAL_DATA_DIR, "the calibration folder is empty", Found.raw(dir.toString()),
                    "preprocessed samples, one file each (rdkzoo mapper calib writes them)");
            return;
        }
        if (shape.isEmpty()) {
            return; // no model or no fixed shape: nothing to compare sizes with (reported elsewhere)
        }
        boolean float32 = dataType(ctx.config(), written).equals("float32");
        long elements = shape.get().stream().reduce(1L, (a, b) -> a * b);
        long expected = elements * (float32 ? 4 : 1);
        List<String> bad = new ArrayList<>();
        int badCount = 0;
        for (Path f : files) {
            long size;
            try {
                size = Files.size(f);
            } catch (IOException e) {
                size = -1;
            }
            if (size != expected) {
                badCount++;
                if (bad.size() < NAMED) {
                    bad.add(f.getFileName() + " (" + size + " bytes" + guess(size, shape.get(), float32) + ")");
                }
            }
        }
        if (badCount > 0) {
            String shapeText = String.join("x", shape.get().stream().map(String::valueOf).toList());
            ctx.error(ConfigKey.CAL_DATA_DIR, badCount + " of " + files.size() + " calibration files are not one "
                    + shapeText + " " + (float32 ? "float32" : "uint8") + " sample; hb_mapper would stop with "
                    + "\"Can't reshape\": " + String.join(", ", bad) + (badCount > bad.size() ? ", ..." : ""),
                    Found.raw(bad.get(0)), expected + " bytes per file");
        }
    }

    /** cal_data_type, or what hb_mapper infers without it: float32 for a folder ending in _f32. */
    static String dataType(MapperConfig c, String dir) {
        return c.string(ConfigKey.CAL_DATA_TYPE).orElse(dir.replaceAll("[/\\\\]+$", "").endsWith("_f32") ? "float32" : "uint8");
    }

    /** What a wrong size probably is: the other data type, or another square resolution. */
    private static String guess(long size, List<Long> shape, boolean float32) {
        long elements = shape.stream().reduce(1L, (a, b) -> a * b);
        if (size == elements * (float32 ? 1 : 4)) {
            return ", the size of " + (float32 ? "uint8" : "float32") + " data";
        }
        long perPixel = (float32 ? 4 : 1) * (shape.size() == 4 ? Math.min(shape.get(1), shape.get(3)) : 1);
        if (shape.size() == 4 && size % perPixel == 0) {
            long side = Math.round(Math.sqrt(size / (double) perPixel));
            if (side * side * perPixel == size) {
                return ", a " + side + "x" + side + " image";
            }
        }
        return "";
    }
}

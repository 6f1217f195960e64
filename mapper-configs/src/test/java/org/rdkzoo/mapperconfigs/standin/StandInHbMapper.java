package org.rdkzoo.mapperconfigs.standin;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A stand-in for {@code hb_mapper} (not the real tool): it follows the documented CLI ({@code --version},
 * {@code checker --model-type onnx --march bayes-e --model F [--input-shape NAME SHAPE]},
 * {@code makertbin --config F --model-type onnx}), reads the YAML, writes the documented files into
 * {@code working_dir} (small placeholders) and its log into the current directory in either layout,
 * and fails on request. See {@link StandIns} for the switches.
 */
public final class StandInHbMapper {
    /** How a path hb_mapper was given maps to the host, and whether it may be written. */
    interface Resolver {
        Resolved resolve(String seen, Path cwd);
    }

    record Resolved(Path host, boolean writable) {
    }

    static final Resolver LOCAL = (seen, cwd) -> new Resolved(cwd.resolve(seen).normalize(), true);

    private StandInHbMapper() {
    }

    public static void main(String[] args) {
        int code = run(List.of(args), Path.of("").toAbsolutePath(), LOCAL, System.getenv(), System.out);
        System.out.flush();
        System.exit(code);
    }

    static int run(List<String> args, Path cwd, Resolver resolver, Map<String, String> env, PrintStream out) {
        Recorder.record(env, "hb_mapper", args, cwd);
        try {
            if (args.equals(List.of("--version"))) {
                out.println("hb_mapper, version 1.24.3 (stand-in)");
                return 0;
            }
            if (!args.isEmpty() && args.get(0).equals("checker")) {
                return checker(args.subList(1, args.size()), cwd, resolver, env, out);
            }
            if (!args.isEmpty() && args.get(0).equals("makertbin")) {
                return makertbin(args.subList(1, args.size()), cwd, resolver, env, out);
            }
            out.println("Usage: hb_mapper [OPTIONS] COMMAND [ARGS]...\nError: No such command " + args);
            return 2;
        } catch (IOException e) {
            out.println("stand-in I/O error: " + e);
            return 70;
        }
    }

    private static Map<String, List<String>> options(List<String> args, Set<String> known, Set<String> pairs) {
        Map<String, List<String>> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!known.contains(a)) {
                throw new IllegalArgumentException("Error: no such option: " + a);
            }
            int n = pairs.contains(a) ? 2 : 1;
            if (i + n >= args.size()) {
                throw new IllegalArgumentException("Error: " + a + " option requires an argument");
            }
            opts.computeIfAbsent(a, k -> new ArrayList<>()).addAll(args.subList(i + 1, i + 1 + n));
            i += n;
        }
        return opts;
    }

    private static int checker(List<String> args, Path cwd, Resolver resolver, Map<String, String> env, PrintStream out)
            throws IOException {
        Map<String, List<String>> o;
        try {
            o = options(args, Set.of("--model-type", "--march", "--model", "--input-shape", "--proto"), Set.of("--input-shape"));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            out.println(e.getMessage());
            return 2;
        }
        boolean older = "older".equals(env.get("STANDIN_LOG_FORMAT"));
        try (Log log = new Log(cwd.resolve("hb_mapper_checker.log"), older, out)) {
            header(log, older);
            if (!List.of("onnx").equals(o.get("--model-type")) || !List.of("bayes-e").equals(o.get("--march"))
                    || o.get("--model") == null) {
                log.error("stand-in expects --model-type onnx --march bayes-e --model F, got " + args);
                return 1;
            }
            Path model = resolver.resolve(o.get("--model").get(0), cwd).host();
            if (!Files.isRegularFile(model) || "exit".equals(env.get("STANDIN_FAIL"))) {
                log.error("model file " + o.get("--model").get(0) + " does not exist or cannot be read");
                log.error("exception in command: checker");
                return 1;
            }
            log.info("Model type: onnx");
            log.info("input shapes: " + o.getOrDefault("--input-shape", List.of()));
            List<String[]> rows = new ArrayList<>();
            for (StandInLayers.Row r : StandInLayers.rows(Map.of(), Set.of(), true)) {
                if (!r.type().equals("HzRequantize") && !r.node().startsWith("HZ_PREPROCESS")) {
                    rows.add(new String[] {r.node(), r.on(), r.subgraph(), r.type(), older ? r.dataType()
                            : r.dataType().substring(r.dataType().indexOf('/') + 1)});
                }
            }
            log.info("The converted model node information:");
            log.table(List.of("Node", "ON", "Subgraph", "Type", older ? "In/Out DataType" : "DataType"), rows, rows.size());
            log.info("End to check the model.");
            return 0;
        }
    }

    @SuppressWarnings("unchecked")
    private static int makertbin(List<String> args, Path cwd, Resolver resolver, Map<String, String> env,
            PrintStream out) throws IOException {
        Map<String, List<String>> o;
        try {
            o = options(args, Set.of("--config", "--model-type"), Set.of());
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            out.println(e.getMessage());
            return 2;
        }
        if (o.get("--config") == null || !List.of("onnx").equals(o.get("--model-type"))) {
            out.println("Error: stand-in expects makertbin --config F --model-type onnx, got " + args);
            return 2;
        }
        boolean older = "older".equals(env.get("STANDIN_LOG_FORMAT"));
        Path logFile = cwd.resolve("hb_mapper_makertbin.log");
        try (Log log = new Log(logFile, older, out)) {
            log.info("log will be stored in " + logFile);
            header(log, older);
            log.info("Start Model Convert....");
            Path configFile = resolver.resolve(o.get("--config").get(0), cwd).host();
            String text = Files.isRegularFile(configFile) ? Files.readString(configFile) : null;
            String failWhen = env.get("STANDIN_FAIL_WHEN");
            String fail = text != null && (failWhen == null || text.contains(failWhen)) ? env.getOrDefault("STANDIN_FAIL", "") : "";
            Map<String, Object> yaml = null;
            try {
                Object loaded = text == null ? null : new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
                yaml = loaded instanceof Map ? (Map<String, Object>) loaded : null;
            } catch (RuntimeException e) {
                log.error("yaml syntax error: " + e.getMessage().lines().findFirst().orElse(""));
            }
            List<String> missing = new ArrayList<>();
            for (String group : List.of("model_parameters", "input_parameters", "calibration_parameters", "compiler_parameters")) {
                if (yaml == null || !(yaml.get(group) instanceof Map)) {
                    missing.add(group);
                }
            }
            Map<String, Object> model = missing.contains("model_parameters") ? Map.of() : (Map<String, Object>) yaml.get("model_parameters");
            if (missing.isEmpty() && model.get("onnx_model") == null) {
                missing.add("onnx_model");
            }
            if (text == null || !missing.isEmpty() || fail.equals("yaml")) {
                if (text == null) {
                    log.error("config file " + o.get("--config").get(0) + " does not exist");
                } else {
                    log.error("Key 'model_parameters' error:", "Missing keys: " + (missing.isEmpty() ? "'onnx_model'" : missing));
                }
                log.error("yaml file parse failed. Please double check your input");
                log.error("exception in command: makertbin");
                return 1;
            }
            Map<String, Object> cal = (Map<String, Object>) yaml.get("calibration_parameters");
            Path onnx = resolver.resolve(String.valueOf(model.get("onnx_model")), cwd).host();
            if (!Files.isRegularFile(onnx)) {
                log.error(model.get("onnx_model") + " does not exist in " + cwd);
                log.error("exception in command: makertbin");
                return 1;
            }
            log.info("Using onnx model file: " + model.get("onnx_model"));
            String calType = String.valueOf(cal.getOrDefault("calibration_type", "default"));
            if (!calType.equals("skip") && !calType.equals("load")) {
                Path calDir = resolver.resolve(String.valueOf(cal.get("cal_data_dir")), cwd).host();
                if (!Files.isDirectory(calDir)) {
                    log.error("cal_data_dir " + cal.get("cal_data_dir") + " does not exist");
                    log.error("exception in command: makertbin");
                    return 1;
                }
                try (var files = Files.list(calDir)) {
                    log.info("num of calibration data: " + files.filter(Files::isRegularFile).count());
                }
            }
            Resolved work = resolver.resolve(String.valueOf(model.getOrDefault("working_dir", "model_output")), cwd);
            if (!work.writable()) {
                log.error("[Errno 30] Read-only file system: '" + model.get("working_dir") + "'");
                log.error("exception in command: makertbin");
                return 1;
            }
            Files.createDirectories(work.host());
            String prefix = String.valueOf(model.get("output_model_file_prefix"));
            if (fail.equals("hang")) {
                hang(env, log);
            }
            for (String kind : List.of("original_float_model", "optimized_float_model", "calibrated_model", "quantized_model")) {
                Files.writeString(work.host().resolve(prefix + "_" + kind + ".onnx"),
                        "stand-in " + kind + " for " + prefix + "\n" + cal + "\n");
                log.info("Saving model to: " + prefix + "_" + kind + ".onnx.");
                if (kind.equals("optimized_float_model") && StandInLayers.selected(cal) != null) {
                    log.info("Run calibration model with modelwise search method.");
                    log.info("Select " + StandInLayers.selected(cal) + " method.");
                }
            }
            log.info("FPS=412.5, latency = 2424.2 us, DDR = 9241344 bytes   (see main_graph_subgraph_0.html)");
            List<StandInLayers.Row> rows = StandInLayers.rows(cal, int16Nodes(model), older);
            List<String[]> cells = new ArrayList<>();
            for (StandInLayers.Row r : rows) {
                cells.add(new String[] {r.node(), r.on(), r.subgraph(), r.type(), num(r.cosine()), num(r.threshold()), r.dataType()});
            }
            if (fail.equals("exit")) {
                log.error("[ONNXRuntimeError] : 1 : FAIL : stand-in failure during calibration");
                log.error("exception in command: makertbin");
                return 1;
            }
            log.info("The main quantized node information:");
            List<String> columns = List.of("Node", "ON", "Subgraph", "Type", "Cosine Similarity", "Threshold",
                    older ? "In/Out DataType" : "DataType");
            if (fail.equals("crash")) {
                log.table(columns, cells, cells.size() / 2);
                log.flush();
                Runtime.getRuntime().halt(134); // as a crash ends it: no marker, no cleanup
            }
            log.table(columns, cells, cells.size());
            double[] output = StandInLayers.output(rows);
            log.info(older ? "The quantify model output:" : "The quantized model output:");
            log.table(List.of(older ? "Node" : "Output", "Cosine Similarity", "L1 Distance", "L2 Distance", "Chebyshev Distance"),
                    List.<String[]>of(new String[] {older ? "/classifier/Gemm" : "output", num(output[0]), num(output[1]),
                        num(output[2]), num(output[3])}), 1);
            log.info("End to Horizon NN Model Convert.");
            Files.writeString(work.host().resolve(prefix + ".bin"), "stand-in bin for " + prefix + "\n" + cal + "\n");
            log.info(older ? "----------- dependency info ------------" : "############# model deps info #############");
            log.info(older ? "hb mapper version: 1.23.8" : "hb_mapper version   : 1.24.3");
            log.info("onnx_model          : " + model.get("onnx_model"));
            log.info("calibration_type:   : " + calType);
            log.info("per_channel         : " + cal.getOrDefault("per_channel", "False"));
            log.info("Convert to runtime bin file successfully!");
            log.info("End Model Convert");
            return 0;
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> int16Nodes(Map<String, Object> model) {
        Set<String> nodes = new HashSet<>();
        if (model.get("node_info") instanceof Map<?, ?> info) {
            info.forEach((k, v) -> {
                if (v instanceof Map<?, ?> m && String.valueOf(m.get("InputType")).contains("int16")) {
                    nodes.add(String.valueOf(k));
                }
            });
        }
        return nodes;
    }

    private static void hang(Map<String, String> env, Log log) throws IOException {
        Path sleep = Files.exists(Path.of("/bin/sleep")) ? Path.of("/bin/sleep") : Path.of("/usr/bin/sleep");
        Process child = new ProcessBuilder(sleep.toString(), "300").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path state = Path.of(env.getOrDefault(StandIns.STATE, "."));
        Files.writeString(state.resolve("hang-child.pid"), Long.toString(child.pid()));
        Files.writeString(state.resolve("hang-self.pid"), Long.toString(ProcessHandle.current().pid()));
        // Announced only once the child exists, so whoever reacts to the line finds the whole tree.
        log.info("Start to calibrate the model.");
        log.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void header(Log log, boolean older) {
        log.info("Start hb_mapper....");
        log.info(older ? "hbdk version 3.48.6" : "hbdk version 3.49.15");
        log.info(older ? "horizon_nn version 1.0.9" : "horizon_nn version 1.1.0");
        log.info(older ? "hb_mapper version 1.23.8" : "hb_mapper version 1.24.3");
    }

    private static String num(Double v) {
        return v == null ? "--" : String.format(Locale.ROOT, "%.6f", v);
    }

    /** Writes each line to the log file and the console, with the prefix of the chosen layout. */
    private static final class Log implements AutoCloseable {
        private final Writer file;
        private final PrintStream out;
        private final boolean older;
        private int line = 100;

        Log(Path path, boolean older, PrintStream out) throws IOException {
            this.file = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            this.out = out;
            this.older = older;
        }

        void info(String message) {
            write(prefix("INFO") + message);
        }

        void error(String... message) {
            write(prefix("ERROR") + (older ? "" : "ERROR ") + message[0]);
            for (int i = 1; i < message.length; i++) {
                write(message[i]);
            }
        }

        void table(List<String> columns, List<String[]> rows, int count) {
            int[] widths = new int[columns.size()];
            for (int c = 0; c < widths.length; c++) {
                widths[c] = columns.get(c).length();
                for (String[] r : rows) {
                    widths[c] = Math.max(widths[c], r[c].length());
                }
                widths[c] += 2;
            }
            int total = Arrays.stream(widths).sum();
            write("=".repeat(total));
            write(pad(columns.toArray(new String[0]), widths));
            write("-".repeat(total));
            for (int i = 0; i < count; i++) {
                write(pad(rows.get(i), widths));
            }
        }

        private static String pad(String[] cells, int[] widths) {
            StringBuilder s = new StringBuilder();
            for (int c = 0; c < cells.length; c++) {
                s.append(String.format(Locale.ROOT, "%-" + widths[c] + "s", cells[c]));
            }
            return s.toString();
        }

        private String prefix(String level) {
            String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS"));
            return older ? time + " " + level + " " : time + " file: stand_in.py func: stand_in line No: " + (line++) + " ";
        }

        private void write(String text) {
            try {
                file.write(text);
                file.write('\n');
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            out.println(text);
        }

        void flush() {
            try {
                file.flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            out.flush();
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}

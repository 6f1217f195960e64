package org.rdkzoo.mapperconfigs.logs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rdkzoo.evaluator.similarity.LayerSimilarity;
import org.rdkzoo.evaluator.similarity.OutputSimilarity;

/**
 * What {@code hb_mapper makertbin} wrote to {@code hb_mapper_makertbin.log}: versions, the parameters it
 * echoed, the per-layer and per-output similarity tables, progress markers and errors. Both documented
 * layouts are read: the newer one (hb_mapper 1.24: a {@code DataType} column, an {@code Output} table
 * after "The quantized model output") and the older one (hb_mapper 1.23 / OE 1.2.x: {@code In/Out
 * DataType}, a {@code Node} output table after "The quantify model output"). A log cut short by a
 * crash or a kill parses too: whatever it holds is kept.
 *
 * @param format            which layout the tables use
 * @param versions          {@code hb_mapper}, {@code hbdk}, {@code hbdk_runtime}, {@code horizon_nn}, as found
 * @param parameters        the effective parameters echoed after "model deps info", as printed
 * @param layers            the per-layer table ("main quantized node information"), empty when absent
 * @param outputs           the output table, empty when absent
 * @param convertedToBin    "Convert to runtime bin file successfully!" was logged
 * @param ended             "End Model Convert" was logged
 * @param errors            ERROR messages, in order
 * @param savedModels       files named by "Saving model to:" lines
 * @param calibrationMethod the method the {@code default} search selected ("Select max method."), or null
 * @param calibrationSamples number of calibration samples read, or null
 * @param estimate          the compiler's static estimate, or null
 */
public record MakertbinLog(
        Format format,
        Map<String, String> versions,
        Map<String, String> parameters,
        List<LayerSimilarity> layers,
        List<OutputSimilarity> outputs,
        boolean convertedToBin,
        boolean ended,
        List<String> errors,
        List<String> savedModels,
        String calibrationMethod,
        Integer calibrationSamples,
        CompileEstimate estimate) {

    /** The layout of the similarity tables. */
    public enum Format {
        /** hb_mapper 1.24: {@code DataType}, {@code Output} table. */
        NEWER,
        /** hb_mapper 1.23 and OE 1.2.x: {@code In/Out DataType}, {@code Node} output table. */
        OLDER,
        /** No table in the log (a run that failed early). */
        NONE
    }

    /**
     * The compiler's static performance estimate for the BPU part.
     *
     * @param fps       frames per second
     * @param latencyUs latency in microseconds
     * @param ddrBytes  DDR traffic per frame
     */
    public record CompileEstimate(double fps, double latencyUs, long ddrBytes) {
    }

    private static final Pattern SAVED = Pattern.compile("^Saving model to:\\s*(.+?)\\.?$");
    private static final Pattern SELECTED = Pattern.compile("^Select (\\w+) method\\.?$");
    private static final Pattern SAMPLES = Pattern.compile("^(?:num of calibration data:\\s*(\\d+)|There are (\\d+) samples in the data set\\.?)$");
    private static final Pattern ESTIMATE = Pattern.compile(
            "FPS=([\\d.]+),\\s*latency\\s*=\\s*([\\d.]+)\\s*us,\\s*DDR\\s*=\\s*(\\d+)\\s*bytes");
    private static final Pattern ECHO_START = Pattern.compile("(model deps info|dependency info)");
    private static final Pattern ECHO = Pattern.compile("^([A-Za-z][\\w&/\\- ]*?)\\s*:[\\s:]*(.*)$");

    public MakertbinLog {
        versions = Map.copyOf(versions);
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        layers = List.copyOf(layers);
        outputs = List.copyOf(outputs);
        errors = List.copyOf(errors);
        savedModels = List.copyOf(savedModels);
    }

    public static MakertbinLog parse(Path log) throws IOException {
        return parse(LogText.read(log));
    }

    public static MakertbinLog parse(String text) {
        return parse(LogText.lines(text));
    }

    static MakertbinLog parse(List<String> lines) {
        LogTable layerTable = null;
        for (LogTable t : LogTable.findAll(lines, "Node")) {
            if (t.has("ON") && t.has("Cosine Similarity")) {
                layerTable = t;
            }
        }
        LogTable outputTable = null;
        for (LogTable t : LogTable.findAll(lines, "Output", "Node")) {
            if (t.has("L1 Distance") || t.has("Chebyshev Distance")) {
                outputTable = t;
            }
        }
        List<LayerSimilarity> layers = new ArrayList<>();
        Format format = Format.NONE;
        if (layerTable != null) {
            format = layerTable.has("In/Out DataType") ? Format.OLDER : Format.NEWER;
            String typeColumn = format == Format.OLDER ? "In/Out DataType" : "DataType";
            for (Map<String, String> row : layerTable.rows()) {
                layers.add(new LayerSimilarity(row.get("Node"), row.get("ON"), LogText.text(row.get("Subgraph")),
                        row.get("Type"), LogText.number(row.get("Cosine Similarity")),
                        LogText.number(row.get("Threshold")), LogText.text(row.get(typeColumn))));
            }
        }
        List<OutputSimilarity> outputs = new ArrayList<>();
        if (outputTable != null) {
            String nameColumn = outputTable.columns().get(0);
            if (format == Format.NONE) {
                format = nameColumn.equals("Node") ? Format.OLDER : Format.NEWER;
            }
            for (Map<String, String> row : outputTable.rows()) {
                outputs.add(new OutputSimilarity(row.get(nameColumn), LogText.number(row.get("Cosine Similarity")),
                        LogText.number(row.get("L1 Distance")), LogText.number(row.get("L2 Distance")),
                        LogText.number(row.get("Chebyshev Distance"))));
            }
        }

        boolean converted = false;
        boolean ended = false;
        boolean echoing = false;
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> saved = new ArrayList<>();
        String method = null;
        Integer samples = null;
        CompileEstimate estimate = null;
        for (String raw : lines) {
            if (!LogLine.isLogLine(raw)) {
                continue; // table rows, dumped YAML, tracebacks
            }
            String message = LogLine.parse(raw).message();
            if (message.contains("Convert to runtime bin file successfully")) {
                converted = true;
                echoing = false;
            }
            if (message.startsWith("End Model Convert")) {
                ended = true;
            }
            Matcher m;
            if (ECHO_START.matcher(message).find()) {
                echoing = true;
            } else if (echoing && !message.startsWith("#") && !message.startsWith("-")
                    && (m = ECHO.matcher(message)).matches()) {
                parameters.merge(m.group(1).strip(), m.group(2).strip(), (a, b) -> a.equals(b) ? a : a + "; " + b);
            }
            if ((m = SAVED.matcher(message)).matches()) {
                saved.add(m.group(1));
            } else if ((m = SELECTED.matcher(message)).matches()) {
                method = m.group(1);
            } else if ((m = SAMPLES.matcher(message)).matches() && samples == null) {
                samples = Integer.valueOf(m.group(1) != null ? m.group(1) : m.group(2));
            } else if ((m = ESTIMATE.matcher(message)).find()) {
                estimate = new CompileEstimate(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                        Long.parseLong(m.group(3)));
            }
        }
        return new MakertbinLog(format, LogText.versions(lines), parameters, layers, outputs, converted, ended,
                LogText.errors(lines), saved, method, samples, estimate);
    }

    /** Both success markers were logged. */
    public boolean succeeded() {
        return convertedToBin && ended && errors.stream().noneMatch(e -> e.contains("exception in command"));
    }

    /** hb_mapper refused the YAML ("yaml file parse failed"). */
    public boolean configRejected() {
        return errors.stream().anyMatch(e -> e.contains("yaml file parse failed"));
    }

    /** A one-line account of what went wrong: the first errors, most specific first. */
    public String failureSummary() {
        List<String> specific = errors.stream()
                .filter(e -> !e.startsWith("exception in command"))
                .limit(3)
                .toList();
        return specific.isEmpty() ? String.join("; ", errors) : String.join("; ", specific);
    }
}

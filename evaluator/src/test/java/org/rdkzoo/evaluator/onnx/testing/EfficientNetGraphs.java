package org.rdkzoo.evaluator.onnx.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import org.rdkzoo.evaluator.onnx.DataType;
import org.rdkzoo.evaluator.onnx.OnnxBuilder;
import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.evaluator.onnx.Tensors;

/**
 * Generates ONNX graphs shaped like timm's {@code efficientnet_b*} as the zoo exports them
 * ({@code torch.onnx.export(..., opset_version=11, input_names=["data"], output_names=["output"])}
 * then onnxsim): BatchNorm folded into the convolutions, SiLU as Sigmoid + Mul, squeeze-and-excite
 * blocks, depthwise convolutions, and the node names torch gives them, such as
 * {@code /blocks/blocks.6/blocks.6.0/se/ReduceMean}. The weights are seeded random numbers, scaled so
 * that activations stay in a sane range; they classify nothing. A stand-in for the real models,
 * which cannot be downloaded here.
 *
 * <p>Run {@code main} to write one to a file (used by benchmark scripts):
 * {@code java -cp ... EfficientNetGraphs b2 efficientnet_b2.onnx [seed]}.
 */
public final class EfficientNetGraphs {
    /** The int16 nodes of the zoo's EfficientNet B2 and B4 configs ({@code node_info}). */
    public static final List<String> ZOO_INT16_NODES = List.of(
            "/blocks/blocks.5/blocks.5.0/conv_pwl/Conv",
            "/blocks/blocks.0/blocks.0.0/conv_dw/Conv",
            "/blocks/blocks.6/blocks.6.0/conv_pwl/Conv",
            "/blocks/blocks.6/blocks.6.0/se/Mul",
            "/blocks/blocks.6/blocks.6.0/se/ReduceMean",
            "/blocks/blocks.6/blocks.6.0/conv_dw/Conv");

    public static final String INPUT = "data";
    public static final String OUTPUT = "output";
    public static final int OPSET = 11;


    /** timm's EfficientNet stages: block type, repeats, kernel, stride, expansion, output channels. */
    private static final int[][] STAGES = {
        // ds/ir (0 = depthwise-separable, 1 = inverted residual), repeats, kernel, stride, expansion, channels
        {0, 1, 3, 1, 1, 16},
        {1, 2, 3, 2, 6, 24},
        {1, 2, 5, 2, 6, 40},
        {1, 3, 3, 2, 6, 80},
        {1, 3, 5, 1, 6, 112},
        {1, 4, 5, 2, 6, 192},
        {1, 1, 3, 1, 6, 320},
    };

    /**
     * What to generate.
     *
     * @param name       a label ({@code b2}...)
     * @param width      channel multiplier (timm's {@code channel_multiplier})
     * @param depth      repeat multiplier (timm's {@code depth_multiplier}, rounded up per stage)
     * @param resolution input height and width
     * @param classes    classifier outputs
     * @param seed       weight seed: the same spec gives the same bytes
     */
    public record Spec(String name, double width, double depth, int resolution, int classes, long seed) {
        public Spec withSeed(long newSeed) {
            return new Spec(name, width, depth, resolution, classes, newSeed);
        }
    }

    private static final Map<Spec, OnnxModel> CACHE = new ConcurrentHashMap<>();

    private EfficientNetGraphs() {
    }

    /** timm efficientnet_b2: width 1.1, depth 1.2 (23 blocks, about 9.1 M parameters). */
    public static Spec b2() {
        return new Spec("b2", 1.1, 1.2, 224, 1000, 2);
    }

    public static Spec b3() {
        return new Spec("b3", 1.2, 1.4, 224, 1000, 3);
    }

    public static Spec b4() {
        return new Spec("b4", 1.4, 1.8, 224, 1000, 4);
    }

    /** One block per stage and narrow channels: every layer kind and every zoo node name, in milliseconds. */
    public static Spec tiny() {
        return new Spec("tiny", 0.25, 0.1, 224, 1000, 1);
    }

    /**
     * The graph for a spec. Built once per JVM and spec (normalising a full-size graph runs it about a
     * hundred times in ONNX Runtime, some seconds); models are immutable, so callers share it.
     */
    public static OnnxModel build(Spec spec) {
        return CACHE.computeIfAbsent(spec, s -> new Generator(s).generate());
    }

    public static Path write(Spec spec, Path file) throws IOException {
        build(spec).save(file);
        return file;
    }

    /** timm's {@code make_divisible(v, 8)}: round to a multiple of 8, never more than 10 % down. */
    static int roundChannels(double channels) {
        int divisor = 8;
        int v = Math.max(divisor, (int) (channels + divisor / 2.0) / divisor * divisor);
        if (v < 0.9 * channels) {
            v += divisor;
        }
        return v;
    }

    /** Number of blocks in each stage for a depth multiplier. */
    public static int[] repeats(double depth) {
        int[] r = new int[STAGES.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (int) Math.ceil(STAGES[i][1] * depth);
        }
        return r;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: EfficientNetGraphs b2|b3|b4|tiny OUT.onnx [seed]");
            System.exit(2);
        }
        Spec spec = switch (args[0]) {
            case "b2" -> b2();
            case "b3" -> b3();
            case "b4" -> b4();
            case "tiny" -> tiny();
            default -> throw new IllegalArgumentException("unknown variant " + args[0]);
        };
        if (args.length > 2) {
            spec = spec.withSeed(Long.parseLong(args[2]));
        }
        write(spec, Path.of(args[1]));
    }

    /** Builds one graph; holds the running tensor name and the random source. */
    private static final class Generator {
        private final Spec spec;
        private final Random random;
        private final OnnxBuilder g;
        private final List<Normalizer.Conv> convs = new ArrayList<>();

        Generator(Spec spec) {
            this.spec = spec;
            this.random = new Random(spec.seed());
            this.g = new OnnxBuilder("main_graph", OPSET).producer("rdkzoo EfficientNetGraphs (stand-in for a timm export)");
        }

        OnnxModel generate() {
            g.input(INPUT, DataType.FLOAT, 1, 3, spec.resolution(), spec.resolution());
            int stem = roundChannels(32 * spec.width());
            String x = conv("/conv_stem", "conv_stem", INPUT, 3, stem, 3, 2, 1, 2.0);
            x = silu("/bn1/act", x);
            int in = stem;
            int[] repeats = repeats(spec.depth());
            for (int s = 0; s < STAGES.length; s++) {
                int[] st = STAGES[s];
                int out = roundChannels(st[5] * spec.width());
                for (int b = 0; b < repeats[s]; b++) {
                    String prefix = "/blocks/blocks." + s + "/blocks." + s + "." + b;
                    String param = "blocks." + s + "." + b;
                    int stride = b == 0 ? st[3] : 1;
                    x = st[0] == 0 ? depthwiseSeparable(prefix, param, x, in, out, st[2], stride)
                            : invertedResidual(prefix, param, x, in, out, st[2], stride, st[4]);
                    in = out;
                }
            }
            int features = roundChannels(1280 * spec.width());
            x = conv("/conv_head", "conv_head", x, in, features, 1, 1, 1, 2.0);
            x = silu("/bn2/act", x);
            String pooled = "/global_pool/pool/GlobalAveragePool_output_0";
            g.node("GlobalAveragePool", "/global_pool/pool/GlobalAveragePool", List.of(x), List.of(pooled));
            String flat = "/global_pool/flatten/Flatten_output_0";
            g.node("Flatten", "/global_pool/flatten/Flatten", List.of(pooled), List.of(flat), OnnxBuilder.attr("axis", 1L));
            g.initializer(Tensors.floats("classifier.weight", new long[] {spec.classes(), features},
                    gaussian(spec.classes() * features, Math.sqrt(1.0 / features))));
            g.initializer(Tensors.floats("classifier.bias", new long[] {spec.classes()}, gaussian(spec.classes(), 0.01)));
            g.node("Gemm", "/classifier/Gemm", List.of(flat, "classifier.weight", "classifier.bias"), List.of(OUTPUT),
                    OnnxBuilder.attr("alpha", 1.0f), OnnxBuilder.attr("beta", 1.0f), OnnxBuilder.attr("transB", 1L));
            g.output(OUTPUT, DataType.FLOAT, 1, spec.classes());
            return Normalizer.normalize(g.build(), convs, spec.seed(), spec.resolution());
        }

        /** timm DepthwiseSeparableConv: conv_dw, bn1+SiLU, se, conv_pw, bn2 (no activation), skip. */
        private String depthwiseSeparable(String prefix, String param, String x, int in, int out, int k, int stride) {
            String y = conv(prefix + "/conv_dw", param + ".conv_dw", x, in, in, k, stride, in, 2.0);
            y = silu(prefix + "/bn1/act", y);
            y = squeezeExcite(prefix + "/se", param + ".se", y, in, in);
            y = conv(prefix + "/conv_pw", param + ".conv_pw", y, in, out, 1, 1, 1, 1.0);
            markProjection();
            return stride == 1 && in == out ? add(prefix, x, y) : y;
        }

        /** timm InvertedResidual: conv_pw, bn1+SiLU, conv_dw, bn2+SiLU, se, conv_pwl, bn3, skip. */
        private String invertedResidual(String prefix, String param, String x, int in, int out, int k, int stride, int exp) {
            int mid = roundChannels(in * (double) exp);
            String y = conv(prefix + "/conv_pw", param + ".conv_pw", x, in, mid, 1, 1, 1, 2.0);
            y = silu(prefix + "/bn1/act", y);
            y = conv(prefix + "/conv_dw", param + ".conv_dw", y, mid, mid, k, stride, mid, 2.0);
            y = silu(prefix + "/bn2/act", y);
            y = squeezeExcite(prefix + "/se", param + ".se", y, mid, in);
            y = conv(prefix + "/conv_pwl", param + ".conv_pwl", y, mid, out, 1, 1, 1, 1.0);
            markProjection();
            return stride == 1 && in == out ? add(prefix, x, y) : y;
        }

        /** timm SqueezeExcite: mean over H, W; conv_reduce; SiLU; conv_expand; sigmoid gate; multiply. */
        private String squeezeExcite(String prefix, String param, String x, int channels, int blockIn) {
            int reduced = Math.max(1, (int) Math.round(blockIn * 0.25));
            String mean = prefix + "/ReduceMean_output_0";
            g.node("ReduceMean", prefix + "/ReduceMean", List.of(x), List.of(mean),
                    OnnxBuilder.attrInts("axes", 2, 3), OnnxBuilder.attr("keepdims", 1L));
            String r = conv(prefix + "/conv_reduce", param + ".conv_reduce", mean, channels, reduced, 1, 1, 1, 2.0);
            r = silu(prefix + "/act1", r);
            String e = conv(prefix + "/conv_expand", param + ".conv_expand", r, reduced, channels, 1, 1, 1, 1.0);
            String gate = prefix + "/gate/Sigmoid_output_0";
            g.node("Sigmoid", prefix + "/gate/Sigmoid", List.of(e), List.of(gate));
            String out = prefix + "/Mul_output_0";
            g.node("Mul", prefix + "/Mul", List.of(x, gate), List.of(out));
            return out;
        }

        /** A convolution with its BatchNorm folded in (hence always a bias), He-scaled by {@code gain}. */
        private String conv(String nodePrefix, String param, String x, int in, int out, int k, int stride, int group,
                double gain) {
            int fanIn = in / group * k * k;
            String w = param + ".weight";
            String b = param + ".bias";
            g.initializer(Tensors.floats(w, new long[] {out, in / group, k, k},
                    gaussian(out * (in / group) * k * k, Math.sqrt(gain / fanIn))));
            g.initializer(Tensors.floats(b, new long[] {out}, gaussian(out, 0.05)));
            String y = nodePrefix + "/Conv_output_0";
            convs.add(new Normalizer.Conv(w, b, y, false));
            g.node("Conv", nodePrefix + "/Conv", List.of(x, w, b), List.of(y),
                    OnnxBuilder.attrInts("dilations", 1, 1), OnnxBuilder.attr("group", (long) group),
                    OnnxBuilder.attrInts("kernel_shape", k, k), OnnxBuilder.attrInts("pads", k / 2, k / 2, k / 2, k / 2),
                    OnnxBuilder.attrInts("strides", stride, stride));
            return y;
        }

        /** The last conv ends a residual branch: BatchNorm there keeps it smaller, as trained networks do. */
        private void markProjection() {
            Normalizer.Conv last = convs.remove(convs.size() - 1);
            convs.add(new Normalizer.Conv(last.weight(), last.bias(), last.output(), true));
        }

        /** SiLU as torch exports it at opset 11: x * Sigmoid(x). */
        private String silu(String prefix, String x) {
            String s = prefix + "/Sigmoid_output_0";
            g.node("Sigmoid", prefix + "/Sigmoid", List.of(x), List.of(s));
            String m = prefix + "/Mul_output_0";
            g.node("Mul", prefix + "/Mul", List.of(x, s), List.of(m));
            return m;
        }

        private String add(String prefix, String a, String b) {
            String y = prefix + "/Add_output_0";
            g.node("Add", prefix + "/Add", List.of(a, b), List.of(y));
            return y;
        }

        private float[] gaussian(int n, double std) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = (float) (random.nextGaussian() * std);
            }
            return v;
        }
    }

    /** All conv node names of a generated graph, in order (for tests that pick nodes). */
    public static List<String> convNodes(OnnxModel model) {
        List<String> names = new ArrayList<>();
        model.nodes().forEach(n -> {
            if ("Conv".equals(n.opType())) {
                names.add(n.name());
            }
        });
        return names;
    }
}

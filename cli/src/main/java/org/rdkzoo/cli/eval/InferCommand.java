package org.rdkzoo.cli.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.rdkzoo.cli.CliContext;
import org.rdkzoo.cli.CliException;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.cli.board.LibdnnOption;
import org.rdkzoo.cli.models.ZooOptions;
import org.rdkzoo.evaluator.InvalidInputException;
import org.rdkzoo.evaluator.backend.BackendException;
import org.rdkzoo.evaluator.backend.BpuBackend;
import org.rdkzoo.evaluator.backend.InferenceBackend;
import org.rdkzoo.evaluator.backend.OrtBackend;
import org.rdkzoo.evaluator.eval.BoardPreprocessing;
import org.rdkzoo.evaluator.eval.Classifier;
import org.rdkzoo.evaluator.eval.LabelResolver;
import org.rdkzoo.evaluator.eval.PreprocessDefaults;
import org.rdkzoo.evaluator.eval.PreprocessOverrides;
import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.labels.LabelMap;
import org.rdkzoo.evaluator.labels.LabelMaps;
import org.rdkzoo.runtime.Libdnn;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rdkzoo infer}: the top classes of a few images, with names and scores, like the zoo's notebooks; an ONNX
 * model on ONNX Runtime or a {@code .bin} on the BPU.
 */
@Command(
        name = "infer",
        mixinStandardHelpOptions = true,
        header = "Classify images with an .onnx or a .bin (on the BPU): top-K classes with names and scores.",
        description = {
            "Decodes and preprocesses each image as 'eval' does (same options and defaults), runs the model (an "
                    + ".onnx on ONNX Runtime, a .bin on the BPU of an RDK X5) and prints its best classes. Class "
                    + "names come from --labels, or from the built-in 1000 ImageNet classes.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  rdkzoo infer --model mobilenetv2-12-int8.onnx cat.jpg dog.jpg",
            "  rdkzoo infer --model /opt/hobot/model/x5/basic/EfficientNet_B2_224x224_nv12.bin redshank.jpg",
            "  rdkzoo infer --model mobilenet_v1_0.5_128_quant.onnx --labels labels_imagenet_1001_st.txt --top 3 cat.jpg",
            "",
            "Exit codes: 0 done, 2 bad input or an unreadable image (the others are still classified).",
        })
public final class InferCommand implements Callable<Integer> {
    /** One image's answer in the JSON output. */
    record ImageAnswer(String image, List<Classifier.Ranked> top, String error) {
    }

    private final CliContext context;

    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "An .onnx or .bin file, or a catalog name (as for eval: its .onnx, or its .bin when named by "
                    + "the .bin's name or with --bpu).")
    String model;

    @Option(names = "--bpu", description = "A catalog name means its cached .bin, run on the BPU.")
    boolean bpu;

    @Option(names = "--model-name", paramLabel = "NAME",
            description = "A .bin that packs several models: the one to run (default: the first).")
    String modelName;

    @Mixin
    ZooOptions zooOptions;

    @Mixin
    LibdnnOption libdnn;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Images to classify.")
    List<Path> images;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Class names (synset_words.txt, imagenet_class_index.json, ImageNet_1k.json, one per line).")
    Path labels;

    @Option(names = "--label-offset", paramLabel = "K",
            description = "Model class = label index + K (1 for 1001-class models; default from the label file).")
    Integer labelOffset;

    @Option(names = "--top", paramLabel = "K", description = "How many classes to show (default: ${DEFAULT-VALUE}).")
    int top = 5;

    @Mixin
    PreprocessOptions preprocessing;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    OutputFormat format = OutputFormat.TEXT;

    InferCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (top < 1) {
            throw new CliException(ExitCodes.USAGE, "--top must be at least 1, was " + top);
        }
        ModelLocator.Located located = ModelLocator.locate(context, zooOptions, model, bpu);
        try (InferenceBackend backend = open(located)) {
            LabelMap map = labels == null ? LabelMaps.imagenet() : LabelMaps.read(labels);
            int offset = labelOffset != null ? labelOffset : map.impliedOffset();
            LabelResolver.checkFits(located.file().toString(), backend.describe().classes(), map, offset);
            PreprocessOverrides overrides = preprocessing.overrides();
            if (backend instanceof BpuBackend board) {
                overrides = BoardPreprocessing.overrides(overrides, board);
            }
            PreprocessSpec spec = PreprocessDefaults.resolve(backend.describe(), overrides);
            Classifier classifier = new Classifier(backend, spec, map, offset);
            List<ImageAnswer> answers = new ArrayList<>();
            for (Path image : images) {
                try {
                    answers.add(new ImageAnswer(image.toString(), classifier.classify(image, top), null));
                } catch (BackendException e) {
                    throw e;
                } catch (IOException e) {
                    answers.add(new ImageAnswer(image.toString(), List.of(), e.getMessage()));
                    context.err().println("rdkzoo: error: " + e.getMessage());
                    context.err().flush();
                }
            }
            render(answers);
            return answers.stream().anyMatch(a -> a.error() != null) ? ExitCodes.USAGE : ExitCodes.OK;
        } catch (InvalidInputException | BackendException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
    }

    private InferenceBackend open(ModelLocator.Located located) throws BackendException {
        if (!located.bin()) {
            return OrtBackend.open(located.file(), OrtBackend.Options.defaults());
        }
        Libdnn loaded = libdnn.load(context);
        return BpuBackend.open(loaded, located.file(), BpuBackend.Options.defaults().withModelName(modelName));
    }

    private void render(List<ImageAnswer> answers) {
        if (format == OutputFormat.JSON) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", model);
            doc.put("images", answers);
            context.out().println(Json.write(doc));
        } else {
            for (ImageAnswer a : answers) {
                if (a.error() != null) {
                    continue;
                }
                context.out().println(a.image());
                int rank = 1;
                for (Classifier.Ranked r : a.top()) {
                    context.out().println(String.format(Locale.ROOT, "  %d. %-40s %7.4f  (class %d)", rank++, r.name(),
                            r.score(), r.index()));
                }
            }
        }
        context.out().flush();
    }
}

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
import org.rdkzoo.evaluator.InvalidInputException;
import org.rdkzoo.evaluator.backend.BackendException;
import org.rdkzoo.evaluator.backend.OrtBackend;
import org.rdkzoo.evaluator.eval.Classifier;
import org.rdkzoo.evaluator.eval.LabelResolver;
import org.rdkzoo.evaluator.eval.PreprocessDefaults;
import org.rdkzoo.evaluator.image.PreprocessSpec;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.evaluator.labels.LabelMap;
import org.rdkzoo.evaluator.labels.LabelMaps;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rdkzoo infer}: the top classes of a few images, with names and scores, like the zoo's notebooks. */
@Command(
        name = "infer",
        mixinStandardHelpOptions = true,
        header = "Classify images with an ONNX model: top-K classes with names and scores.",
        description = {
            "Decodes and preprocesses each image as 'eval' does (same options and defaults), runs the model on ONNX "
                    + "Runtime and prints its best classes. Class names come from --labels, or from the built-in "
                    + "1000 ImageNet classes.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  rdkzoo infer --model mobilenetv2-12-int8.onnx cat.jpg dog.jpg",
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
            description = "The .onnx file, or a catalog id whose cached .onnx is used.")
    String model;

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
        ModelLocator.Located located = ModelLocator.locate(context, model);
        try (OrtBackend backend = OrtBackend.open(located.file(), OrtBackend.Options.defaults())) {
            LabelMap map = labels == null ? LabelMaps.imagenet() : LabelMaps.read(labels);
            int offset = labelOffset != null ? labelOffset : map.impliedOffset();
            LabelResolver.checkFits(located.file().toString(), backend.describe().classes(), map, offset);
            PreprocessSpec spec = PreprocessDefaults.resolve(backend.describe(), preprocessing.overrides());
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

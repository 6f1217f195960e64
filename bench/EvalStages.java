/*
 * Times the two halves of `rdkzoo eval` apart, for bench/eval.sh:
 *   decode: read + decode + preprocess every image on T threads (tensors dropped), no inference;
 *   infer:  inference alone, in batches of B, on tensors decoded and preprocessed beforehand (untimed).
 * Same dataset, model, preprocessing defaults and thread counts as `rdkzoo eval`; it reuses its classes.
 *
 *   java -cp cli/target/rdkzoo.jar bench/EvalStages.java decode|infer MODEL DATA THREADS BATCH [MEAN SCALE]
 *
 * Prints one line: "<stage> <images> images <seconds> s <images/s> img/s".
 */
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.rdkzoo.evaluator.backend.Batch;
import org.rdkzoo.evaluator.backend.ModelInput;
import org.rdkzoo.evaluator.backend.OrtBackend;
import org.rdkzoo.evaluator.dataset.Dataset;
import org.rdkzoo.evaluator.dataset.Datasets;
import org.rdkzoo.evaluator.dataset.EncodedImage;
import org.rdkzoo.evaluator.dataset.ImageEntry;
import org.rdkzoo.evaluator.dataset.ImageStream;
import org.rdkzoo.evaluator.eval.ImagePreparer;
import org.rdkzoo.evaluator.eval.InputBuffers;
import org.rdkzoo.evaluator.eval.PreprocessDefaults;
import org.rdkzoo.evaluator.eval.PreprocessOverrides;
import org.rdkzoo.evaluator.image.PreprocessSpec;

public class EvalStages {
    public static void main(String[] args) throws Exception {
        String stage = args[0];
        Path model = Path.of(args[1]);
        Path data = Path.of(args[2]);
        int threads = Integer.parseInt(args[3]);
        int batch = Integer.parseInt(args[4]);
        PreprocessOverrides overrides = PreprocessOverrides.none();
        if (args.length > 6) {
            overrides = overrides.withNormalisation(List.of(Double.parseDouble(args[5])),
                    List.of(1 / Double.parseDouble(args[6])));
        }
        Dataset dataset = Datasets.open(data, null, null);
        List<ImageEntry> entries = dataset.manifest().entries();
        try (OrtBackend backend = OrtBackend.open(model, new OrtBackend.Options(0))) {
            PreprocessSpec spec = PreprocessDefaults.resolve(backend.describe(), overrides);
            ImagePreparer preparer = new ImagePreparer(spec, backend.describe().inputForm());
            if (stage.equals("decode")) {
                long t0 = System.nanoTime();
                List<ModelInput> none = prepareAll(dataset, entries, preparer, threads, false);
                report("decode", entries.size(), t0);
                if (!none.isEmpty()) {
                    throw new AssertionError();
                }
            } else {
                List<ModelInput> inputs = prepareAll(dataset, entries, preparer, threads, true);
                long t0 = System.nanoTime();
                for (int i = 0; i < inputs.size(); i += batch) {
                    backend.infer(new Batch(inputs.subList(i, Math.min(inputs.size(), i + batch)), spec.height(),
                            spec.width()));
                }
                report("infer", inputs.size(), t0);
            }
        }
    }

    /**
     * Reads on this thread and prepares on a pool, like the pipeline (recycling tensor arrays as it does); keeps
     * the tensors only when asked.
     */
    private static List<ModelInput> prepareAll(Dataset dataset, List<ImageEntry> entries, ImagePreparer preparer,
            int threads, boolean keep) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        InputBuffers buffers = keep ? InputBuffers.none(preparer.elements())
                : new InputBuffers(preparer.elements(), 8 * threads);
        List<ModelInput> kept = new ArrayList<>();
        List<Future<ModelInput>> window = new ArrayList<>();
        try (ImageStream images = dataset.open(entries)) {
            for (EncodedImage image; (image = images.next()) != null;) {
                EncodedImage img = image;
                window.add(pool.submit(() -> preparer.prepare(img, buffers)));
                if (window.size() >= 4 * threads) {
                    take(window.remove(0).get(), keep, kept, buffers);
                }
            }
            for (Future<ModelInput> f : window) {
                take(f.get(), keep, kept, buffers);
            }
        } finally {
            pool.shutdown();
        }
        return kept;
    }

    private static void take(ModelInput in, boolean keep, List<ModelInput> kept, InputBuffers buffers) {
        if (keep) {
            kept.add(in);
        } else {
            buffers.release(in);
        }
    }

    private static void report(String stage, int images, long t0) {
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "%s %d images %.3f s %.1f img/s%n", stage, images, s, images / s);
    }
}

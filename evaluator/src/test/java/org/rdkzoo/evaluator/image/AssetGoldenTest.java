package org.rdkzoo.evaluator.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Real ImageNet JPEGs from {@code ../shared/assets} (all 1,000 sample images of many sizes, and every
 * tenth of the 1,300 validation images): decoding, the OE calibration tensor and the letterbox NV12
 * planes all equal OpenCV's, by sha256 ({@code golden/assets.tsv}).
 */
class AssetGoldenTest {
    @Test
    void realImageNetJpegsMatchOpenCvThroughDecodeCalibrationAndNv12() throws Exception {
        Path assets = Path.of(System.getProperty("rdkzoo.assets", "../shared/assets"));
        Assumptions.assumeTrue(Files.isDirectory(assets.resolve("images")),
                assets + " not found: skipping the OpenCV goldens on the shared ImageNet images");
        Preprocessor calibration = new Preprocessor(PreprocessSpec.oe().withDType(PreprocessSpec.DType.UINT8));
        Preprocessor board = new Preprocessor(PreprocessSpec.letterbox());
        List<String> lines = Goldens.lines(Goldens.dir().resolve("assets.tsv"));
        assertTrue(lines.size() > 1000, "expected the asset goldens, found " + lines.size());
        List<String> mismatches = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\t");
            BgrImage image = ImageDecoder.read(assets.resolve(f[0]));
            check(mismatches, f[0] + " decode", image.data(), f[1]);
            check(mismatches, f[0] + " oe calibration tensor", calibration.toUint8(image), f[2]);
            check(mismatches, f[0] + " letterbox nv12", board.toNv12(image), f[3]);
        }
        assertEquals(List.of(), mismatches, mismatches.size() + " outputs differ from OpenCV");
    }

    private static void check(List<String> mismatches, String what, byte[] actual, String expected) {
        if (!Goldens.sha256(actual).equals(expected)) {
            mismatches.add(what);
        }
    }
}

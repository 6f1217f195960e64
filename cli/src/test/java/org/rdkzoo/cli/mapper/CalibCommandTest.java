package org.rdkzoo.cli.mapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.cli.CliRunner;
import org.rdkzoo.cli.ExitCodes;
import org.rdkzoo.evaluator.json.Json;
import org.rdkzoo.mapperconfigs.calib.CalibrationManifest;

class CalibCommandTest {
    @TempDir
    Path tmp;

    private Path images;

    @BeforeEach
    void images() throws Exception {
        images = Files.createDirectories(tmp.resolve("images"));
        for (int i = 0; i < 4; i++) {
            BufferedImage img = new BufferedImage(40 + i, 30, BufferedImage.TYPE_3BYTE_BGR);
            img.setRGB(i, i, 0xff8040);
            ImageIO.write(img, "jpeg", images.resolve("ILSVRC2012_val_0000000" + i + ".JPEG").toFile());
        }
        Files.writeString(images.resolve("ILSVRC2012_val_00000009.JPEG"), "<html>404</html>");
    }

    @Test
    void writesTheFilesAndSummarisesWhatItDidOnStdout() throws Exception {
        Path out = tmp.resolve("cal");
        CliRunner.Result r = new CliRunner(tmp).run("mapper", "calib", "--images", images.toString(), "--out",
                out.toString(), "--count", "4", "--size", "16", "--short-side", "20", "--type", "uint8",
                "--jobs", "2");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("4 calibration files in " + out + " (4 written, 0 reused)"), r.out());
        assertTrue(r.out().contains("uint8, RGB, NCHW [1, 3, 16, 16], 768 bytes each: cal_data_type: 'uint8'"),
                r.out());
        assertTrue(r.out().contains("1 unreadable image(s) skipped:"), r.out());
        assertTrue(r.err().contains("skipping ILSVRC2012_val_00000009.JPEG: not a JPEG, PNG or BMP image"), r.err());
        CalibrationManifest m = Json.read(CalibrationManifest.locationFor(out), CalibrationManifest.class);
        assertEquals(4, m.files().size());
        assertTrue(m.provenance().commandLine().contains("--count"), m.provenance().commandLine().toString());
        assertEquals(768, Files.size(out.resolve("ILSVRC2012_val_00000002.rgb")));
    }

    @Test
    void countBeyondTheFolderExitsWithUsageAndTheNumberFound() {
        CliRunner.Result r = new CliRunner(tmp).run("mapper", "calib", "--images", images.toString(), "--out",
                tmp.resolve("cal").toString(), "--count", "100");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("--count 100 is more than the 5 image files"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void jsonFormatPrintsTheManifestAndQuietDropsProgress() throws Exception {
        CliRunner.Result r = new CliRunner(tmp).run("mapper", "calib", "--images", images.toString(), "--out",
                tmp.resolve("cal").toString(), "--count", "2", "--size", "8", "--short-side", "8", "--format",
                "json", "--quiet");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        CalibrationManifest m = Json.mapper().readValue(r.out(), CalibrationManifest.class);
        assertEquals(2, m.files().size());
        assertTrue(!r.err().contains("calib: "), "--quiet: no progress, only warnings: " + r.err());
    }

    @Test
    void badTypeIsAUsageError() {
        CliRunner.Result r = new CliRunner(tmp).run("mapper", "calib", "--images", images.toString(), "--out",
                tmp.resolve("cal").toString(), "--type", "int8");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("--type must be float32 or uint8, not 'int8'"), r.err());
    }
}

package org.rdkzoo.mapperconfigs.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.rdkzoo.evaluator.provenance.Sha256;
import org.rdkzoo.mapperconfigs.calib.CalibrationManifest;

/**
 * Identifies a calibration set: the SHA-256 of the manifest that {@code mapper calib} writes beside the
 * folder ({@code <folder>.manifest.json}), or, for folders made by other tools, of the listing of file names and sizes
 * (hashing every tensor would cost minutes for little more certainty).
 *
 * @param dir    the folder
 * @param sha256 the hash
 * @param basis  {@code manifest} or {@code listing}
 * @param files  number of regular files in the folder
 */
public record CalibrationFingerprint(String dir, String sha256, String basis, int files) {
    public static CalibrationFingerprint of(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                if (Files.isRegularFile(p)) {
                    lines.add(p.getFileName() + "\t" + Files.size(p));
                }
            }
        }
        Path manifest = CalibrationManifest.locationFor(dir);
        if (Files.isRegularFile(manifest)) {
            return new CalibrationFingerprint(dir.toString(), Sha256.of(manifest), "manifest", lines.size());
        }
        return new CalibrationFingerprint(dir.toString(), Sha256.of(String.join("\n", lines)), "listing", lines.size());
    }
}

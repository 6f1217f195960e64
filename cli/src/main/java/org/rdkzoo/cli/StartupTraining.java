package org.rdkzoo.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpServer;

/**
 * The workload the build runs under {@code -XX:ArchiveClassesAtExit} to write {@code cli/target/rdkzoo.jsa},
 * the class-data-sharing archive {@code ./rdkzoo} maps at start-up. A cold JVM spends most of a short command
 * loading and verifying classes (picocli, SnakeYAML, OkHttp, TLS, Jackson); with the archive they are mapped
 * ready-made: on the 2-core build machine a 1 MiB pull went from 1.31-1.38 s to 0.93-0.96 s. picocli's classes
 * (Java 5 class files) cannot be archived.
 *
 * <p>It runs the everyday commands in-process, against a temporary workspace and a loopback server, so that
 * what it loads is what users' commands load. Nothing it prints matters; a command that fails here only
 * leaves its classes out of the archive, so failures are reported on stderr and never fail the build.
 */
public final class StartupTraining {
    private StartupTraining() {
    }

    public static void main(String[] args) throws Exception {
        for (String failure : run()) {
            System.err.println("startup training: " + failure + " (its classes stay out of the archive)");
        }
    }

    /** Runs the workload in a temporary folder it deletes; returns the commands that failed, with their errors. */
    static List<String> run() throws Exception {
        Path work = Files.createTempDirectory("rdkzoo-startup-training");
        HttpServer server = null;
        List<String> failures = new ArrayList<>();
        try {
            byte[] body = new byte[256 * 1024];
            for (int i = 0; i < body.length; i++) {
                body[i] = (byte) (i * 31 + 7);
            }
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                exchange.getResponseHeaders().add("ETag", "\"training\"");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            Path catalog = work.resolve("training.yaml");
            Files.writeString(catalog, "base_url: http://127.0.0.1:" + server.getAddress().getPort() + "/\n"
                    + "defaults: {input: 224x224, classes: 1000}\n"
                    + "models:\n"
                    + "  - {family: Training, id: training, bin: {file: training_224x224_nv12.bin, sha256: "
                    + sha256(body) + ", size: " + body.length + "}}\n");
            Path config = work.resolve("config.yaml");
            Files.writeString(config, CONFIG);
            String cache = work.resolve("cache").toString();
            Path images = Files.createDirectories(work.resolve("images"));
            for (int i = 0; i < 4; i++) {
                // Sizes that take the resize's general path, both orientations.
                BufferedImage image = new BufferedImage(300 + 97 * i, 400 - 61 * i, BufferedImage.TYPE_3BYTE_BGR);
                for (int y = 0; y < image.getHeight(); y++) {
                    for (int x = 0; x < image.getWidth(); x++) {
                        image.setRGB(x, y, (x * 7 + y * 3 + i * 50) * 0x010203);
                    }
                }
                ImageIO.write(image, "jpg", images.resolve("n0144" + i + "_" + i + ".JPEG").toFile());
            }

            // The second pull finds the file cached; "efficientnet_b33" takes the did-you-mean path (exit 2).
            List<List<String>> commands = List.of(
                    List.of("--help"), List.of("--version"),
                    List.of("models"), List.of("models", "--format", "json"), List.of("models", "--format", "csv"),
                    List.of("info", "efficientnet_b3"),
                    List.of("pull", "training", "--catalog", catalog.toString(), "--dir", cache),
                    List.of("pull", "training", "--catalog", catalog.toString(), "--dir", cache),
                    List.of("verify", "--catalog", catalog.toString(), "--dir", cache),
                    List.of("mapper", "validate", "--no-files", config.toString()),
                    List.of("experiments", "list"),
                    List.of("mapper", "calib", "--images", images.toString(), "--out", work.resolve("calib").toString(),
                            "--count", "4", "--jobs", "2"),
                    List.of("eval", "--help"), List.of("sim", "--help"), List.of("compare", "--help"),
                    List.of("report", "--help"), List.of("mapper", "calib", "--help"),
                    List.of("mapper", "build", "--help"), List.of("bench", "--help"));
            Map<String, String> env = Map.of("RDKZOO_HOME", work.resolve("home").toString());
            for (List<String> command : commands) {
                StringWriter err = new StringWriter();
                CliContext context = new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(err), env,
                        Clock.systemUTC(), false);
                int code = Main.run(context, command.toArray(String[]::new));
                if (code != ExitCodes.OK) {
                    failures.add("rdkzoo " + String.join(" ", command) + " exited " + code + ": "
                            + err.toString().strip());
                }
            }
            StringWriter err = new StringWriter();
            Main.run(new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(err), env,
                    Clock.systemUTC(), false), "info", "efficientnet_b33");
            if (!err.toString().contains("did you mean")) {
                failures.add("rdkzoo info efficientnet_b33 offered no suggestion: " + err.toString().strip());
            }
        } finally {
            if (server != null) {
                server.stop(0);
            }
            try (Stream<Path> files = Files.walk(work)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                failures.add("could not delete " + work + ": " + e.getMessage());
            }
        }
        return failures;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A small valid X5 config, so that validation's model and rules are loaded. */
    private static final String CONFIG = String.join("\n",
            "model_parameters:",
            "  onnx_model: model.onnx",
            "  march: bayes-e",
            "  working_dir: model_output",
            "  output_model_file_prefix: training",
            "input_parameters:",
            "  input_name: input",
            "  input_type_rt: nv12",
            "  input_type_train: rgb",
            "  input_layout_train: NCHW",
            "  norm_type: data_mean_and_scale",
            "  mean_value: 123.675 116.28 103.53",
            "  scale_value: 0.01712475 0.017507 0.01742919",
            "calibration_parameters:",
            "  cal_data_dir: calibration",
            "  calibration_type: default",
            "compiler_parameters:",
            "  compile_mode: latency",
            "  optimize_level: O3",
            "") + "\n";
}

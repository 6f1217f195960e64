package org.rdkzoo.mapperconfigs.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.mapperconfigs.logs.CheckerLog;
import org.rdkzoo.mapperconfigs.standin.StandIns;

class DockerToolchainTest {
    @TempDir
    Path dir;

    @Test
    void mountValuesQuoteFieldsWithCommasAndQuotesAsCsv() {
        assertEquals("type=bind,source=/a b/$x,target=/rdkzoo/work",
                DockerToolchain.mountSpec(Path.of("/a b/$x"), "/rdkzoo/work", false));
        assertEquals("type=bind,\"source=/m,1/\"\"q\"\"\",target=/rdkzoo/model,readonly",
                DockerToolchain.mountSpec(Path.of("/m,1/\"q\""), "/rdkzoo/model", true));
    }

    @Test
    void runsTheCheckerInTheImageAsTheUserWithReadOnlyInputsEvenInAwkwardFolders() throws Exception {
        StandIns standIns = StandIns.install(dir.resolve("stand ins"));
        Path models = Files.createDirectories(dir.resolve("my models, 'v2' \"final\" $HOME"));
        Path model = Files.writeString(models.resolve("efficient net $b2.onnx"), "onnx");
        Path work = Files.createDirectories(dir.resolve("run folder"));

        Toolchain docker = new ToolchainLocator(standIns.env()).locate(ToolchainLocator.Choice.DOCKER, null);
        Toolchain.Launch launch = docker.prepare(work, Map.of("model", models), "rdkzoo-test-1");
        String inContainer = launch.path(model);
        assertEquals("/rdkzoo/model/efficient net $b2.onnx", inContainer);
        List<String> argv = launch.command(List.of("checker", "--model-type", "onnx", "--march", "bayes-e", "--model", inContainer));
        List<String> lines = new ArrayList<>();
        ToolProcess.Outcome o = new ToolProcess(Clock.systemUTC()).run(
                new ToolProcess.Command(argv, launch.hostWorkDir(), standIns.env()), lines::add, null, new CancelToken(), null);
        assertEquals(0, o.exitCode(), String.join("\n", lines));

        List<String> run = standIns.invocations("docker", "run").get(0).argv();
        assertTrue(run.contains("--rm"), run.toString());
        assertTrue(run.get(run.indexOf("--user") + 1).matches("\\d+:\\d+"), run.toString());
        assertEquals("rdkzoo-test-1", run.get(run.indexOf("--name") + 1));
        assertTrue(run.contains("type=bind,source=" + work.toAbsolutePath() + ",target=/rdkzoo/work"), run.toString());
        assertTrue(run.contains("type=bind,\"source=" + models.toAbsolutePath().toString().replace("\"", "\"\"")
                + "\",target=/rdkzoo/model,readonly"), run.toString());
        assertEquals(List.of(Toolchain.DEFAULT_IMAGE, "hb_mapper", "checker", "--model-type", "onnx", "--march", "bayes-e",
                "--model", "/rdkzoo/model/efficient net $b2.onnx"), run.subList(run.indexOf(Toolchain.DEFAULT_IMAGE), run.size()));
        // hb_mapper saw the container path and wrote its log into the run folder on the host.
        assertEquals("/rdkzoo/model/efficient net $b2.onnx",
                standIns.invocations("hb_mapper", "checker").get(0).argv().get(6));
        assertEquals(13, CheckerLog.parse(work.resolve("hb_mapper_checker.log")).nodes().size());
    }

    @Test
    void aHostPathOutsideTheMountsIsRefusedRatherThanPassedThrough() throws Exception {
        Toolchain docker = new DockerToolchain(Path.of("/usr/bin/docker"), "img", Map.of(), "1:1", Map.of());
        Toolchain.Launch launch = docker.prepare(dir, Map.of(), "n");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> launch.path(Path.of("/etc/passwd")));
        assertEquals("/rdkzoo/work/a/b.yaml", launch.path(dir.resolve("a/b.yaml")));
    }
}

package org.rdkzoo.mapperconfigs.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rdkzoo.mapperconfigs.standin.StandIns;

class ToolchainLocatorTest {
    @TempDir
    Path dir;
    StandIns standIns;
    Map<String, String> env;

    @BeforeEach
    void install() throws Exception {
        standIns = StandIns.install(dir);
        env = new HashMap<>(standIns.env());
    }

    @Test
    void autoPicksDockerWhenTheDaemonAnswersAndTheImageIsPresent() throws Exception {
        Toolchain t = new ToolchainLocator(env).locate(ToolchainLocator.Choice.AUTO, null);
        assertEquals("docker", t.kind());
        assertEquals(Toolchain.DEFAULT_IMAGE, t.describe().get("image"));
        assertEquals("sha256:5tand1n0000", t.describe().get("imageId"));
    }

    @Test
    void autoFallsBackToHbMapperOnPathWhenTheDaemonIsDown() throws Exception {
        env.put("STANDIN_DOCKER_DAEMON", "down");
        Toolchain t = new ToolchainLocator(env).locate(ToolchainLocator.Choice.AUTO, null);
        assertEquals("local", t.kind());
        assertEquals(standIns.bin().resolve("hb_mapper").toString(), t.describe().get("hb_mapper"));
    }

    @Test
    void withNeitherDockerNorHbMapperTheMessageSaysWhatToInstallAndWhereTheOfflineImageIs() throws Exception {
        standIns.without("docker").without("hb_mapper");
        ToolchainUnavailableException e = assertThrows(ToolchainUnavailableException.class,
                () -> new ToolchainLocator(env).locate(ToolchainLocator.Choice.AUTO, null));
        assertTrue(e.getMessage().contains("docker is not on PATH"), e.getMessage());
        assertTrue(e.getMessage().contains("hb_mapper is not on PATH"), e.getMessage());
        assertTrue(e.getMessage().contains("docker pull " + Toolchain.DEFAULT_IMAGE), e.getMessage());
        assertTrue(e.getMessage().contains(ToolchainLocator.OFFLINE_IMAGE_URL), e.getMessage());
        assertTrue(e.getMessage().contains("docker load"), e.getMessage());
    }

    @Test
    void aDownDaemonWithoutHbMapperStillNamesTheImageToGet() throws Exception {
        env.put("STANDIN_DOCKER_DAEMON", "down");
        standIns.without("hb_mapper");
        ToolchainUnavailableException e = assertThrows(ToolchainUnavailableException.class,
                () -> new ToolchainLocator(env).locate(ToolchainLocator.Choice.AUTO, null));
        assertTrue(e.getMessage().contains("start the Docker service"), e.getMessage());
        assertTrue(e.getMessage().contains(ToolchainLocator.OFFLINE_IMAGE_URL), e.getMessage());
    }

    @Test
    void anAbsentImageIsReportedWithThePullCommandForThatImage() throws Exception {
        ToolchainUnavailableException e = assertThrows(ToolchainUnavailableException.class,
                () -> new ToolchainLocator(env).locate(ToolchainLocator.Choice.DOCKER, "example/oe:v9"));
        assertTrue(e.getMessage().contains("the OE image example/oe:v9 is not present"), e.getMessage());
        assertTrue(e.getMessage().contains("docker pull example/oe:v9"), e.getMessage());
    }

    @Test
    void aDaemonThatIsDownIsReportedWithDockersOwnWords() throws Exception {
        env.put("STANDIN_DOCKER_DAEMON", "down");
        ToolchainUnavailableException e = assertThrows(ToolchainUnavailableException.class,
                () -> new ToolchainLocator(env).locate(ToolchainLocator.Choice.DOCKER, null));
        assertTrue(e.getMessage().contains("'docker info' failed: Cannot connect to the Docker daemon"), e.getMessage());
    }

    @Test
    void localWithoutHbMapperOnPathSaysWhereToRun() throws Exception {
        standIns.without("hb_mapper");
        ToolchainUnavailableException e = assertThrows(ToolchainUnavailableException.class,
                () -> new ToolchainLocator(env).locate(ToolchainLocator.Choice.LOCAL, null));
        assertTrue(e.getMessage().startsWith("hb_mapper is not on PATH"), e.getMessage());
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang here is the bug this test is about
    void aDockerInfoThatNeverAnswersIsGivenUpAfterTheProbeTimeout() throws Exception {
        env.put("STANDIN_DOCKER_DAEMON", "hang");
        ToolchainUnavailableException e = assertThrows(ToolchainUnavailableException.class,
                () -> new ToolchainLocator(env, Duration.ofSeconds(2)).locate(ToolchainLocator.Choice.DOCKER, null));
        assertTrue(e.getMessage().startsWith("'docker info' gave no answer in 2 s"), e.getMessage());
        assertTrue(e.getMessage().contains("restart the Docker service"), e.getMessage());
        // auto goes on to hb_mapper on PATH
        assertEquals("local", new ToolchainLocator(env, Duration.ofSeconds(2)).locate(ToolchainLocator.Choice.AUTO, null).kind());
    }
}

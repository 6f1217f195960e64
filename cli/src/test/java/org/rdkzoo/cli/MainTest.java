package org.rdkzoo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path home;

    @Test
    void helpGoesToStdoutAndListsExitCodes() {
        CliRunner.Result r = new CliRunner(home).run("--help");
        assertEquals(ExitCodes.OK, r.exitCode());
        assertTrue(r.out().contains("Usage: rdkzoo"), r.out());
        assertTrue(r.out().contains("Exit codes:"), r.out());
        assertTrue(r.out().contains("generate-completion"), r.out());
    }

    @Test
    void versionNamesRdkzooAndJava() {
        CliRunner.Result r = new CliRunner(home).run("--version");
        assertEquals(ExitCodes.OK, r.exitCode());
        assertTrue(r.out().startsWith("rdkzoo "), r.out());
        assertFalse(r.out().contains("unknown"), r.out());
    }

    @Test
    void onlyWhatTheCommandLineNeedsIsBuilt() {
        CliContext context = CliContext.system();
        assertTrue(Main.commandLine(context, "--version").getSubcommands().isEmpty());
        assertEquals(java.util.Set.of("models"), Main.commandLine(context, "models", "--format", "json")
                .getSubcommands().keySet());
        assertEquals(RdkzooCommand.SUBCOMMANDS.size(), Main.commandLine(context, "--help").getSubcommands().size());
        assertEquals(RdkzooCommand.SUBCOMMANDS.size(), Main.commandLine(context, "--version", "--verbose")
                .getSubcommands().size());
    }

    @Test
    void unknownOptionIsAUsageErrorOnStderrWithAHint() {
        CliRunner.Result r = new CliRunner(home).run("--no-such-option");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().contains("Unknown option: '--no-such-option'"), r.err());
        assertTrue(r.err().contains("Try 'rdkzoo --help'"), r.err());
    }

    @Test
    void noCommandPrintsUsageOnStderr() {
        CliRunner.Result r = new CliRunner(home).run();
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("Usage: rdkzoo"), r.err());
    }

    @Test
    void bashCompletionScriptIsGenerated() {
        CliRunner.Result r = new CliRunner(home).run("generate-completion");
        assertEquals(ExitCodes.OK, r.exitCode());
        assertTrue(r.out().contains("complete -F"), r.out().substring(0, Math.min(200, r.out().length())));
    }

    @Test
    void failureWithoutVerboseHidesTheStackTrace() {
        CliContext ctx = new CliContext(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()), java.util.Map.of(), java.time.Clock.systemUTC(), false);
        java.io.StringWriter err = new java.io.StringWriter();
        CliContext capture = new CliContext(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err),
                java.util.Map.of(), java.time.Clock.systemUTC(), false);
        int code = Main.handle(capture, new IllegalStateException("disk full"));
        assertEquals(ExitCodes.FAILURE, code);
        assertTrue(err.toString().contains("rdkzoo: error: disk full"), err.toString());
        assertFalse(err.toString().contains("at org.rdkzoo"), err.toString());
        assertEquals(ExitCodes.INTERRUPTED, Main.handle(ctx, new InterruptedException()));
        assertEquals(ExitCodes.THRESHOLD, Main.handle(ctx, new CliException(ExitCodes.THRESHOLD, "drop 2.1 > 1.0")));
    }

    @Test
    void aCommandLineThatNamesASubcommandBuildsThatOneOnlyAndHelpBuildsThemAll() {
        CliContext ctx = new CliContext(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()), java.util.Map.of(), java.time.Clock.systemUTC(), false);
        assertEquals(java.util.Set.of("models"), Main.commandLine(ctx, "models", "--family", "EfficientNet")
                .getSubcommands().keySet());
        assertEquals(java.util.Set.of("pull"), Main.commandLine(ctx, "--verbose", "pull", "x").getSubcommands().keySet());
        int all = RdkzooCommand.SUBCOMMANDS.size();
        assertEquals(all, Main.commandLine(ctx, "--help").getSubcommands().size());
        assertEquals(all, Main.commandLine(ctx, "help", "eval").getSubcommands().size());
        assertEquals(all, Main.commandLine(ctx, "modles").getSubcommands().size(), "a typo gets suggestions");
        assertEquals(all, Main.commandLine(ctx).getSubcommands().size());
    }

    @Test
    void withinAGroupOnlyTheNamedSubcommandIsBuiltAndItsHelpBuildsThemAll() {
        CliContext ctx = new CliContext(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()), java.util.Map.of(), java.time.Clock.systemUTC(), false);
        int mapperAll = org.rdkzoo.cli.mapper.MapperCommand.SUBCOMMANDS.size();
        assertEquals(java.util.Set.of("calib"), Main.commandLine(ctx, "--verbose", "mapper", "calib", "--images", "x")
                .getSubcommands().get("mapper").getSubcommands().keySet());
        assertEquals(java.util.Set.of("show"), Main.commandLine(ctx, "experiments", "show", "x")
                .getSubcommands().get("experiments").getSubcommands().keySet());
        assertEquals(mapperAll, Main.commandLine(ctx, "mapper", "--help").getSubcommands().get("mapper")
                .getSubcommands().size());
        assertEquals(mapperAll, Main.commandLine(ctx, "mapper").getSubcommands().get("mapper").getSubcommands().size());
        assertEquals(mapperAll, Main.commandLine(ctx, "mapper", "calbi").getSubcommands().get("mapper")
                .getSubcommands().size(), "a typo gets suggestions");
        assertEquals(mapperAll, Main.commandLine(ctx, "help", "mapper").getSubcommands().get("mapper")
                .getSubcommands().size());
        assertEquals(mapperAll, Main.commandLine(ctx).getSubcommands().get("mapper").getSubcommands().size());
    }

    @Test
    void aMistypedSubcommandOfAGroupGetsASuggestion() {
        CliRunner.Result r = new CliRunner(home).run("mapper", "calbi");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("calib"), r.err());
    }

    @Test
    void verboseBeforeOrAfterASubcommandShowsTheStackTrace() {
        CliRunner.Result before = new CliRunner(home).run("--verbose", "info", "no_such_model");
        CliRunner.Result after = new CliRunner(home).run("info", "no_such_model", "--verbose");
        for (CliRunner.Result r : java.util.List.of(before, after)) {
            assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
            assertTrue(r.err().contains("at org.rdkzoo"), r.err());
        }
    }
}

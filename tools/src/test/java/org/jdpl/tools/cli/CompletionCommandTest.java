package org.jdpl.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script: every command and its options, and bash accepts it and completes with it. */
class CompletionCommandTest
{
    @TempDir
    Path dir;

    @Test
    void shouldCompleteCommandsAndTheirOptionsInBash() throws Exception
    {
        final DplRun run = DplRun.run("completion");
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        final Path script = Files.writeString(dir.resolve("dpl-completion.bash"), run.out());

        // What bash offers after "dpl ", and after "dpl run --dev".
        final Process bash = new ProcessBuilder("bash", "-c", "source " + script + "\n" +
            "COMP_WORDS=(dpl ''); COMP_CWORD=1; COMP_LINE='dpl '; COMP_POINT=4; _complete_dpl; echo \"${COMPREPLY[*]}\"\n" +
            "COMP_WORDS=(dpl run --dev); COMP_CWORD=2; COMP_LINE='dpl run --dev'; COMP_POINT=13; _complete_dpl; echo \"${COMPREPLY[*]}\"")
            .redirectError(dir.resolve("bash.err").toFile()).start(); // compopt complains outside a real completion
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS), "bash did not finish");
        final String offered = new String(bash.getInputStream().readAllBytes());
        assertEquals(0, bash.exitValue(), offered + Files.readString(dir.resolve("bash.err")));
        final String[] lines = offered.split("\n");
        assertEquals(2, lines.length, offered);
        for (final String command : new String[] {"run", "validate", "graph", "devices", "status", "top", "logs", "completion"})
        {
            assertTrue((" " + lines[0] + " ").contains(" " + command + " "), "'" + command + "' offered after 'dpl ': " + offered);
        }
        assertEquals("--devices", lines[1].trim(), offered);
    }
}

package org.jdpl.framework.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What one incarnation of a sink set is still there for the next and for the Driver; the file costs only what was touched. */
class CompletionBitsTest
{
    @TempDir
    Path dir;

    @Test
    void shouldKeepWhatEveryIncarnationSet() throws Exception
    {
        final Path file = dir.resolve("completions").resolve("sink.0.bits");
        final CompletionBits first = CompletionBits.open(file);
        for (long t = 0; t < 1000; t += 2)
        {
            first.set(t);
        }
        // A restarted replica opens the same file; it does not start from nothing.
        final CompletionBits second = CompletionBits.open(file);
        second.set(1001);
        second.set(CompletionBits.CAPACITY); // beyond what the file holds: not recorded, no failure

        final BitSet read = CompletionBits.read(file);
        final BitSet expected = new BitSet();
        for (int t = 0; t < 1000; t += 2)
        {
            expected.set(t);
        }
        expected.set(1001);
        assertEquals(expected, read);
        final Process stat = new ProcessBuilder("stat", "-c", "%b", file.toString()).start();
        final long blocks = Long.parseLong(new String(stat.getInputStream().readAllBytes()).trim());
        assertEquals(0, stat.waitFor());
        assertTrue(blocks * 512 < 1 << 20, "sparse: a few pages taken (" + blocks + " blocks), not the " + Files.size(file) + " bytes it spans");
    }

    @Test
    void shouldReadNothingWhenThereIsNoFile()
    {
        assertTrue(CompletionBits.read(dir.resolve("none.bits")).isEmpty());
    }
}

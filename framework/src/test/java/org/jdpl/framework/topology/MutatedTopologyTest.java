package org.jdpl.framework.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Whatever a user types, the compiler answers with problems, never with an exception: good files
 * with characters deleted, duplicated or replaced (a fixed seed, so a failure reproduces) either
 * compile or give one-line problems that name a place.
 */
class MutatedTopologyTest
{
    private static final int MUTATIONS_PER_FILE = Integer.getInteger("jdpl.test.mutations", 100);
    private static final String NOISE = "{}[]=:,\"$?./*#\n ${x}0aZ-_";

    @TempDir
    Path dir;

    @Test
    void shouldAnswerEveryMutationWithProblemsNotExceptions() throws IOException
    {
        final SplittableRandom random = new SplittableRandom(20261122L);
        final List<Path> goods;
        try (var files = Files.list(Path.of("src/test/resources/good")))
        {
            goods = files.filter(f -> f.toString().endsWith(".conf")).sorted().toList();
        }
        for (final Path good : goods)
        {
            final String text = Files.readString(good);
            for (int m = 0; m < MUTATIONS_PER_FILE; m++)
            {
                final String mutated = mutate(text, random);
                final Path file = Files.writeString(dir.resolve("mutated.conf"), mutated);
                final Compilation result;
                try
                {
                    result = TopologyTestSupport.compile(List.of(file), List.of());
                }
                catch (final RuntimeException e)
                {
                    fail("compiling this text threw " + e + ":\n" + mutated, e);
                    return;
                }
                assertTrue(result.ok() == (result.plan() != null), mutated);
                for (final Problem problem : result.problems())
                {
                    assertFalse(problem.toString().contains("Exception"), () -> problem + "\nfrom:\n" + mutated);
                    assertFalse(problem.location().isEmpty(), () -> "a problem without a place: " + problem + "\nfrom:\n" + mutated);
                }
            }
        }
    }

    private static String mutate(final String text, final SplittableRandom random)
    {
        final StringBuilder b = new StringBuilder(text);
        final int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && b.length() > 1; e++)
        {
            final int at = random.nextInt(b.length());
            switch (random.nextInt(3))
            {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, b.charAt(at));
                default -> b.setCharAt(at, NOISE.charAt(random.nextInt(NOISE.length())));
            }
        }
        return b.toString();
    }
}

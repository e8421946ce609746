package org.jdpl.topologies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The start-up (AOT) cache through the real {@code ./dpl}, in an install of its own: made once per
 * build with one notice, used by every device process (the JVM's own class-loading log says where each
 * class came from), made again when a jar changes, and never the reason a run fails: missing, corrupt or
 * impossible to make, the run still succeeds and {@code dpl} says so once.
 */
@Timeout(600)
class AotCacheRunTest
{
    private static final String MAKING = "dpl: making the start-up cache";
    private static final String NOT_USED = "running without it";
    /** The JVM logs each class it loads and where from: the cache ("shared objects file") or a jar. */
    private static final Map<String, String> CLASS_LOADING_LOG = Map.of("JDPL_DEVICE_JVM_OPTIONS", "-Xlog:class+load");
    private static final String RUNNER_FROM_CACHE = "org.jdpl.framework.runner.DeviceRunner source: shared objects file";
    private static final String RUNNER_FROM_JAR = "org.jdpl.framework.runner.DeviceRunner source: file:";

    @TempDir
    Path dir;

    private DplInstall dpl;
    private Path topology;
    private int runs;

    @BeforeEach
    void install() throws IOException
    {
        assumeTrue(DplInstall.jarsOnClassPath(), DplInstall.NEEDS_JARS);
        dpl = DplInstall.create(dir.resolve("jdpl"));
        topology = Files.writeString(dir.resolve("chain.conf"), """
            devices {
              source { use = counter-source, options { timeslices = 10, payload-bytes = 256 } }
              fwd    { use = forwarder }
              sink   { use = checksum-sink }
            }
            """);
    }

    @Test
    void shouldMakeAMissingCacheOnceAndStartEveryDeviceProcessFromIt() throws Exception
    {
        final DplInstall.Result first = run(Map.of()); // a fresh build: no cache yet
        assertEquals(0, first.exitCode(), first::toString);
        assertEquals(1, first.lines(MAKING), first::toString);
        assertTrue(Files.size(dpl.cache()) > 0);

        final DplInstall.Result second = run(CLASS_LOADING_LOG);
        assertEquals(0, second.exitCode(), second::toString);
        assertEquals(0, second.lines(MAKING), second::toString);
        assertEquals(0, second.lines(NOT_USED), second::toString);
        final List<Path> logs = deviceLogs("runs-1");
        assertEquals(3, logs.size(), logs::toString);
        for (final Path log : logs)
        {
            final String text = Files.readString(log);
            assertTrue(text.contains(RUNNER_FROM_CACHE), () -> log + " does not show the runner loaded from the cache:\n" + head(text));
        }
    }

    @Test
    void shouldMakeTheCacheAgainWhenAJarChanges() throws Exception
    {
        assertEquals(0, run(Map.of()).exitCode());
        dpl.touchLibrary("jdpl-framework-");

        final DplInstall.Result afterRebuild = run(Map.of());

        assertEquals(0, afterRebuild.exitCode(), afterRebuild::toString);
        assertEquals(1, afterRebuild.lines(MAKING), afterRebuild::toString);
        assertEquals(0, afterRebuild.lines(NOT_USED), afterRebuild::toString);
    }

    @Test
    void shouldRunWithoutACorruptCacheAndSaySoOnce() throws Exception
    {
        assertEquals(0, run(Map.of()).exitCode());
        final byte[] cache = Files.readAllBytes(dpl.cache());
        Files.write(dpl.cache(), java.util.Arrays.copyOf(cache, cache.length / 3)); // same jars, a truncated file

        final DplInstall.Result corrupt = run(CLASS_LOADING_LOG);

        assertEquals(0, corrupt.exitCode(), corrupt::toString);
        assertEquals(1, corrupt.lines(NOT_USED), corrupt::toString);
        assertEquals(0, corrupt.lines("[aot]"), corrupt::toString);
        for (final Path log : deviceLogs("runs-1"))
        {
            final String text = Files.readString(log);
            assertTrue(text.contains(RUNNER_FROM_JAR), () -> log + " does not show the runner loaded from its jar:\n" + head(text));
        }
        final DplInstall.Result next = run(Map.of());
        assertEquals(1, next.lines(MAKING), "the next ./dpl makes the cache again:\n" + next);
    }

    @Test
    void shouldRunWhenTheCacheCannotBeMadeAndTryAgainOnlyAfterTheNextBuild() throws Exception
    {
        Files.writeString(dpl.trainingTopology(), "devices { broken { use = no-such-device } }\n");

        final DplInstall.Result failed = run(Map.of());
        final DplInstall.Result again = run(Map.of());

        assertEquals(0, failed.exitCode(), failed::toString);
        assertEquals(1, failed.lines("dpl: could not make the start-up cache"), failed::toString);
        assertFalse(Files.exists(dpl.cache()));
        assertEquals(0, again.exitCode(), again::toString);
        assertEquals(0, again.lines(MAKING), "a failed training run is not repeated for the same build:\n" + again);
    }

    private DplInstall.Result run(final Map<String, String> environment) throws IOException, InterruptedException
    {
        return dpl.run(environment, "run", topology.toString(), "--runs-dir", dir.resolve("runs-" + runs++).toString());
    }

    private List<Path> deviceLogs(final String runs) throws IOException
    {
        try (Stream<Path> files = Files.walk(dir.resolve(runs)))
        {
            return files.filter(p -> p.getParent().getFileName().toString().equals("logs")).sorted().toList();
        }
    }

    private static String head(final String text)
    {
        return text.lines().limit(20).reduce("", (a, b) -> a + b + "\n");
    }
}

package org.jdpl.topologies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A device's {@code jvm { heap = ... }} reaches its process: the JVM's own start-up log says what heap it got. */
@Timeout(300)
class DeviceJvmRunTest
{
    /** The JVM logs its heap sizes at start-up; no AOT cache, which is not what this test is about. */
    private static final Map<String, String> HEAP_LOG = Map.of("JDPL_DEVICE_JVM_OPTIONS", "-Xlog:gc+init", "JDPL_AOT", "off");

    @TempDir
    Path dir;

    @Test
    void shouldGiveEachProcessTheHeapItsDevicesAskFor() throws Exception
    {
        assumeTrue(DplInstall.jarsOnClassPath(), DplInstall.NEEDS_JARS);
        final DplInstall dpl = DplInstall.create(dir.resolve("jdpl"));
        final Path topology = Files.writeString(dir.resolve("heap.conf"), """
            devices {
              source { use = counter-source, options { timeslices = 10 } }
              fwd    { use = forwarder, jvm { heap = 200M } }
              f2     { use = forwarder, inputs = ["in:TST/FORWARD"], outputs = ["out:TST/F2/0"], process = pair, jvm.heap = 100M }
              f3     { use = forwarder, inputs = ["in:TST/F2"], outputs = ["out:TST/F3/0"], process = pair, jvm.heap = 60M }
              sink   { use = checksum-sink, inputs = ["in:TST/F3"] }
            }
            """);

        final DplInstall.Result run = dpl.run(HEAP_LOG, "run", topology.toString(), "--runs-dir", dir.resolve("runs").toString());

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(log("fwd").contains("Heap Max Capacity: 200M"), () -> log("fwd"));
        assertTrue(log("pair").contains("Heap Max Capacity: 160M"), () -> log("pair"));
        assertTrue(log("sink").contains("Heap Max Capacity: 1G"), () -> log("sink"));
    }

    private String log(final String process)
    {
        try (Stream<Path> files = Files.walk(dir.resolve("runs")))
        {
            final Path log = files.filter(p -> p.getFileName().toString().equals(process + ".0.log")).findFirst().orElseThrow();
            return Files.readString(log);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
